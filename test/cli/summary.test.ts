// `ogi-report summary` over a folder of reports: CSV (UTF-8 with a BOM), JSON and HTML, one row per
// report with its key figures and findings (the rules across years included), per agency its figures
// by year, and every input answered — a source of the importer's types imported in memory, a file
// that is not text listed with its reason. The HTML page in a browser: test/browser/summary.browser.test.ts.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PNG_BYTES, assertBuilt, lines, makeTempDir, readRepoFile, runBin, writeFixture } from './helpers';
import { summaryFolder } from './summaryFolder';

let tmp: string;
before(() => {
  assertBuilt();
  tmp = makeTempDir();
  summaryFolder(join(tmp, 'reports'));
  writeFixture(tmp, 'reports/broken.ogi.md', PNG_BYTES);
  writeFixture(
    tmp,
    'sources/jingzhi-2020.txt',
    readFileSync(join(__dirname, '..', 'fixtures', 'import', 'seed', 'jingzhi-2020-report.txt')),
  );
  writeFixture(tmp, 'sources/old.doc', 'not a docx');
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const FILES = [
  'reports/2020/jingzhi.ogi.md',
  'reports/2022/scjg.ogi.md',
  'reports/2023/scjg.ogi.md',
  'reports/2024/scjg.ogi.md',
];
const BROKEN = join('reports', 'broken.ogi.md');
const broken = `${BROKEN}：不是文本文件（内容是二进制数据）`;

/** Writes the 2021 example to `dir`/`file` in the temporary folder, its agency (as written in YAML) replaced. */
function writeAgencyExample(dir: string, file: string, agency: string) {
  writeFixture(
    join(tmp, dir),
    file,
    readRepoFile('examples/clean-2021.ogi.md').replace('agency: 某某县市场监督管理局', `agency: ${agency}`),
  );
}

describe('csv', () => {
  test('UTF-8 with a BOM, CRLF, a header and one row per report; the unreadable file with its reason; exit 2', () => {
    const r = runBin(['summary', 'reports'], { cwd: tmp });
    assert.equal(r.status, 2, 'an input could not be read');
    assert.equal(r.stderr, `${broken}\n`);
    assert.ok(r.stdout.startsWith('\uFEFF'), 'a BOM first');
    assert.ok(r.stdout.endsWith('\r\n'));
    const rows = r.stdout.slice(1).split('\r\n').slice(0, -1);
    assert.equal(
      rows[0],
      '文件,机关,年度,模板,错误,警告,本年新收,上年结转,办理结果总计,结转下年度,行政复议,行政诉讼,行政许可,行政处罚,问题',
    );
    // The reports, then the inputs that could not be read.
    assert.deepEqual(rows.slice(1), [
      `${join('reports', '2020', 'jingzhi.ogi.md')},安丘市景芝镇人民政府,2020,ogi-annual-2019,0,13,5,0,5,0,0,0,0,0,`,
      `${join('reports', '2022', 'scjg.ogi.md')},某某县市场监督管理局,2022,ogi-annual-2021,0,0,41,2,40,3,1,1,1490,210,`,
      `${join('reports', '2023', 'scjg.ogi.md')},某某县市场监督管理局,2023,ogi-annual-2021,0,2,44,3,44,3,2,2,1620,198,`,
      `${join('reports', '2024', 'scjg.ogi.md')},某某县市场监督管理局,2024,ogi-annual-2021,0,2,48,3,48,3,3,2,1856,243,`,
      `${join('reports', 'broken.ogi.md')},,,,,,,,,,,,,,${broken}`,
    ]);
  });

  test('English headers with --locale en; a field with a comma or a quote is quoted', () => {
    writeAgencyExample('quoted', 'a.ogi.md', '某某县"市场",监督管理局');
    const r = runBin(['summary', '--locale', 'en', 'quoted'], { cwd: tmp });
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.slice(1).split('\r\n');
    assert.equal(
      rows[0],
      'File,Agency,Year,Template,Errors,Warnings,Received,Carried in,Handled,Carried out,Reviews,Lawsuits,Licensing decisions,Penalty decisions,Problem',
    );
    assert.ok(rows[1].startsWith(`${join('quoted', 'a.ogi.md')},"某某县""市场"",监督管理局",2024,`), rows[1]);
  });
});

describe('json', () => {
  test('reports, agencies with their figures by year, findings by code, problems', () => {
    const r = runBin(['summary', '--format', 'json', 'reports'], { cwd: tmp });
    assert.equal(r.status, 2);
    const summary = JSON.parse(r.stdout) as {
      figures: { id: string; label: string }[];
      reports: { file: string; errors: number; warnings: number; information: number; codes: Record<string, number> }[];
      agencies: { agency: string; years: { year: number; figures: Record<string, number | null> }[] }[];
      codes: { code: string; severity: string; findings: number; reports: number }[];
      problems: { file: string; message: string }[];
    };
    assert.deepEqual(
      summary.figures.map((f) => f.id),
      ['received', 'carriedIn', 'handled', 'carriedOut', 'reviews', 'lawsuits', 'licensing', 'penalties'],
    );
    assert.deepEqual(
      summary.reports.map((x) => x.file),
      FILES.map((f) => join(...f.split('/'))),
    );
    assert.deepEqual(
      summary.agencies.map((a) => [a.agency, a.years.map((y) => y.year)]),
      [
        ['安丘市景芝镇人民政府', [2020]],
        ['某某县市场监督管理局', [2022, 2023, 2024]],
      ],
    );
    assert.deepEqual(
      summary.agencies[1].years.map((y) => [y.figures.licensing, y.figures.penalties, y.figures.carriedIn]),
      [
        [1490, 210, 2],
        [1620, 198, 3],
        [1856, 243, 3],
      ],
    );
    // 2023 does not carry on from 2022 (上年结转 2 and 1 against 3 and 0 carried out), nor 2024 from 2023:
    // the rules across years ran among the inputs.
    assert.deepEqual(summary.reports[1].codes, {});
    assert.deepEqual(summary.reports[2].codes, { 'carry-over': 2 });
    assert.deepEqual(summary.reports[3].codes, { 'carry-over': 2 });
    const carryOver = summary.codes.find((c) => c.code === 'carry-over');
    assert.deepEqual(carryOver, { code: 'carry-over', severity: 'warning', findings: 4, reports: 2 });
    assert.deepEqual(summary.problems, [{ file: BROKEN, message: broken }]);
  });
});

describe('html', () => {
  test('-o writes one standalone page: no remote reference, a chart per agency and figure, every report', () => {
    const out = join(tmp, 'summary.html');
    const r = runBin(['summary', '-o', out, 'reports'], { cwd: tmp });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, `已生成汇总：${out}（4 份报告）\n`);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /\b(?:src|href)=|url\(|@import|https?:\/\//, 'nothing remote, nothing linked');
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, 2 * 8);
    assert.equal((html.match(/<tr class="has-warnings"|<tr>(?=<td class="file")/g) ?? []).length, 4);
    assert.ok(html.includes('某某县市场监督管理局：行政许可（2022 1490、2023 1620、2024 1856）'));
    assert.ok(html.includes(broken));
  });

  test('hostile names are text: an agency with markup renders escaped', () => {
    writeAgencyExample('hostile', 'x.ogi.md', '"<script>alert(1)</script><img src=x>"');
    const r = runBin(['summary', '--format', 'html', 'hostile'], { cwd: tmp });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x&gt;'));
    assert.equal((r.stdout.match(/<script>/g) ?? []).length, 1, 'only the page’s own sorting script');
  });
});

describe('inputs', () => {
  test('a source of the importer’s types is imported in memory and summarised; a refused one says why', () => {
    const r = runBin(['summary', '--format', 'json', 'sources/jingzhi-2020.txt', 'sources/old.doc'], { cwd: tmp });
    assert.equal(r.status, 2, r.stderr);
    const summary = JSON.parse(r.stdout) as {
      reports: { file: string; agency: string; year: number; figures: Record<string, number | null> }[];
      problems: { file: string; message: string }[];
    };
    assert.deepEqual(
      summary.reports.map((x) => [x.file, x.agency, x.year, x.figures.received]),
      [[join('sources', 'jingzhi-2020.txt'), '安丘市景芝镇人民政府', 2020, 5]],
    );
    assert.equal(summary.problems.length, 1);
    assert.equal(summary.problems[0].file, join('sources', 'old.doc'));
    assert.match(summary.problems[0].message, /\.docx/, 'the importer’s advice: save as .docx');
    assert.deepEqual(lines(r.stderr), [summary.problems[0].message]);
  });

  test('bad usage: no input, an unknown format; --help', () => {
    assert.equal(runBin(['summary'], { cwd: tmp }).status, 2);
    const bad = runBin(['summary', '--format', 'xlsx', 'reports'], { cwd: tmp });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format xlsx/);
    const help = runBin(['summary', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /ogi-report summary .*--format csv\|json\|html/);
  });
});
