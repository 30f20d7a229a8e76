// The rendered report in a real browser (Debian's Chromium through playwright-core): the statutory
// tables' layout as laid out, screenshots and PDFs in test-artifacts/render/, and hostile content
// that must run nothing. Chromium is required: without it this suite fails (CI installs it).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { main } from '../../server/src/cli/main';
import { checkReport, parseReport, renderDocument, renderHtml } from '../../server/src/service';
import { hostileTail } from '../render/hostile';
import { CHROMIUM, assertChromium, launchChromium } from './chromium';

const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'render');
const EXAMPLES = ['clean-2021', 'jingzhi-2020'] as const;
const TIMEOUT = { timeout: 120_000 };

let context: BrowserContext;
let profile: string;

before(async () => {
  assertChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'ogi-report-browser-'));
  context = await launchChromium(profile, { width: 900, height: 1200 });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const example = (name: string) => readFileSync(join(ROOT, 'examples', `${name}.ogi.md`), 'utf8');

/** Writes the export page into test-artifacts and opens it from there, as a user opens the file. */
async function openExport(name: string, source: string, mode: 'export' | 'preview' = 'export'): Promise<Page> {
  const report = parseReport(source);
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, renderDocument(report, { mode, findings: mode === 'preview' ? checkReport(report) : undefined }));
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

/** Per table: the grid width each row fills, by the HTML table model over colSpan/rowSpan. */
function gridWidthsInPage(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table.ogi-table')].map((table) => {
      const rows = [...(table as HTMLTableElement).rows];
      const taken: boolean[][] = rows.map(() => []);
      rows.forEach((tr, r) => {
        let c = 0;
        for (const cell of [...tr.cells]) {
          while (taken[r][c]) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++)
            for (let dc = 0; dc < cell.colSpan; dc++) {
              if (taken[r + dr] === undefined || taken[r + dr][c + dc]) throw new Error(`bad span at row ${r}`);
              taken[r + dr][c + dc] = true;
            }
          c += cell.colSpan;
        }
      });
      return { id: table.className, widths: taken.map((row) => (row.every(Boolean) ? row.length : -1)) };
    }),
  );
}

for (const name of EXAMPLES) {
  test(`${name}: table layout as laid out by Chromium, screenshots and PDF`, TIMEOUT, async () => {
    const page = await openExport(name, example(name));
    try {
      // Every row of every statutory table fills the grid exactly.
      const grids = await gridWidthsInPage(page);
      const expected: Record<string, number> = { proactive: 4, requests: 10, reviews: 15 };
      assert.equal(grids.length, 3);
      for (const g of grids) {
        const id = /ogi-table-(\w+)/.exec(g.id)![1];
        assert.ok(
          g.widths.every((w) => w === expected[id]),
          `${id}: ${g.widths}`,
        );
      }

      const layout = await page.evaluate(() => {
        const box = (e: Element) => e.getBoundingClientRect();
        const th = (table: Element, label: string) =>
          [...table.querySelectorAll('th')].find((c) => c.textContent === label)!;
        const requests = document.querySelector('table.ogi-table-requests') as HTMLTableElement;
        const results = th(requests, '三、本年度办理结果') as HTMLTableCellElement;
        const firstResult = th(requests, '（一）予以公开').parentElement as HTMLTableRowElement;
        const totalRow = th(requests, '（七）总计').parentElement as HTMLTableRowElement;
        const applicant = th(requests, '申请人情况');
        const bodyRow = th(requests, '一、本年新收政府信息公开申请数量').parentElement as HTMLTableRowElement;
        const numbers = [...bodyRow.cells].filter((c) => c.tagName === 'TD');
        const reviews = document.querySelector('table.ogi-table-reviews') as HTMLTableElement;
        const lawsuits = th(reviews, '行政诉讼');
        const reviewData = [...reviews.tBodies[0].rows[0].cells];
        const overflowing = [...document.querySelectorAll('table.ogi-table td, table.ogi-table th')]
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => c.textContent);
        return {
          resultsRowSpan: results.rowSpan,
          resultRows: totalRow.rowIndex - firstResult.rowIndex + 1,
          resultsTop: box(results).top - box(firstResult).top,
          resultsBottom: box(results).bottom - box(totalRow).bottom,
          applicantColSpan: (applicant as HTMLTableCellElement).colSpan,
          applicantLeft: box(applicant).left - box(numbers[0]).left,
          applicantRight: box(applicant).right - box(numbers[6]).right,
          lawsuitsColSpan: (lawsuits as HTMLTableCellElement).colSpan,
          lawsuitsLeft: box(lawsuits).left - box(reviewData[5]).left,
          lawsuitsRight: box(lawsuits).right - box(reviewData[14]).right,
          reviewCells: reviewData.length,
          reviewTops: new Set(reviewData.map((c) => Math.round(box(c).top))).size,
          pageOverflow: document.scrollingElement!.scrollWidth - window.innerWidth,
          overflowing,
          font: getComputedStyle(document.querySelector('.ogi-report')!).fontFamily,
          titleAlign: getComputedStyle(document.querySelector('h1')!).textAlign,
          titleWeight: getComputedStyle(document.querySelector('h1')!).fontWeight,
          border:
            getComputedStyle(requests.querySelector('td')!).borderTopStyle +
            ' ' +
            getComputedStyle(requests.querySelector('td')!).borderTopWidth,
          collapse: getComputedStyle(requests).borderCollapse,
          numberAlign: getComputedStyle(requests.querySelector('td')!).textAlign,
        };
      });
      assert.equal(layout.resultsRowSpan, layout.resultRows, '三、本年度办理结果 spans every result row');
      assert.equal(layout.resultRows, name === 'clean-2021' ? 22 : 20);
      assert.ok(
        Math.abs(layout.resultsTop) <= 1 && Math.abs(layout.resultsBottom) <= 1,
        `results cell from （一） to （七）: ${layout.resultsTop}, ${layout.resultsBottom}`,
      );
      assert.equal(layout.applicantColSpan, 7);
      assert.ok(
        Math.abs(layout.applicantLeft) <= 1 && Math.abs(layout.applicantRight) <= 1,
        '申请人情况 over the 7 number columns',
      );
      assert.equal(layout.lawsuitsColSpan, 10);
      assert.ok(
        Math.abs(layout.lawsuitsLeft) <= 1 && Math.abs(layout.lawsuitsRight) <= 1,
        '行政诉讼 over the last 10 columns',
      );
      assert.equal(layout.reviewCells, 15);
      assert.equal(layout.reviewTops, 1, 'section 四: one data row');
      assert.ok(layout.pageOverflow <= 0, `no horizontal scrolling (${layout.pageOverflow}px)`);
      assert.deepEqual(layout.overflowing, [], 'no text overflows its cell');
      assert.match(layout.font, /SimSun/);
      assert.equal(layout.titleAlign, 'center');
      assert.equal(layout.titleWeight, '700');
      assert.equal(layout.border, 'solid 1px');
      assert.equal(layout.collapse, 'collapse');
      assert.equal(layout.numberAlign, 'center');

      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      for (const id of ['proactive', 'requests', 'reviews']) {
        await page.locator(`table.ogi-table-${id}`).screenshot({ path: join(ARTIFACTS, `${name}-${id}.png`) });
      }
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.screenshot({ path: join(ARTIFACTS, `${name}-print.png`), fullPage: true });
      const pdf = await page.pdf({ path: join(ARTIFACTS, `${name}.pdf`), preferCSSPageSize: true });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    } finally {
      await page.close();
    }
  });
}

test('preview: a wrong total is marked (class, title, visible colour); the export shows nothing', TIMEOUT, async () => {
  const source = example('jingzhi-2020').replace(
    '  予以公开: [4, 0, 0, 0, 0, 0, 4]',
    '  予以公开: [4, 0, 0, 0, 0, 0, 9]',
  );
  for (const mode of ['preview', 'export'] as const) {
    const page = await openExport(`jingzhi-2020-wrong-total-${mode}`, source, mode);
    try {
      const marked = await page.evaluate(() =>
        [...document.querySelectorAll('.ogi-finding')].map((e) => ({
          tag: e.tagName,
          text: e.textContent,
          title: e.getAttribute('title'),
          background: getComputedStyle(e).backgroundColor,
        })),
      );
      if (mode === 'export') {
        assert.deepEqual(marked, []);
        continue;
      }
      const cell = marked.find((m) => m.tag === 'TD' && m.text === '9');
      assert.ok(cell, 'the wrong total is marked');
      assert.match(cell.title!, /总计应为 4/);
      assert.notEqual(cell.background, 'rgb(255, 255, 255)');
      await page
        .locator('table.ogi-table-requests')
        .screenshot({ path: join(ARTIFACTS, 'jingzhi-2020-wrong-total-preview-table.png') });
    } finally {
      await page.close();
    }
  }
});

// ---------------------------------------------------------------- hostile content runs nothing

const PROBE = 'window.__pwned=1';
const HOSTILE = `---
agency: "<script>${PROBE}</script><img src=x onerror=\\"${PROBE}\\">某局"
year: 2024
issued: 2025-01-20
title: "<img src=x onerror=alert(1)>标题<script>alert(1)</script>"
---

<script>${PROBE};alert(1)</script>

## 一、总体情况

正文 <img src=x onerror="${PROBE};alert(1)"> 与 [x](javascript:${PROBE}) 和 [a](javascript:alert(1)) 和 [y](JaVaScRiPt:alert(1)) 和 <javascript:alert(1)> 和 [z](java&#x09;script:alert(1)) 和 [ok](#top)。

<a href="javascript:${PROBE}" onclick="${PROBE}">link</a> <svg onload="${PROBE}"></svg> <iframe src="javascript:${PROBE}"></iframe>

${hostileTail(PROBE)}`;

/** Loads the page (again before every click), then looks for any sign that content ran. */
async function assertNothingRuns(page: Page, load: () => Promise<unknown>, where: string) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const probe = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  await load();
  const url = page.url();
  assert.equal(await probe(), undefined, `${where}: probe set on load`);
  assert.deepEqual(dialogs, [], `${where}: dialogs on load`);
  assert.equal(
    await page.evaluate(() => document.querySelectorAll('script, img, svg, iframe, details, b').length),
    0,
    `${where}: hostile elements`,
  );
  const links = await page.locator('a').count();
  assert.ok(links >= 1, `${where}: the page has links to click`);
  for (let i = 0; i < links; i++) {
    await load();
    await page.locator('a').nth(i).click({ timeout: 5_000 });
    await page.waitForLoadState('load');
    await page.waitForTimeout(100);
    // A relative link (java%09script:… is one) may navigate away, harmlessly; otherwise probe the page.
    if (page.url().split('#')[0] === url.split('#')[0])
      assert.equal(await probe(), undefined, `${where}: probe set after clicking link ${i}`);
  }
  await load();
  for (const e of await page.locator('[title]').all()) await e.hover({ timeout: 5_000 }).catch(() => undefined);
  assert.equal(await probe(), undefined, `${where}: probe set after hovering`);
  assert.deepEqual(dialogs, [], `${where}: dialogs`);
}

test(
  'hostile content runs nothing: the export page, the preview page, and the bare fragment without CSP',
  TIMEOUT,
  async () => {
    const report = parseReport(HOSTILE);
    const findings = checkReport(report);
    for (const mode of ['export', 'preview'] as const) {
      const page = await openExport(`hostile-${mode}`, HOSTILE, mode);
      const file = page.url();
      try {
        await assertNothingRuns(page, () => page.goto(file, { waitUntil: 'load' }), `${mode} page`);
        if (mode === 'preview') await page.screenshot({ path: join(ARTIFACTS, 'hostile-preview.png'), fullPage: true });
        assert.ok((await page.textContent('h1'))!.includes('<script>alert(1)</script>'), 'the title shows the text');
      } finally {
        await page.close();
      }
      // No CSP here: only escaping stands between the content and the page.
      const bare = await context.newPage();
      try {
        const html = `<!doctype html><meta charset="utf-8"><body>${renderHtml(report, { mode, findings })}</body>`;
        await assertNothingRuns(
          bare,
          () => bare.setContent(html, { waitUntil: 'load' }),
          `${mode} fragment without CSP`,
        );
        assert.ok((await bare.textContent('article'))!.includes(`<script>${PROBE}</script>`));
      } finally {
        await bare.close();
      }
    }
  },
);

test('ogi-report render --pdf prints through Chromium', TIMEOUT, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-report-pdf-test-'));
  try {
    const source = join(dir, 'seed.ogi.md');
    writeFileSync(source, example('jingzhi-2020'));
    const pdf = join(ARTIFACTS, 'jingzhi-2020-cli.pdf');
    rmSync(pdf, { force: true });
    let err = '';
    const env = { ...process.env };
    process.env.OGI_CHROMIUM = CHROMIUM;
    const code = await main(['render', source, '--pdf', pdf], {
      out: () => undefined,
      err: (s) => {
        err += s;
      },
    });
    process.env = env;
    assert.equal(code, 0, err);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(!existsSync(join(dir, 'seed.html')), '--pdf alone writes only the PDF');
    const both = await main(['render', source, '--pdf', join(dir, 'both.pdf'), '-o', join(dir, 'both.html')], {
      out: () => undefined,
      err: () => undefined,
    });
    assert.equal(both, 0);
    assert.ok(existsSync(join(dir, 'both.pdf')) && existsSync(join(dir, 'both.html')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
