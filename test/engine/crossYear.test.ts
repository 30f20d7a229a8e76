// The rules across years (FORMAT.md §9) beyond what the fixture folders (test/fixtures/*/*.years) show:
// the statute data they read is validated, a report's facts are the few rows they need, the related
// place is in the other file, a hint stays a hint, and checking from facts alone (the CLI's way) finds
// what checking the parsed report does (the language server's way).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  agencyKey,
  checkAcross,
  checkReport,
  crossYearDefinition,
  extractFacts,
  FactsStore,
  hover,
  parseReport,
  type Finding,
  type Report,
} from '../../server/src/service';
import { registerTemplate } from '../../server/src/statute';
import t2021 from '../../server/src/statute/ogi-annual-2021';

const FIXTURES = join(__dirname, '..', 'fixtures');
/** A fixture's text without its `expect` markers (test/engine/fixtures.test.ts checks those). */
const withoutMarkers = (text: string) => text.replace(/[ \t]*(?:<!--\s*expect:[^>]*-->|#\s*expect:.*)$/gm, '');
/** The reports of a fixture folder of years, parsed, with their facts in a store. */
function group(rel: string) {
  const dir = join(FIXTURES, rel);
  const store = new FactsStore();
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.ogi.md'))
    .sort()
    .map((name) => {
      const report = parseReport(withoutMarkers(readFileSync(join(dir, name), 'utf8')));
      const facts = extractFacts(report, `file:///reports/${name}`, name);
      store.set(facts);
      return { name, report, facts };
    });
  const get = (name: string) => reports.find((r) => r.name === name)!;
  return { store, get, reports };
}
const across = (findings: Finding[]) =>
  findings.filter((f) => f.code === 'carry-over' || f.code === 'stock-continuity');

describe('statute data across years', () => {
  test('each template says which cells its identities across years relate, validated at load', () => {
    assert.deepEqual(
      t2021.crossYear.map((i) => [i.code, i.at.path.join('/'), i.previousTemplates.join(' ')]),
      [
        ['carry-over', '上年结转政府信息公开申请数量', 'ogi-annual-2019 ogi-annual-2021'],
        ['stock-continuity', '第二十条第（一）项/规章', 'ogi-annual-2021'],
        ['stock-continuity', '第二十条第（一）项/行政规范性文件', 'ogi-annual-2021'],
      ],
    );
    const broken = (change: (t: typeof t2021) => void) => {
      const copy = structuredClone(t2021);
      copy.id = 'ogi-annual-2041';
      change(copy);
      return () => registerTemplate(copy);
    };
    assert.throws(
      broken((t) => (t.crossYear[0].terms[0].path = ['结转下一年度'])),
      /ogi-annual-2041: identity carry-over across years: requests has no node 结转下一年度/,
    );
    assert.throws(
      broken((t) => (t.crossYear[1].terms[0].column = '现行有效数')),
      /identity stock-continuity across years: 第二十条第（一）项\/规章 of proactive has no column 现行有效数/,
    );
    assert.throws(
      broken((t) => (t.crossYear[1].previousTemplates = ['ogi-annual-2019'])),
      /identity stock-continuity across years: proactive has no node 第二十条第（一）项\/规章|has no column 现行有效件数/,
      "2019's section 二 has no 现行有效件数: the identity cannot read last year's there",
    );
    assert.throws(
      broken((t) => (t.crossYear[0].previousTemplates = ['ogi-annual-1999'])),
      /names no template ogi-annual-1999/,
    );
    assert.throws(
      broken((t) => (t.keyFigures[0].column = '合计')),
      /key figure received: 本年新收政府信息公开申请数量 of requests has no column 合计/,
    );
  });
});

describe('facts', () => {
  test("a report's facts: who, when, template, and only the rows the identities across years read", () => {
    const { get } = group('carry-over/template-change.years');
    const y2020 = get('2020.ogi.md').facts;
    assert.equal(y2020.agency, '某某县市场监督管理局');
    assert.equal(y2020.year, 2020);
    assert.equal(y2020.template, 'ogi-annual-2019');
    // A 2019-template report is read by carry-over only (2021's stock identity needs 2021 in both years).
    assert.deepEqual(
      y2020.rows.map((r) => `${r.table}:${r.path}`),
      ['requests:上年结转政府信息公开申请数量', 'requests:结转下年度继续办理'],
    );
    const y2021 = get('2021.ogi.md').facts;
    assert.deepEqual(
      y2021.rows.map((r) => `${r.table}:${r.path}`),
      [
        'proactive:第二十条第（一）项/规章',
        'proactive:第二十条第（一）项/行政规范性文件',
        'requests:上年结转政府信息公开申请数量',
        'requests:结转下年度继续办理',
      ],
    );
    const out = y2020.rows[1].cells;
    assert.deepEqual(Object.keys(out), [
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    assert.deepEqual(
      { value: out.总计.value, known: out.总计.known, written: out.总计.written },
      { value: 3, known: true, written: true },
    );
    // Plain data: small, and it survives a worker's postMessage.
    assert.deepEqual(structuredClone(y2021), y2021);
    assert.ok(JSON.stringify(y2021).length < 6000, `${JSON.stringify(y2021).length} characters`);
  });

  test('a left-out total is computed and known, but not written: nothing to point at', () => {
    const { get } = group('carry-over/left-out-total.years');
    const carriedIn = get('2024.ogi.md').facts.rows.find((r) => r.path === '上年结转政府信息公开申请数量')!;
    assert.deepEqual(
      { value: carriedIn.cells.总计.value, known: carriedIn.cells.总计.known, written: carriedIn.cells.总计.written },
      { value: 4, known: true, written: false },
    );
  });

  test('the same agency: spaces and full-/half-width forms do not matter, other characters do', () => {
    assert.equal(agencyKey('某某县　市场监督管理局'), agencyKey('某某县市场监督管理局'));
    assert.equal(agencyKey(' 某某县（Ａ区）市场监督管理局 '), agencyKey('某某县(A区)市场监督管理局'));
    assert.notEqual(agencyKey('某某县市场监督管理局'), agencyKey('某某县市场监督管理所'));
  });

  test('the store finds reports by agency and year, and forgets a replaced or deleted file', () => {
    const { store, get } = group('stock-continuity/triple.years');
    const key = get('2023.ogi.md').facts.agencyKey!;
    assert.deepEqual(
      store.lookup(key, 2023).map((f) => f.name),
      ['2023.ogi.md'],
    );
    store.set({ ...get('2023.ogi.md').facts, year: 2030 });
    assert.deepEqual(store.lookup(key, 2023), []);
    assert.equal(store.lookup(key, 2030).length, 1);
    store.delete(get('2023.ogi.md').facts.uri);
    assert.deepEqual(store.lookup(key, 2030), []);
    assert.equal(store.size, 2);
  });
});

describe('findings across years', () => {
  test("carry-over: at this year's cell, last year's cell in its own file as related information", () => {
    const { store, get } = group('carry-over/inconsistent.years');
    const report = get('2024.ogi.md').report;
    const found = across(checkReport(report, { lookup: store.lookup }));
    assert.deepEqual(
      found.map((f) => [
        f.code,
        f.severity,
        report.lines.lineText(f.range.start.line).slice(f.range.start.character, f.range.end.character),
      ]),
      [
        ['carry-over', 'warning', '3'],
        ['carry-over', 'warning', '4'],
      ],
    );
    assert.equal(
      found[0].message,
      '“上年结转政府信息公开申请数量”的“自然人”为 3，而上年（2023 年度）报告 2023.ogi.md 的“结转下年度继续办理”为 2，两者应相等',
    );
    const last = get('2023.ogi.md').report;
    const related = found[0].relatedInformation!;
    assert.equal(related.length, 1);
    assert.equal(related[0].uri, 'file:///reports/2023.ogi.md');
    const line = last.lines.lineText(related[0].range.start.line);
    assert.ok(line.startsWith('结转下年度继续办理: [2, 1,'), line);
    assert.equal(line.slice(related[0].range.start.character, related[0].range.end.character), '2');
  });

  test("stock-continuity: information, the other terms this report's own (no uri)", () => {
    const { store, get } = group('stock-continuity/triple.years');
    const found = across(checkReport(get('2024.ogi.md').report, { lookup: store.lookup, locale: 'en' }));
    assert.deepEqual(
      found.map((f) => [f.code, f.severity]),
      [
        ['stock-continuity', 'information'],
        ['stock-continuity', 'information'],
      ],
    );
    assert.match(found[1].message, /it would be 9 \(last year's 现行有效件数 11 \+ 本年制发件数 2 − 本年废止件数 4\)/);
    assert.deepEqual(
      found[1].relatedInformation!.map((r) => r.uri),
      ['file:///reports/2023.ogi.md', undefined, undefined],
    );
    assert.deepEqual(across(checkReport(get('2023.ogi.md').report, { lookup: store.lookup })), []);
  });

  test('two candidates for last year: no finding, a hint naming both, each as related information', () => {
    const { store, get } = group('carry-over/two-candidates.years');
    const found = across(checkReport(get('2024.ogi.md').report, { lookup: store.lookup }));
    assert.deepEqual(
      found.map((f) => [f.code, f.severity]),
      [
        ['stock-continuity', 'hint'],
        ['carry-over', 'hint'],
      ],
    );
    for (const f of found) {
      assert.match(f.message, /2 份 2023 年度报告（2023-draft\.ogi\.md、2023-final\.ogi\.md）/);
      assert.deepEqual(
        f.relatedInformation!.map((r) => r.uri),
        ['file:///reports/2023-draft.ogi.md', 'file:///reports/2023-final.ogi.md'],
      );
    }
  });

  test('severities: a configured level applies, off drops the rule, a hint stays a hint', () => {
    const inconsistent = group('carry-over/inconsistent.years');
    const report = inconsistent.get('2024.ogi.md').report;
    const lookup = inconsistent.store.lookup;
    assert.deepEqual(
      across(checkReport(report, { lookup, severities: { 'carry-over': 'error' } })).map((f) => f.severity),
      ['error', 'error'],
    );
    assert.deepEqual(across(checkReport(report, { lookup, severities: { 'carry-over': 'off' } })), []);
    const two = group('carry-over/two-candidates.years');
    assert.deepEqual(
      across(
        checkReport(two.get('2024.ogi.md').report, { lookup: two.store.lookup, severities: { 'carry-over': 'error' } }),
      )
        .filter((f) => f.code === 'carry-over')
        .map((f) => f.severity),
      ['hint'],
    );
  });

  test('from facts alone (the CLI after its workers) the same findings as from the parsed report', () => {
    for (const rel of [
      'carry-over/inconsistent.years',
      'carry-over/template-change.years',
      'stock-continuity/triple.years',
      'carry-over/two-candidates.years',
    ]) {
      const { store, reports } = group(rel);
      for (const { report, facts } of reports)
        for (const locale of ['zh-cn', 'en'])
          assert.deepEqual(
            checkAcross(facts, store.lookup, { locale }),
            across(checkReport(report, { lookup: store.lookup, locale })),
            rel,
          );
    }
  });

  test('without a lookup, or without agency or year, nothing across years', () => {
    const { store, get } = group('carry-over/inconsistent.years');
    const facts = get('2024.ogi.md').facts;
    assert.deepEqual(checkAcross({ ...facts, agencyKey: undefined }, store.lookup), []);
    assert.deepEqual(checkAcross({ ...facts, year: undefined }, store.lookup), []);
    assert.deepEqual(across(checkReport(get('2024.ogi.md').report)), []);
  });
});

describe('last year in the editor: definition and hover', () => {
  /** The position of `needle` (after `after`) in a report's text. */
  const at = (report: Report, needle: string, after = '') =>
    report.lines.position(report.text.indexOf(needle, report.text.indexOf(after)));

  test("on 上年结转: last year's 结转下年度继续办理 row; on 现行有效件数: last year's row", () => {
    const { store, get } = group('stock-continuity/triple.years');
    const report = get('2024.ogi.md').report;
    const last = get('2023.ogi.md');
    const lineOf = (prefix: string) => last.report.text.split('\n').findIndex((l) => l.startsWith(prefix));
    assert.deepEqual(crossYearDefinition(report, at(report, '上年结转政府信息公开申请数量'), store.lookup), [
      {
        uri: 'file:///reports/2023.ogi.md',
        range: {
          start: { line: lineOf('结转下年度继续办理'), character: 0 },
          end: { line: lineOf('结转下年度继续办理'), character: 9 },
        },
      },
    ]);
    const stock = crossYearDefinition(report, at(report, '10]', '  行政规范性文件'), store.lookup);
    assert.deepEqual(
      stock.map((l) => [l.uri, l.range.start.line]),
      [['file:///reports/2023.ogi.md', lineOf('  行政规范性文件')]],
    );
    assert.deepEqual(crossYearDefinition(report, at(report, '本年新收政府信息公开申请数量'), store.lookup), []);
    // Without last year's report: nowhere to go.
    assert.deepEqual(
      crossYearDefinition(last.report, at(last.report, '上年结转政府信息公开申请数量'), new FactsStore().lookup),
      [],
    );
  });

  test('several candidates: definition offers each; hover names each with its value', () => {
    const { store, get } = group('carry-over/two-candidates.years');
    const report = get('2024.ogi.md').report;
    const key = at(report, '上年结转政府信息公开申请数量');
    assert.deepEqual(
      crossYearDefinition(report, key, store.lookup).map((l) => l.uri),
      ['file:///reports/2023-draft.ogi.md', 'file:///reports/2023-final.ogi.md'],
    );
    const cell = at(report, '2', '上年结转政府信息公开申请数量:');
    const text = hover(report, cell, 'en', store.lookup)!.contents.value;
    assert.ok(
      text.includes(
        'Last year\'s (2023) report [2023-draft.ogi.md](file:///reports/2023-draft.ogi.md): "自然人" of "结转下年度继续办理" is 2',
      ),
      text,
    );
    assert.ok(
      text.includes('[2023-final.ogi.md](file:///reports/2023-final.ogi.md): "自然人" of "结转下年度继续办理" is 1'),
      text,
    );
    // Without a lookup, the hover is the statute's only.
    assert.doesNotMatch(hover(report, cell, 'en')!.contents.value, /Last year/);
  });
});
