// "New OGI report" in the engine: the templates a host offers, the default issue date and the
// text of a new report (the language server answers ogiReport/templates and ogiReport/newReport
// with these; test/lsp/newReport.test.ts checks them over the protocol).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText, defaultIssued, newReportText, parseReport, templateSummaries } from '../../server/src/service';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, getTemplate } from '../../server/src/statute';

const t2021 = getTemplate('ogi-annual-2021')!;

describe('new report templates', () => {
  test('every registered template, with its years and basis, and the default id', () => {
    const { templates, defaultId } = templateSummaries();
    assert.equal(defaultId, DEFAULT_TEMPLATE_ID);
    assert.equal(defaultId, 'ogi-annual-2021');
    assert.deepEqual(
      templates,
      TEMPLATES.map((t) => ({
        id: t.id,
        name: t.name,
        basis: t.basis,
        firstYear: t.firstYear,
        ...(t.lastYear === undefined ? {} : { lastYear: t.lastYear }),
      })),
    );
    const byId = new Map(templates.map((t) => [t.id, t]));
    assert.deepEqual([byId.get('ogi-annual-2019')?.firstYear, byId.get('ogi-annual-2019')?.lastYear], [2019, 2020]);
    assert.equal(byId.get('ogi-annual-2021')?.firstYear, 2021);
    // JSON has no undefined: a template still in use has no lastYear key at all.
    assert.ok(!('lastYear' in byId.get('ogi-annual-2021')!));
    for (const t of templates) assert.ok(t.name && t.basis, t.id);
  });
});

describe('new report defaults', () => {
  test('the issue date is today, clipped into the publication window the engine computes', () => {
    assert.equal(defaultIssued(t2021, '安丘市景芝镇人民政府', 2023, '2024-01-15'), '2024-01-15');
    assert.equal(defaultIssued(t2021, '某某市某某局', 2023, '2024-06-01'), '2024-01-31');
    assert.equal(defaultIssued(t2021, '某某市人民政府', 2023, '2024-03-10'), '2024-03-10');
    assert.equal(defaultIssued(t2021, '某某市人民政府', 2023, '2024-05-01'), '2024-03-31');
    assert.equal(defaultIssued(t2021, '某某市某某局', 2023, '2023-12-20'), '2024-01-01');
  });
});

describe('new report text', () => {
  for (const [templateId, year] of [
    ['ogi-annual-2021', 2024],
    ['ogi-annual-2019', 2020],
  ] as const) {
    test(`${templateId}: front matter as asked, and nothing the engine calls an error`, () => {
      const text = newReportText({ templateId, agency: ' 某某市某某局 ', year, today: `${year + 1}-01-20` });
      const { data } = parseReport(text).frontMatter;
      assert.equal(data.template, templateId);
      assert.equal(data.agency, '某某市某某局');
      assert.equal(data.year, year);
      assert.equal(data.issued, `${year + 1}-01-20`);
      assert.deepEqual(
        checkText(text)
          .filter((f) => f.severity === 'error')
          .map((f) => f.code),
        [],
      );
    });
  }

  test('the text: front matter, the 统计期限 sentence, then the six statutory sections in order', () => {
    const text = newReportText({
      templateId: 'ogi-annual-2021',
      agency: '某某市某某局',
      year: 2024,
      today: '2025-01-20',
    });
    assert.ok(
      text.startsWith(
        '---\ntemplate: ogi-annual-2021\nagency: 某某市某某局\nyear: 2024\nissued: 2025-01-20\n---\n\n' +
          '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。\n\n## 一、',
      ),
      text.slice(0, 200),
    );
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(
      headings,
      t2021.sections.map((s) => `## ${s.number}、${s.title}`),
    );
  });

  test('an unknown template id means the default template', () => {
    const text = newReportText({
      templateId: 'ogi-annual-1999',
      agency: '某某市某某局',
      year: 2024,
      today: '2025-01-20',
    });
    assert.equal(parseReport(text).frontMatter.data.template, DEFAULT_TEMPLATE_ID);
  });

  test('an agency name YAML would misread is quoted', () => {
    for (const agency of ['某某局: 办公室', '某某局 #2', '- 某某局', "'某某局'", 'true', '2024']) {
      const text = newReportText({ templateId: 'ogi-annual-2021', agency, year: 2024, today: '2025-01-20' });
      assert.equal(parseReport(text).frontMatter.data.agency, agency, text.split('\n')[2]);
    }
    // A plain name stays plain.
    const plain = newReportText({ templateId: 'ogi-annual-2021', agency: '某某局', year: 2024, today: '2025-01-20' });
    assert.equal(plain.split('\n')[2], 'agency: 某某局');
  });
});
