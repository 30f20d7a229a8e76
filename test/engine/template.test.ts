// A template is data only: a fictional third template (test/fixtures/templates/fictional-2031.ts: one
// row renamed, one more column, another deadline) is registered, and a report in it is checked,
// rendered and completed — with no change anywhere but server/src/statute/ and that fixture.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fictional from '../fixtures/templates/fictional-2031';
import { checkText, complete, parseReport, renderHtml } from '../../server/src/service';
import { TEMPLATES, getTemplate, registerTemplate } from '../../server/src/statute';

const template = registerTemplate(fictional);
const CLEAN_2021 = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.ogi.md'), 'utf8');

/** The clean 2021 example, moved to 2031 and to the fictional template's names and columns. */
function report2031({ issued = '2032-02-10', reviews = '行政复议: [1, 0, 1, 1, 0, 3]' } = {}): string {
  return CLEAN_2021.replace('year: 2024', 'template: ogi-annual-2031\nyear: 2031')
    .replace('issued: 2025-01-20', `issued: ${issued}`)
    .replaceAll('2024年', '2031年')
    .replace('  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  全部公开: [15, 4, 0, 1, 1, 0, 21]')
    .replace(
      '# 结果维持, 结果纠正, 其他结果, 尚未审结, 总计',
      '# 结果维持, 结果纠正, 其他结果, 尚未审结, 终止审理, 总计',
    )
    .replace('行政复议: [1, 0, 1, 1, 3]', reviews)
    .replace(
      '{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}',
      '{结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 终止审理: 0}',
    )
    .replace('复议后起诉: [0, 0, 0, 1, 1]', '复议后起诉: [0, 0, 0, 1, 0, 1]');
}
/** The one-based line of the first line starting with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
const codes = (text: string) => checkText(text).map((f) => `${f.code}@${f.range.start.line + 1}`);

test('the fictional template is registered beside the statutory ones, validated', () => {
  assert.deepEqual(
    TEMPLATES.map((t) => t.id),
    ['ogi-annual-2019', 'ogi-annual-2021', 'ogi-annual-2031'],
  );
  assert.equal(getTemplate('ogi-annual-2031'), template);
  // Cross-references are checked: a prose phrase naming a row the template does not have is refused.
  const broken = structuredClone(fictional);
  broken.id = 'ogi-annual-2032';
  broken.prosePhrases = [{ ...broken.prosePhrases[0], paths: [['没有这一行']] }];
  assert.throws(() => registerTemplate(broken), /ogi-annual-2032: prose phrase .* names no node 没有这一行/);
});

test('a report in the fictional template checks clean, with its renamed row and its extra column', () => {
  assert.deepEqual(codes(report2031()), []);
});

test('its renamed row counts in its identities; the old name is unknown there', () => {
  // 全部公开 is part of 办理结果's total: one less there breaks result-total (and the balance).
  const fewer = report2031().replace('  全部公开: [15, 4, 0, 1, 1, 0, 21]', '  全部公开: [14, 4, 0, 1, 1, 0, 20]');
  assert.ok(codes(fewer).includes(`result-total@${lineOf(fewer, '  总计: [37')}`), codes(fewer).join(' '));
  const old = report2031().replace('  全部公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [15, 4, 0, 1, 1, 0, 21]');
  const unknown = checkText(old).find((f) => f.code === 'unknown-key');
  assert.ok(unknown, 'the 2021 name is not statutory in the fictional template');
  assert.match(unknown.message, /予以公开/);
  // The prose figure 予以公开21件 now names 全部公开: a different figure is a mismatch.
  const prose = report2031().replace('其中予以公开21件', '其中予以公开20件');
  assert.ok(codes(prose).includes(`prose-mismatch@${lineOf(prose, '全年共办结')}`), codes(prose).join(' '));
});

test('its extra column is part of the row total, and rows of the old length are wrong', () => {
  const wrongTotal = report2031({ reviews: '行政复议: [1, 0, 1, 1, 2, 3]' });
  const finding = checkText(wrongTotal).find((f) => f.code === 'row-total');
  assert.ok(finding);
  assert.match(finding.message, /总计应为 5（1\+0\+1\+1\+2）/);
  // Four values: neither the five counts nor the five counts and the total.
  const shortRow = report2031({ reviews: '行政复议: [1, 0, 1, 1]' });
  assert.ok(codes(shortRow).includes(`invalid-value@${lineOf(shortRow, '行政复议: [')}`), codes(shortRow).join(' '));
});

test('its deadline is its own: 15 February for every agency', () => {
  assert.deepEqual(codes(report2031({ issued: '2032-02-15' })), []);
  const late = checkText(report2031({ issued: '2032-02-16' })).find((f) => f.code === 'late-publication');
  assert.ok(late);
  assert.match(late.message, /2032-02-15（虚构的第四十九条：每年2月15日前公布）/);
});

test('it renders in the official layout with its renamed row and extra column', () => {
  const html = renderHtml(parseReport(report2031()), { mode: 'export' });
  assert.match(html, /<th[^>]*>（一）全部<wbr[^>]*>公开<\/th>/);
  assert.doesNotMatch(html, /予以<wbr[^>]*>公开<\/th>/);
  const reviews = /<table[^>]*ogi-table-reviews[\s\S]*?<\/table>/.exec(html)![0];
  // Three column groups (复议, 直接起诉, 复议后起诉) of six columns each, one data row of 18 cells.
  assert.equal(reviews.match(/<th[^>]*>终止<wbr[^>]*>审理<\/th>/g)?.length, 3);
  const dataRow = /<tbody[\s\S]*?<\/tbody>/.exec(reviews)![0];
  assert.equal(dataRow.match(/<td/g)?.length, 18);
});

test('completion offers its names and its template id', () => {
  const text = report2031();
  const report = parseReport(text);
  const line = text.split('\n').findIndex((l) => l.startsWith('  全部公开:'));
  const labels = complete(report, { line, character: 2 }).map((i) => i.label);
  assert.ok(labels.includes('全部公开'), labels.join(' '));
  assert.ok(!labels.includes('予以公开'), labels.join(' '));
  const reviewsLine = text.split('\n').findIndex((l) => l.startsWith('  未经复议直接起诉:'));
  const inRow = complete(report, { line: reviewsLine, character: text.split('\n')[reviewsLine].indexOf('{') + 1 });
  assert.ok(
    inRow.some((i) => String(i.label).startsWith('终止审理')),
    inRow.map((i) => i.label).join(' '),
  );
  const templateLine = text.split('\n').findIndex((l) => l.startsWith('template:'));
  const ids = complete(report, { line: templateLine, character: 'template: '.length }).map((i) => i.label);
  assert.ok(ids.includes('ogi-annual-2031'), ids.join(' '));
});
