// The renderer's HTML, parsed by a real HTML parser (parse5): the statutory tables' structure for
// both templates, computed totals, data-line, finding marks in preview only, and hostile content.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  checkReport,
  chineseDate,
  parseReport,
  renderDocument,
  renderHtml,
  REPORT_CSS,
} from '../../server/src/service';
import {
  all,
  attr,
  byClass,
  byTag,
  cells,
  classList,
  gridWidths,
  parseDocument,
  parseHtmlFragment,
  span,
  text,
  type Element,
} from './dom';
import { HOSTILE_REQUESTS, hostileActive } from './hostile';

const example = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', `${name}.ogi.md`), 'utf8');
const CLEAN = example('clean-2021');
const SEED = example('jingzhi-2020');

function exportDom(source: string): Element {
  return parseHtmlFragment(renderHtml(parseReport(source), { mode: 'export' }));
}
function previewDom(source: string, locale?: string): Element {
  const report = parseReport(source);
  return parseHtmlFragment(renderHtml(report, { mode: 'preview', findings: checkReport(report), locale }));
}
const table = (root: Element, id: string) => {
  const found = byClass(root, `ogi-table-${id}`);
  assert.equal(found.length, 1, `one ${id} table`);
  return found[0];
};
const rowsOf = (t: Element, section: 'thead' | 'tbody') => byTag(t, section).flatMap((s) => byTag(s, 'tr'));
const texts = (es: Element[]) => es.map((e) => text(e));
/** Row label of a body row: the text of its last th. */
const rowLabel = (tr: Element) =>
  text(
    cells(tr)
      .filter((c) => c.tagName === 'th')
      .pop()!,
  );
const numbers = (tr: Element) => cells(tr).filter((c) => c.tagName === 'td');
const findTh = (t: Element, label: string) => {
  const found = byTag(t, 'th').filter((th) => text(th) === label);
  assert.equal(found.length, 1, `one th “${label}”`);
  return found[0];
};
/** 0-based line of the first source line containing `needle`. */
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle));

// ---------------------------------------------------------------- title, sections, signature

test('title, the six sections and the signature of the 2021 example', () => {
  const dom = exportDom(CLEAN);
  assert.deepEqual(texts(byTag(dom, 'h1')), ['某某县市场监督管理局2024年政府信息公开工作年度报告']);
  assert.deepEqual(texts(byClass(dom, 'ogi-section-heading')), [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ]);
  const signature = byClass(dom, 'ogi-signature')[0];
  assert.deepEqual(texts(byTag(signature, 'p')), ['某某县市场监督管理局', '2025年1月20日']);
  // The signature closes the report.
  const article = byTag(dom, 'article')[0];
  const last = article.childNodes.filter((n): n is Element => 'tagName' in n).pop()!;
  assert.equal(last, signature);
});

test('the seed is signed 2021年1月26日 (no leading zeros) by its agency', () => {
  const signature = byClass(exportDom(SEED), 'ogi-signature')[0];
  assert.deepEqual(texts(byTag(signature, 'p')), ['安丘市景芝镇人民政府', '2021年1月26日']);
  assert.equal(chineseDate('2021-01-26'), '2021年1月26日');
  assert.equal(chineseDate('2024-10-05'), '2024年10月5日');
});

test('front matter title overrides the default title', () => {
  const source = CLEAN.replace('year: 2024\n', 'year: 2024\ntitle: 某某县市场监管局2024年度政府信息公开工作报告\n');
  assert.deepEqual(texts(byTag(exportDom(source), 'h1')), ['某某县市场监管局2024年度政府信息公开工作报告']);
});

test('prose is Markdown: sub-headings, lists, bold CJK text, Markdown tables', () => {
  const dom = exportDom(SEED);
  assert.ok(texts(byTag(dom, 'h3')).includes('（一）主动公开情况'));
  // `**实行考核通报制度。**各业务科室` — bold in Chinese text, not literal asterisks.
  assert.ok(texts(byTag(dom, 'strong')).includes('实行考核通报制度。'));
  assert.ok(!text(dom).includes('**'));
  const mdTable = byTag(dom, 'table').find((t) => !classList(t).includes('ogi-table'))!;
  assert.deepEqual(texts(byTag(mdTable, 'th')), ['序号', '名称', '发布日期', '发布机构']);
  assert.equal(byTag(mdTable, 'tr').length, 16);
});

// ---------------------------------------------------------------- section 二

test('section 二, 2021 template: four captioned blocks, 信息内容 headers, the last column spanning', () => {
  const t = table(exportDom(CLEAN), 'proactive');
  assert.ok(
    gridWidths(t).every((w) => w === 4),
    `every row 4 wide: ${gridWidths(t)}`,
  );
  const bodies = byTag(t, 'tbody');
  assert.equal(bodies.length, 4);
  const blocks = bodies.map((b) => byTag(b, 'tr'));
  assert.deepEqual(
    blocks.map((rows) => text(rows[0])),
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
  );
  for (const rows of blocks) {
    assert.equal(span(cells(rows[0])[0], 'colspan'), 4, 'caption over the whole width');
    assert.equal(text(cells(rows[1])[0]), '信息内容');
  }
  assert.deepEqual(texts(cells(blocks[0][1])), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
  assert.deepEqual(texts(cells(blocks[1][1])), ['信息内容', '本年处理决定数量']);
  assert.equal(span(cells(blocks[1][1])[1], 'colspan'), 3);
  assert.deepEqual(texts(cells(blocks[3][1])), ['信息内容', '本年收费金额（单位：万元）']);
  assert.deepEqual(
    blocks.flatMap((rows) => rows.slice(2).map(rowLabel)),
    ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'],
  );
  assert.deepEqual(texts(numbers(blocks[0][3])), ['2', '1', '6']);
  assert.deepEqual(texts(numbers(blocks[1][2])), ['1856']);
  assert.equal(span(numbers(blocks[1][2])[0], 'colspan'), 3);
  assert.deepEqual(texts(numbers(blocks[3][2])), ['3.75']);
});

test("section 二, 2019 template: five blocks with the trial format's columns and rows", () => {
  const t = table(exportDom(SEED), 'proactive');
  assert.ok(
    gridWidths(t).every((w) => w === 4),
    `every row 4 wide: ${gridWidths(t)}`,
  );
  const blocks = byTag(t, 'tbody').map((b) => byTag(b, 'tr'));
  assert.deepEqual(
    blocks.map((rows) => text(rows[0])),
    ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'],
  );
  assert.deepEqual(texts(cells(blocks[0][1])), ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
  assert.deepEqual(texts(cells(blocks[1][1])), ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']);
  assert.deepEqual(texts(cells(blocks[3][1])), ['信息内容', '上一年项目数量', '本年增/减']);
  assert.equal(span(cells(blocks[3][1])[2], 'colspan'), 2);
  assert.deepEqual(texts(cells(blocks[4][1])), ['信息内容', '采购项目数量', '采购总金额（万元）']);
  assert.deepEqual(
    blocks.flatMap((rows) => rows.slice(2).map(rowLabel)),
    [
      '规章',
      '规范性文件',
      '行政许可',
      '其他对外管理服务事项',
      '行政处罚',
      '行政强制',
      '行政事业性收费',
      '政府集中采购',
    ],
  );
});

// ---------------------------------------------------------------- section 三

const RESULT_ROWS_COMMON = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
];
const OTHER_2021 = [
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
];

function assertRequestHeader(t: Element) {
  const head = rowsOf(t, 'thead');
  assert.equal(head.length, 3);
  const corner = cells(head[0])[0];
  assert.equal(text(corner), '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  assert.equal(span(corner, 'colspan'), 3);
  assert.equal(span(corner, 'rowspan'), 3);
  assert.equal(text(cells(head[0])[1]), '申请人情况');
  assert.equal(span(cells(head[0])[1], 'colspan'), 7);
  assert.deepEqual(texts(cells(head[1])), ['自然人', '法人或其他组织', '总计']);
  assert.deepEqual(
    cells(head[1]).map((c) => [span(c, 'rowspan'), span(c, 'colspan')]),
    [
      [2, 1],
      [1, 5],
      [2, 1],
    ],
  );
  assert.deepEqual(texts(cells(head[2])), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  assert.ok(
    gridWidths(t).every((w) => w === 10),
    `every row 10 wide: ${gridWidths(t)}`,
  );
  for (const tr of rowsOf(t, 'tbody')) assert.equal(numbers(tr).length, 7, `7 numbers in “${rowLabel(tr)}”`);
}

test('section 三, 2021 template: header, numbering, full wording, spans, 其他处理 as three sub-rows', () => {
  const t = table(exportDom(CLEAN), 'requests');
  assertRequestHeader(t);
  const body = rowsOf(t, 'tbody');
  assert.deepEqual(body.map(rowLabel), [...RESULT_ROWS_COMMON, ...OTHER_2021, '（七）总计', '四、结转下年度继续办理']);
  const results = findTh(t, '三、本年度办理结果');
  assert.equal(span(results, 'rowspan'), 22);
  assert.equal(body.indexOf(results.parentNode as Element), 2);
  assert.equal(span(findTh(t, '（三）不予公开'), 'rowspan'), 8);
  assert.equal(span(findTh(t, '（四）无法提供'), 'rowspan'), 3);
  assert.equal(span(findTh(t, '（五）不予处理'), 'rowspan'), 5);
  assert.equal(span(findTh(t, '（六）其他处理'), 'rowspan'), 3);
  for (const l of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理'])
    assert.equal(span(findTh(t, l), 'colspan'), 3, l);
  for (const l of ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（七）总计'])
    assert.equal(span(findTh(t, l), 'colspan'), 2, l);
  assert.equal(span(findTh(t, '1.属于国家秘密'), 'colspan'), 1);
  assert.deepEqual(texts(numbers(body[0])), ['38', '6', '0', '1', '2', '1', '48']);
});

test('section 三, 2019 template: 其他处理 is one row', () => {
  const t = table(exportDom(SEED), 'requests');
  assertRequestHeader(t);
  const body = rowsOf(t, 'tbody');
  assert.deepEqual(body.map(rowLabel), [
    ...RESULT_ROWS_COMMON,
    '（六）其他处理',
    '（七）总计',
    '四、结转下年度继续办理',
  ]);
  assert.equal(span(findTh(t, '三、本年度办理结果'), 'rowspan'), 20);
  assert.equal(span(findTh(t, '（六）其他处理'), 'colspan'), 2);
  assert.equal(span(findTh(t, '（六）其他处理'), 'rowspan'), 1);
  assert.deepEqual(texts(numbers(body[2])), ['4', '0', '0', '0', '0', '0', '4']);
  assert.deepEqual(texts(numbers(body[12])), ['1', '0', '0', '0', '0', '0', '1']);
});

test('a total the author left out is rendered computed (部分公开 list without 总计, mapping without 总计)', () => {
  const t = table(exportDom(CLEAN), 'requests');
  const body = rowsOf(t, 'tbody');
  const partial = body.find((tr) => rowLabel(tr).startsWith('（二）部分公开'))!;
  assert.deepEqual(texts(numbers(partial)), ['3', '1', '0', '0', '0', '0', '4']);
  assert.ok(classList(numbers(partial)[6]).includes('ogi-computed'));
  assert.ok(!classList(numbers(partial)[0]).includes('ogi-computed'));
  const third = body.find((tr) => rowLabel(tr) === '4.保护第三方合法权益')!;
  assert.equal(text(numbers(third)[6]), '3');
  const carried = body.find((tr) => rowLabel(tr) === '二、上年结转政府信息公开申请数量')!;
  assert.deepEqual(texts(numbers(carried)), ['2', '1', '0', '0', '0', '0', '3']);
});

test('a missing 办理结果 总计 row is rendered computed from the result rows', () => {
  const source = CLEAN.replace('  总计: [37, 7, 0, 1, 2, 1, 48]\n', '');
  assert.notEqual(source, CLEAN);
  const body = rowsOf(table(exportDom(source), 'requests'), 'tbody');
  const total = body.find((tr) => rowLabel(tr) === '（七）总计')!;
  assert.deepEqual(texts(numbers(total)), ['37', '7', '0', '1', '2', '1', '48']);
  assert.ok(numbers(total).every((td) => classList(td).includes('ogi-computed')));
});

test('blank cells render empty; a blank total is computed; a missing row keeps its place, empty', () => {
  const source = CLEAN.replace('  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [15, null, 0, 1, 1, 0, ~]').replace(
    '    属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\n',
    '',
  );
  const body = rowsOf(table(exportDom(source), 'requests'), 'tbody');
  const disclosed = body.find((tr) => rowLabel(tr) === '（一）予以公开')!;
  assert.deepEqual(texts(numbers(disclosed)), ['15', '', '0', '1', '1', '0', '17']);
  const secret = body.find((tr) => rowLabel(tr) === '1.属于国家秘密')!;
  assert.deepEqual(texts(numbers(secret)), ['', '', '', '', '', '', '']);
});

test('a 2021 其他处理 written as one row is rendered as that row, with its numbers', () => {
  const source = CLEAN.replace(/ {2}其他处理:\n( {4}.*\n){3}/, '  其他处理: [1, 0, 0, 0, 0, 1, 2]\n');
  assert.notEqual(source, CLEAN);
  const t = table(exportDom(source), 'requests');
  assert.ok(gridWidths(t).every((w) => w === 10));
  const other = findTh(t, '（六）其他处理');
  assert.equal(span(other, 'colspan'), 2);
  assert.deepEqual(texts(numbers(other.parentNode as Element)), ['1', '0', '0', '0', '0', '1', '2']);
  assert.equal(span(findTh(t, '三、本年度办理结果'), 'rowspan'), 20);
});

test('a table block that is not valid YAML is shown as code, marked in preview', () => {
  const source = CLEAN.replace('行政复议: [1, 0, 1, 1, 3]', '行政复议: [1, 0, 1, 1, 3');
  const dom = previewDom(source);
  assert.equal(byClass(dom, 'ogi-table-reviews').length, 0);
  const pre = byTag(dom, 'pre').find((p) => text(p).includes('行政复议: [1, 0, 1, 1, 3'))!;
  assert.ok(pre);
  assert.ok(classList(pre).includes('ogi-error'));
  assert.equal(byClass(exportDom(source), 'ogi-finding').length, 0);
});

test('CRLF and a BOM render the same tables, with the same lines', () => {
  const crlf = `\uFEFF${CLEAN.replace(/\n/g, '\r\n')}`;
  const strip = (html: string) => html.replace(/\r/g, '');
  assert.equal(
    strip(renderHtml(parseReport(crlf), { mode: 'export' })),
    renderHtml(parseReport(CLEAN), { mode: 'export' }),
  );
});

// ---------------------------------------------------------------- section 四

test('section 四: two-level header over 15 columns and one data row of 15 numbers', () => {
  for (const [source, values] of [
    [CLEAN, ['1', '0', '1', '1', '3', '1', '0', '0', '0', '1', '0', '0', '0', '1', '1']],
    [SEED, Array(15).fill('0')],
  ] as const) {
    const t = table(exportDom(source), 'reviews');
    assert.ok(
      gridWidths(t).every((w) => w === 15),
      `every row 15 wide: ${gridWidths(t)}`,
    );
    const head = rowsOf(t, 'thead');
    assert.equal(head.length, 3);
    assert.deepEqual(
      cells(head[0]).map((c) => [text(c), span(c, 'colspan')]),
      [
        ['行政复议', 5],
        ['行政诉讼', 10],
      ],
    );
    assert.deepEqual(texts(cells(head[1])), [
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '未经复议直接起诉',
      '复议后起诉',
    ]);
    assert.deepEqual(
      cells(head[1]).map((c) => span(c, 'rowspan')),
      [2, 2, 2, 2, 2, 1, 1],
    );
    assert.deepEqual(
      cells(head[1])
        .slice(5)
        .map((c) => span(c, 'colspan')),
      [5, 5],
    );
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    assert.deepEqual(texts(cells(head[2])), [...outcomes, ...outcomes]);
    const body = rowsOf(t, 'tbody');
    assert.equal(body.length, 1);
    assert.deepEqual(texts(numbers(body[0])), values);
  }
  // 未经复议直接起诉 has no 总计 in clean-2021: computed.
  const direct = numbers(rowsOf(table(exportDom(CLEAN), 'reviews'), 'tbody')[0]);
  assert.ok(classList(direct[9]).includes('ogi-computed'));
});

// ---------------------------------------------------------------- other blocks, data-line

test('other YAML blocks and other code render as code', () => {
  const source = CLEAN.replace(
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '```yaml\n备注: 第二个 YAML 块\n```\n\n```\nplain code\n```\n\n## 四、政府信息公开行政复议、行政诉讼情况',
  );
  const dom = exportDom(source);
  const code = byTag(dom, 'code');
  assert.ok(code.some((c) => attr(c, 'class') === 'language-yaml' && text(c) === '备注: 第二个 YAML 块\n'));
  assert.ok(code.some((c) => text(c) === 'plain code\n'));
  assert.equal(byClass(dom, 'ogi-table-requests').length, 1);
});

test('every element carries data-line, with the source line of what it shows', () => {
  const dom = exportDom(CLEAN);
  const lines = CLEAN.split('\n').length;
  for (const e of all(dom)) {
    const l = attr(e, 'data-line');
    assert.ok(l !== undefined && /^\d+$/.test(l) && Number(l) < lines, `<${e.tagName}> has data-line ${l}`);
  }
  const h2 = byTag(dom, 'h2').find((h) => text(h).startsWith('三、'))!;
  assert.equal(Number(attr(h2, 'data-line')), lineOf(CLEAN, '## 三、'));
  const t = table(dom, 'requests');
  assert.equal(Number(attr(t, 'data-line')), lineOf(CLEAN, '## 三、') + 2);
  const partial = rowsOf(t, 'tbody').find((tr) => rowLabel(tr).startsWith('（二）部分公开'))!;
  assert.equal(Number(attr(partial, 'data-line')), lineOf(CLEAN, '  部分公开:'));
  assert.equal(Number(attr(numbers(partial)[0], 'data-line')), lineOf(CLEAN, '  部分公开:'));
  const para = byTag(dom, 'p').find((p) => text(p).startsWith('全年发生政府信息公开行政复议'))!;
  assert.equal(Number(attr(para, 'data-line')), lineOf(CLEAN, '全年发生政府信息公开行政复议'));
});

// ---------------------------------------------------------------- preview vs export

test('preview marks the cell, key and heading with a finding; export never marks', () => {
  const source = SEED.replace('  予以公开: [4, 0, 0, 0, 0, 0, 4]', '  予以公开: [4, 0, 0, 0, 0, 0, 9]');
  const preview = previewDom(source);
  const marked = byClass(preview, 'ogi-finding');
  const cell = marked.find((e) => e.tagName === 'td' && text(e) === '9')!;
  assert.ok(cell, 'the written total is marked');
  assert.ok(classList(cell).includes('ogi-error'));
  assert.match(attr(cell, 'title')!, /总计应为 4/);
  const heading = marked.find((e) => e.tagName === 'h2' && text(e).startsWith('五、'))!;
  assert.ok(classList(heading).includes('ogi-warning'));
  assert.match(attr(heading, 'title')!, /存在的主要问题及改进情况/);
  // A misspelt key: the row label of the row it stands for, or the list of unplaced keys.
  const misspelt = previewDom(CLEAN.replace('    重复申请: [1', '    重复申请书: [1'));
  assert.ok(
    byClass(misspelt, 'ogi-finding').some((e) => /重复申请/.test(text(e)) && classList(e).includes('ogi-error')),
  );

  const exported = parseHtmlFragment(
    renderHtml(parseReport(source), { mode: 'export', findings: checkReport(parseReport(source)) }),
  );
  assert.equal(byClass(exported, 'ogi-finding').length, 0);
  assert.equal(all(exported, (e) => attr(e, 'title') !== undefined).length, 0);
  assert.equal(byClass(exported, 'ogi-unplaced').length, 0);
});

test('preview: a finding over a whole row marks its cells; one over the whole block marks the table only', () => {
  const source = CLEAN.replace('  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [15, 4, 0, 1, 1]').replace(
    '结转下年度继续办理: [3, 0, 0, 0, 0, 0, 3]\n',
    '',
  );
  const t = table(previewDom(source), 'requests');
  const disclosed = rowsOf(t, 'tbody').find((tr) => rowLabel(tr) === '（一）予以公开')!;
  for (const td of numbers(disclosed).slice(0, 5)) assert.match(attr(td, 'title') ?? '', /应有 7\/6 个数值/);
  assert.ok(classList(t).includes('ogi-finding'));
  assert.match(attr(t, 'title')!, /缺少法定行“结转下年度继续办理”/);
  assert.ok(
    all(t, (e) => e !== t && /结转下年度继续办理”$/m.test(attr(e, 'title') ?? '')).length === 0,
    'no cell carries the block-wide finding',
  );
  const missing = rowsOf(t, 'tbody').find((tr) => rowLabel(tr) === '四、结转下年度继续办理')!;
  assert.deepEqual(texts(numbers(missing)), ['', '', '', '', '', '', '']);
});

test('preview without findings marks nothing; the computed-value hint follows the locale', () => {
  const report = parseReport(CLEAN);
  const dom = parseHtmlFragment(renderHtml(report, { mode: 'preview' }));
  assert.equal(byClass(dom, 'ogi-finding').length, 0);
  const computed = byClass(previewDom(CLEAN, 'en'), 'ogi-computed')[0];
  assert.match(attr(computed, 'title')!, /computed/);
  assert.match(attr(byClass(previewDom(CLEAN), 'ogi-computed')[0], 'title')!, /计算/);
  assert.ok(classList(byTag(dom, 'article')[0]).includes('ogi-preview'));
});

// ---------------------------------------------------------------- hostile content

const HOSTILE_TEXT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const HOSTILE = `---
agency: "<script>alert(1)</script><img src=x onerror=alert(1)>某局"
year: 2024
issued: 2025-01-20
title: "<img src=x onerror=alert(1)>标题<script>alert(1)</script>"
---

<script>alert(1)</script>

## 一、总体情况

正文 <img src=x onerror=alert(1)> 与 [x](javascript:alert(1)) 和 [y](JaVaScRiPt:alert(1)) 和 <javascript:alert(1)> 和 [z](java&#x09;script:alert(1))。

<a href="javascript:alert(1)" onclick="alert(1)">link</a>

| <b onmouseover=alert(1)>h</b> | x |
|---|---|
| <svg onload=alert(1)> | [t](javascript:alert(1)) |

${hostileActive()}
${HOSTILE_REQUESTS}
\`\`\`yaml
"<script>alert(1)</script>": "<img src=x onerror=alert(1)>"
\`\`\`

## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`<script>alert(1)</script>
行政复议: [0, 0, 0, 0, 0]
\`\`\`

## 五、存在的主要问题及改进情况

无。

## 六、其他需要报告的事项

![<img src=x onerror=alert(1)>](javascript:alert(1))
`;

function assertInert(root: Element, where: string) {
  assert.equal(byTag(root, 'script').length, 0, `${where}: no <script>`);
  for (const tag of ['img', 'svg', 'iframe', 'object', 'embed', 'b', 'form', 'base', 'meta', 'link']) {
    if (tag === 'meta' || tag === 'link') {
      // The document head has its own meta tags; none comes from the report.
      assert.ok(
        byTag(root, tag).every((e) => !/alert/.test(JSON.stringify(e.attrs))),
        `${where}: <${tag}>`,
      );
      continue;
    }
    assert.equal(byTag(root, tag).length, 0, `${where}: no <${tag}> from the content`);
  }
  for (const e of all(root)) {
    for (const a of e.attrs) {
      assert.ok(!/^on/i.test(a.name), `${where}: event handler ${a.name} on <${e.tagName}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)) {
        assert.ok(
          !/^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\s\u0000-\u001f]/g, '')),
          `${where}: ${a.name}=${a.value}`,
        );
      }
    }
  }
  // The payloads are there, as text.
  const all_text =
    text(root) +
    all(root)
      .map((e) => attr(e, 'title') ?? '')
      .join('');
  for (const h of HOSTILE_TEXT) assert.ok(all_text.includes(h), `${where}: “${h}” shown as text`);
}

test('hostile content in prose, YAML keys, values, info strings and front matter renders as text', () => {
  const report = parseReport(HOSTILE);
  const findings = checkReport(report);
  assert.ok(
    findings.some((f) => f.code === 'unknown-key'),
    'the hostile keys are reported',
  );
  for (const mode of ['preview', 'export'] as const) {
    const fragment = parseHtmlFragment(renderHtml(report, { mode, findings }));
    assertInert(fragment, `${mode} fragment`);
    assertInert(parseDocument(renderDocument(report, { mode, findings })), `${mode} document`);
  }
  // The title and agency are shown, escaped.
  const dom = parseHtmlFragment(renderHtml(report, { mode: 'export' }));
  assert.equal(text(byTag(dom, 'h1')[0]), '<img src=x onerror=alert(1)>标题<script>alert(1)</script>');
  assert.equal(
    text(byClass(dom, 'ogi-signature-agency')[0]),
    '<script>alert(1)</script><img src=x onerror=alert(1)>某局',
  );
  // Unknown keys are listed in preview, as text.
  const preview = parseHtmlFragment(renderHtml(report, { mode: 'preview', findings }));
  assert.ok(byClass(preview, 'ogi-unplaced').some((u) => text(u).includes('<script>alert(1)</script>')));
  const raw = renderHtml(report, { mode: 'preview', findings });
  assert.ok(!/<script/i.test(raw) && !/<img/i.test(raw), 'no tag in the raw string either');
});

// ---------------------------------------------------------------- the standalone document

test('renderDocument: a standalone page, CSS inlined, no script, no remote resource', () => {
  const html = renderDocument(parseReport(CLEAN));
  assert.ok(html.startsWith('<!doctype html>'));
  const doc = parseDocument(html);
  assert.equal(attr(doc, 'lang'), 'zh-CN');
  const head = byTag(doc, 'head')[0];
  assert.ok(byTag(head, 'meta').some((m) => attr(m, 'charset') === 'utf-8'));
  const csp = byTag(head, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
  assert.match(attr(csp!, 'content')!, /default-src 'none'/);
  assert.equal(text(byTag(head, 'title')[0]), '某某县市场监督管理局2024年政府信息公开工作年度报告');
  const style = text(byTag(head, 'style')[0]);
  assert.ok(style.includes(REPORT_CSS));
  for (const needle of [
    '@page { size: A4; margin: 2cm; }',
    '@media print',
    'SimSun',
    'border-collapse: collapse',
    '1px solid #000',
  ])
    assert.ok(style.includes(needle), needle);
  assert.equal(byTag(doc, 'script').length, 0);
  assert.equal(byTag(doc, 'link').length, 0);
  for (const e of all(doc))
    for (const a of e.attrs)
      if (a.name === 'src' || a.name === 'href') assert.ok(!/^(https?:)?\/\//.test(a.value), `${a.name}=${a.value}`);
  assert.ok(!/url\(/.test(style) && !/@import/.test(style), 'no remote resource from the CSS');
  // Export mode by default: no marks even with findings given.
  assert.equal(byClass(doc, 'ogi-finding').length, 0);
  assert.ok(classList(byTag(doc, 'article')[0]).includes('ogi-export'));
});

test('a report without front matter or sections still renders (default title, no signature lines)', () => {
  for (const source of [
    '',
    'just text',
    '---\nagency: [\n---\n## 三、收到和处理政府信息公开申请情况\n```yaml\n: :\n```\n',
  ]) {
    const dom = parseHtmlFragment(
      renderHtml(parseReport(source), { mode: 'preview', findings: checkReport(parseReport(source)) }),
    );
    assert.equal(text(byTag(dom, 'h1')[0]), '政府信息公开工作年度报告');
    assert.equal(byTag(byClass(dom, 'ogi-signature')[0], 'p').length, 0);
  }
});
