// The PDF reader's page geometry (server/src/import/pdfLayout.ts) on pages written here run by run, as
// pdf.js hands them over: one case per thing published PDFs do (IMPORT.md's PDF paragraph).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLANK_CELL, layoutLines, normalizeIdeographs, splitRun } from '../../server/src/import/pdfLayout';
import type { PdfPage, PdfRun } from '../../server/src/import/pdfTypes';

const SIZE = 12;
/** A CJK-width run at (x, y), its width from its characters; `order` is the content stream's order. */
function run(text: string, x: number, y: number, order: number, size = SIZE): PdfRun {
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\uffff]/.test(ch) ? size : size / 2), 0);
  return { text, a: size, b: 0, c: 0, d: size, x, y, width, order };
}
/** Runs in content-stream order. */
function page(...runs: [string, number, number, number?][]): PdfPage {
  return { width: 595, height: 842, runs: runs.map(([t, x, y, size], i) => run(t, x, y, i, size)) };
}
/** The seven values of a section 三 row, one per column from x = 300. */
function values(y: number, list: string[], from = 300): [string, number, number][] {
  return list.map((v, i) => [v, from + i * 36, y]);
}
const texts = (pages: PdfPage[]) => layoutLines(pages).map((l) => l.text);

test('Kangxi radicals, supplement radicals and vertical forms become the ideographs; full-width text stays', () => {
  assert.equal(normalizeIdeographs('⼀⼈⾏⽂⽅'), '一人行文方');
  assert.equal(normalizeIdeographs('⺠⻓⻔⻚'), '民长门页');
  assert.equal(normalizeIdeographs('三︑本'), '三、本');
  assert.equal(normalizeIdeographs('（一）１２，：；“”'), '（一）１２，：；“”');
  assert.deepEqual(texts([page(['（⼀）予以公开', 60, 700], ...values(700, ['4', '0']))]), ['（一）予以公开\t4\t0']);
});

test('a row is its label then its values, each a cell of its own even close to the label', () => {
  const lines = texts([
    page(['一、本年新收政府信息公开申请数量', 58.6, 700], ['5', 253.8, 701], ['0', 295, 701], ['5', 508, 701]),
  ]);
  assert.deepEqual(lines, ['一、本年新收政府信息公开申请数量\t5\t0\t5']);
});

test('a label justified across its cell (`规    章`) and a letter-spaced title are one cell each', () => {
  const lines = texts([
    page(
      ['年', 200, 760],
      ['度', 230, 760],
      ['报', 260, 760],
      ['告', 290, 760],
      ['规', 60, 700],
      ['章', 150, 700],
      ...values(700, ['0', '0', '0']),
      ['行政规范性文件', 60, 680],
      ...values(680, ['2', '1', '6']),
    ),
  ]);
  assert.deepEqual(lines, ['年 度 报 告', '规 章\t0\t0\t0', '行政规范性文件\t2\t1\t6']);
});

test('numbers inside running text stay in it, without the space set between them and Chinese', () => {
  const lines = texts([
    page(
      ['全年共收到申请', 60, 700],
      ['5', 147, 700],
      ['件，其中网络申请', 156, 700],
      ['2', 255, 700],
      ['件。', 264, 700],
      ['（', 288, 700],
      ['2020', 300, 700],
      ['年', 329, 700],
    ),
  ]);
  assert.deepEqual(lines, ['全年共收到申请5件，其中网络申请2件。（2020 年']);
});

test('a wrapped label has its values at its middle height: one line, the label whole', () => {
  // Three lines, values on the middle one's baseline.
  const odd = texts([
    page(
      ['（二）部分公开（区分处', 116, 700],
      ['理的，只计这一情形，不', 116, 686],
      ['计其他情形）', 146, 672],
      ...values(686, ['0', '1', '0', '0', '0', '0', '1']),
      ['1.属于国家秘密', 161, 640],
      ...values(640, ['0', '0', '0', '0', '0', '0', '0']),
    ),
  ]);
  assert.deepEqual(odd, [
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t1\t0\t0\t0\t0\t1',
    '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
  ]);
  // Two lines, values between them.
  const even = texts([
    page(['2.其他法律行政', 161, 700], ['法规禁止公开', 167, 686], ...values(693, ['0', '0', '0', '0', '0', '0', '0'])),
  ]);
  assert.deepEqual(even, ['2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0']);
});

test('a vertical label printed one character per line goes before the first row of its group', () => {
  const rows: [string, number, number][] = [];
  const labels = [
    '（一）予以公开',
    '（二）部分公开',
    '（三）不予公开',
    '（四）无法提供',
    '（五）不予处理',
    '（六）其他处理',
  ];
  // The row above the group: its label starts in the group's column.
  rows.push(['二、上年结转政府信息公开申请数量', 60, 760], ...values(760, ['0', '0', '0', '0', '0', '0', '0']));
  labels.forEach((l, i) =>
    rows.push([l, 100, 730 - i * 20], ...values(730 - i * 20, ['1', '0', '0', '0', '0', '0', '1'])),
  );
  rows.push(['四、结转下年度继续办理', 60, 590], ...values(590, ['0', '0', '0', '0', '0', '0', '0']));
  // The merged cell's characters, centred on the group's height, in the stream after its rows.
  const vertical = [...'三、本年度办理结果'].map((ch, i): [string, number, number] => [ch, 66, 690 - i * 12 + 40]);
  const lines = texts([page(...rows, ...vertical)]);
  assert.equal(lines[1], '三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1');
  assert.equal(lines.length, 8);
  assert.ok(lines.slice(2).every((l) => !l.includes('本年度')));
});

test('a group label spanning a page break is placed by its centring: rows before it belong to the page before', () => {
  // Page top: the last rows of （三） (its label on the previous page), then （四）'s three rows with its label
  // beside the middle one, then （五） with its label beside its third row of five.
  const runs: [string, number, number][] = [];
  let y = 760;
  const row = (label: string) => {
    runs.push([label, 160, y], ...values(y, ['0', '0', '0', '0', '0', '0', '0'], 360));
    y -= 20;
  };
  ['6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].forEach(row);
  const four = y - 20;
  ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].forEach(row);
  const five = y - 40;
  [
    '1.信访举报投诉类申请',
    '2.重复申请',
    '3.要求提供公开出版物',
    '4.无正当理由大量反复申请',
    '5.要求行政机关确认',
  ].forEach(row);
  runs.push(['（四）无法提供', 60, four], ['（五）不予处理', 60, five]);
  const lines = texts([page(...runs)]);
  assert.equal(lines[3], '（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0');
  assert.equal(lines[6], '（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0');
  assert.equal(lines.filter((l) => l.includes('（')).length, 2);
});

test('splitRun centres each label on its rows; a row numbered 1 begins a group', () => {
  const bases = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0];
  const labels = [
    { mid: 60, from: 4, to: 4 },
    { mid: 20, from: 8, to: 8 },
  ];
  // Evenly spaced rows, open at both ends: (1–7, 8), (2–6, 7–9) and (3–5, 6–10) centre alike; the
  // numbering says the groups start at rows 3 and 6.
  const restarts = bases.map((_, i) => i === 0 || i === 3 || i === 6);
  assert.deepEqual(splitRun(bases, labels, false, false, restarts), [3, 6]);
  // Shut at the top: the first label's rows start at the run's first row.
  assert.deepEqual(splitRun(bases, [{ mid: 60, from: 4, to: 4 }], true, false), [0]);
  // Labels whose rows cannot be cut in order: their own rows.
  assert.deepEqual(splitRun(bases, [labels[1], labels[0]], false, false), [8, 4]);
});

test('page numbers, running headers and footers are dropped; a table continues across the page break', () => {
  const header = (n: number): [string, number, number] => ['某某县2024年政府信息公开工作年度报告', 150, 800 + n * 0];
  const pages = [
    page(
      header(1),
      ['三、收到和处理政府信息公开申请情况', 60, 740],
      ['一、本年新收政府信息公开申请数量', 60, 700],
      ...values(700, ['5', '0', '0', '0', '0', '0', '5']),
      ['- 1 -', 290, 50],
    ),
    page(
      header(2),
      ['二、上年结转政府信息公开申请数量', 60, 740],
      ...values(740, ['0', '0', '0', '0', '0', '0', '0']),
      ['—2—', 290, 50],
    ),
    page(header(3), ['五、存在的主要问题及改进情况', 60, 740], ['第 3 页', 290, 50]),
  ];
  const lines = layoutLines(pages);
  assert.deepEqual(
    lines.map((l) => [l.where.page, l.text]),
    [
      [1, '三、收到和处理政府信息公开申请情况'],
      [1, '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5'],
      [2, '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0'],
      [3, '五、存在的主要问题及改进情况'],
    ],
  );
});

test('a table header repeated at the top of the next page is dropped, its first appearance kept', () => {
  const head = (top: number): [string, number, number][] => [
    ['申请人情况', 380, top],
    ['自然人', 300, top - 20],
    ['法人或其他组织', 380, top - 20],
    ['总计', 520, top - 20],
  ];
  const pages = [
    page(
      ['三、收到和处理政府信息公开申请情况', 60, 760],
      ...head(720),
      ['一、本年新收政府信息公开申请数量', 60, 660],
      ...values(660, ['5', '0', '0', '0', '0', '0', '5']),
    ),
    page(
      ...head(760),
      ['二、上年结转政府信息公开申请数量', 60, 700],
      ...values(700, ['0', '0', '0', '0', '0', '0', '0']),
    ),
  ];
  const lines = texts(pages);
  assert.equal(lines.filter((l) => l.includes('申请人情况')).length, 1);
  assert.equal(lines.filter((l) => l.startsWith('自然人')).length, 1);
  assert.equal(lines.length, 5);
  assert.ok(lines[4].startsWith('二、上年结转'));
});

test('an empty cell of a row is marked blank in its column, from the columns of the rows around it', () => {
  const lines = texts([
    page(
      ['一、本年新收政府信息公开申请数量', 60, 700],
      ...values(700, ['5', '0', '0', '0', '0', '0', '5']),
      ['二、上年结转政府信息公开申请数量', 60, 680],
      // 自然人 left empty: six values, from the second column on.
      ...values(680, ['0', '0', '0', '0', '0', '0'], 336),
      ['四、结转下年度继续办理', 60, 660],
      ...values(660, ['0', '0', '0', '0', '0', '0', '0']),
    ),
  ]);
  assert.equal(lines[1], `二、上年结转政府信息公开申请数量\t${BLANK_CELL}\t0\t0\t0\t0\t0\t0`);
  assert.equal(lines[2], '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0');
});

test('a right-aligned signature and its date stay two lines; a wrapped paragraph is one', () => {
  const long = '本年度新收政府信息公开申请四十八件，上年结转三件，均在法定期限内办结。';
  const lines = texts([
    page(
      [long.slice(0, 30), 84, 700],
      [long.slice(30), 60, 683],
      ['某某县市场监督管理局', 400, 600],
      ['2025年2月10日', 442, 583],
      // Centred under its agency, as GB/T 9704 sets a signature.
      ['某某县人民政府办公室', 400, 540],
      ['2025年1月20日', 421, 523],
    ),
  ]);
  assert.deepEqual(lines, [long, '某某县市场监督管理局', '2025年2月10日', '某某县人民政府办公室', '2025年1月20日']);
});

test('text printed rotated (vertical writing) is kept whole, and nothing unreadable breaks a page', () => {
  const rotated: PdfRun = {
    text: '三、本年度办理结果',
    a: 0,
    b: SIZE,
    c: -SIZE,
    d: 0,
    x: 66,
    y: 500,
    width: 108,
    order: 0,
  };
  const broken: PdfRun = { text: 'x', a: 0, b: 0, c: 0, d: 0, x: NaN, y: 0, width: 1, order: 1 };
  const lines = texts([{ width: 595, height: 842, runs: [rotated, broken] }]);
  assert.deepEqual(lines, ['三、本年度办理结果']);
});
