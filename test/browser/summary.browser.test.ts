// The reviewer's summary page (`ogi-report summary --format html`) in a real browser (Debian's Chromium
// through playwright-core): it renders, the charts are there with bars in proportion, the reports
// table sorts by any column, and nothing is requested but the page itself. The screenshot lands in
// test-artifacts/summary/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { main } from '../../server/src/cli/main';
import { summaryFolder } from '../cli/summaryFolder';
import { assertChromium, launchChromium } from './chromium';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'summary');
const TIMEOUT = { timeout: 120_000 };

let context: BrowserContext;
let work: string;
let page: string;

before(async () => {
  assertChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'ogi-report-summary-'));
  summaryFolder(join(work, 'reports'));
  page = join(ARTIFACTS, 'summary.html');
  const io = { out: () => undefined, err: (s: string) => assert.fail(s) };
  // From the folder above the reports, as a reviewer runs it: the files are shown relative to it.
  const cwd = process.cwd();
  process.chdir(work);
  try {
    assert.equal(await main(['summary', '--format', 'html', '-o', page, 'reports'], io), 0);
  } finally {
    process.chdir(cwd);
  }
  context = await launchChromium(work, { width: 1440, height: 900 });
});

after(async () => {
  await context?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the summary page renders its charts, sorts its reports and loads nothing but itself', TIMEOUT, async () => {
  const tab = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  tab.on('request', (r) => requests.push(r.url()));
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  tab.on('pageerror', (e) => problems.push(String(e)));
  const url = pathToFileURL(page).href;
  await tab.goto(url, { waitUntil: 'load' });
  try {
    // Nothing remote, nothing else at all: one request, the page; no script error, no CSP complaint.
    assert.deepEqual(requests, [url]);
    assert.deepEqual(problems, []);

    // Two agencies, eight figures each: sixteen charts, laid out with a size.
    const charts = await tab.evaluate(() =>
      [...document.querySelectorAll('svg.chart')].map((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          figure: svg.getAttribute('data-figure'),
          label: svg.getAttribute('aria-label'),
          width: box.width,
          height: box.height,
          bars: [...svg.querySelectorAll('rect.bar')].map((r) => ({
            year: Number(r.getAttribute('data-year')),
            value: Number(r.getAttribute('data-value')),
            height: r.getBoundingClientRect().height,
          })),
        };
      }),
    );
    assert.equal(charts.length, 16);
    for (const c of charts) assert.ok(c.width > 40 && c.height > 60, `${c.label}: ${c.width}×${c.height}`);
    const licensing = charts.find((c) => c.figure === 'licensing' && c.label!.startsWith('某某县市场监督管理局'))!;
    assert.deepEqual(
      licensing.bars.map((b) => [b.year, b.value]),
      [
        [2022, 1490],
        [2023, 1620],
        [2024, 1856],
      ],
    );
    // Heights in proportion to the values (the largest fills the plot).
    const [a, b, c] = licensing.bars.map((bar) => bar.height);
    assert.ok(a < b && b < c, `${a} < ${b} < ${c}`);
    assert.ok(Math.abs(a / c - 1490 / 1856) < 0.03, `${a / c}`);

    await tab.screenshot({ path: join(ARTIFACTS, 'summary.png'), fullPage: true });

    // The reports table sorts by a clicked header: numbers as numbers, then reversed.
    const column = (name: string) =>
      tab.evaluate((header) => {
        const table = document.querySelector('table.reports') as HTMLTableElement;
        const index = [...table.tHead!.rows[0].cells].findIndex((th) => th.textContent === header);
        return [...table.tBodies[0].rows].map((row) => row.cells[index].textContent);
      }, name);
    await tab.click('table.reports th:text-is("行政许可")');
    assert.deepEqual(await column('行政许可'), ['0', '1490', '1620', '1856']);
    assert.equal(await tab.getAttribute('table.reports th:text-is("行政许可")', 'aria-sort'), 'ascending');
    await tab.click('table.reports th:text-is("行政许可")');
    assert.deepEqual(await column('行政许可'), ['1856', '1620', '1490', '0']);
    await tab.focus('table.reports th:text-is("年度")');
    await tab.keyboard.press('Enter');
    assert.deepEqual(await column('年度'), ['2020', '2022', '2023', '2024']);

    // The findings by code: carry-over, in two reports.
    const codes = await tab.evaluate(() =>
      [...document.querySelectorAll('table.codes tbody tr')].map((tr) =>
        [...(tr as HTMLTableRowElement).cells].slice(0, 4).map((td) => td.textContent),
      ),
    );
    assert.deepEqual(
      codes.find((row) => row[0] === 'carry-over'),
      ['carry-over', '警告', '4', '2'],
    );
  } finally {
    await tab.close();
  }
});
