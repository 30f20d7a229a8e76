// The editor-free parts of the VS Code client: the "New OGI report" defaults and text, and the
// restart policy for a crashing server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultIssued, defaultYear, newReportText, parseYear, templateFitsYear } from '../../client/src/newReport';
import { RestartPolicy } from '../../client/src/restartPolicy';
import { checkText, parseReport } from '../../server/src/service';
import { getTemplate } from '../../server/src/statute';

const t2019 = getTemplate('ogi-annual-2019')!;
const t2021 = getTemplate('ogi-annual-2021')!;
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

describe('new report defaults', () => {
  test('the year is last year, capped by the years a template is for', () => {
    assert.equal(defaultYear(t2021, day('2025-01-10')), 2024);
    assert.equal(defaultYear(t2019, day('2025-01-10')), 2020);
    assert.equal(defaultYear(t2019, day('2020-01-10')), 2019);
  });

  test('a typed year must be a plausible report year', () => {
    const today = day('2025-01-10');
    assert.equal(parseYear(' 2023 ', today), 2023);
    assert.equal(parseYear('2025', today), 2025);
    for (const bad of ['', '23', '2026', '2007', '二〇二三', '2023年', '20230'])
      assert.equal(parseYear(bad, today), undefined, bad);
    assert.ok(templateFitsYear(t2019, 2020) && !templateFitsYear(t2019, 2021));
    assert.ok(templateFitsYear(t2021, 2030) && !templateFitsYear(t2021, 2020));
  });

  test('the issue date is today, clipped into the publication window the engine computes', () => {
    assert.equal(defaultIssued(t2021, '安丘市景芝镇人民政府', 2023, day('2024-01-15')), '2024-01-15');
    assert.equal(defaultIssued(t2021, '某某市某某局', 2023, day('2024-06-01')), '2024-01-31');
    assert.equal(defaultIssued(t2021, '某某市人民政府', 2023, day('2024-03-10')), '2024-03-10');
    assert.equal(defaultIssued(t2021, '某某市人民政府', 2023, day('2024-05-01')), '2024-03-31');
    assert.equal(defaultIssued(t2021, '某某市某某局', 2023, day('2023-12-20')), '2024-01-01');
  });
});

describe('new report text', () => {
  for (const [templateId, year] of [
    ['ogi-annual-2021', 2024],
    ['ogi-annual-2019', 2020],
  ] as const) {
    test(`${templateId}: front matter as asked, and nothing the engine calls an error`, () => {
      const text = newReportText({ templateId, agency: ' 某某市某某局 ', year, today: day(`${year + 1}-01-20`) });
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

  test('an agency name YAML would misread is quoted', () => {
    for (const agency of ['某某局: 办公室', '某某局 #2', '- 某某局', "'某某局'", 'true', '2024']) {
      const text = newReportText({ templateId: 'ogi-annual-2021', agency, year: 2024, today: day('2025-01-20') });
      assert.equal(parseReport(text).frontMatter.data.agency, agency, text.split('\n')[2]);
    }
  });
});

describe('restart policy', () => {
  test('restarts at most `max` times within the window, again once old crashes leave it, and after a reset', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    for (let i = 1; i <= 4; i++) {
      now += 1000;
      assert.equal(policy.crashed(), true, `crash ${i}`);
    }
    now += 1000;
    assert.equal(policy.crashed(), false, 'crash 5 within 3 minutes');
    assert.equal(policy.recent, 5);
    now += 180_000;
    assert.equal(policy.crashed(), true, 'the earlier crashes are out of the window');
    assert.equal(policy.recent, 1);
    for (let i = 0; i < 4; i++) policy.crashed();
    assert.equal(policy.crashed(), false);
    policy.reset();
    assert.equal(policy.crashed(), true);
  });
});
