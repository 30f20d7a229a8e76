// Hover over the protocol: section titles, row/group/column keys and cells show the statutory
// label, legal basis and meaning; total cells show how they are computed and the computed value.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { startSession, type Session } from './harness';
import { CLEAN_2021, OpenDoc, SEED, cursor, rangeOf, replaceOnce } from './util';

let zh: Session;
let en: Session;
before(async () => {
  [zh, en] = await Promise.all([startSession(), startSession({ locale: 'en' })]);
});
after(async () => {
  await Promise.all([zh.close(), en.close()]);
});

/** Hovers inside the first occurrence of `at` (after `after`), `inside` characters into it (the cursor marker is ‸: reports contain |). */
async function hoverIn(
  session: Session,
  report: string,
  at: string,
  options: { after?: string; inside?: number } = {},
): Promise<{ hover: Hover | null; text: string; position: Position }> {
  const r = rangeOf(report, at, { after: options.after });
  const lines = report.split('\n');
  const line = lines[r.start.line];
  const col = r.start.character + (options.inside ?? 1);
  lines[r.start.line] = `${line.slice(0, col)}‸${line.slice(col)}`;
  const { text, position } = cursor(lines.join('\n'), '‸');
  const { doc } = await OpenDoc.open(session, 'hover', text);
  const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri: doc.uri },
    position,
  });
  return { hover, text, position };
}
const value = (h: Hover | null) => {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
};

test('section title: statutory title, legal basis, meaning; range = the heading', async () => {
  const { hover, text } = await hoverIn(zh, CLEAN_2021, '## 三、收到和处理政府信息公开申请情况', { inside: 5 });
  const v = value(hover);
  assert.match(v, /^\*\*三、收到和处理政府信息公开申请情况\*\*/);
  assert.match(v, /法律依据：条例第五十条第（二）项/);
  assert.match(v, /说明：收到和处理政府信息公开申请的情况/);
  assert.deepEqual(hover!.range, rangeOf(text, '## 三、收到和处理政府信息公开申请情况'));
});

test('section title with non-statutory wording: the hover gives the statutory one', async () => {
  const v = value((await hoverIn(zh, SEED, '## 五、存在的问题及改进情况', { inside: 6 })).hover);
  assert.match(v, /^\*\*五、存在的主要问题及改进情况\*\*/);
});

test('row key: statutory label with numbering, 条例 article, meaning, and its current total', async () => {
  const { hover, text } = await hoverIn(zh, CLEAN_2021, '予以公开:', { after: '本年度办理结果:' });
  const v = value(hover);
  assert.match(v, /\*\*（一）予以公开\*\*/);
  assert.match(v, /法律依据：条例第三十六条/);
  assert.match(v, /说明：/);
  assert.match(v, /当前计算值：总计 21/);
  assert.deepEqual(hover!.range, rangeOf(text, '予以公开', { after: '本年度办理结果:' }));
});

test('group key: its label and the sum of its rows', async () => {
  const v = value((await hoverIn(zh, CLEAN_2021, '不予公开:', { after: '本年度办理结果:' })).hover);
  assert.match(v, /\*\*（三）不予公开\*\*/);
  assert.match(v, /当前计算值：总计 6/);
  const sub = value((await hoverIn(zh, CLEAN_2021, '保护第三方合法权益')).hover);
  assert.match(sub, /保护第三方合法权益/);
  assert.match(sub, /条例第十五条/);
});

test("column name inside a mapping row: the column's label and meaning", async () => {
  const { hover, text } = await hoverIn(zh, CLEAN_2021, '商业企业: 1', { after: '上年结转政府信息公开申请数量' });
  const v = value(hover);
  assert.match(v, /\*\*商业企业\*\*/);
  assert.match(v, /法律依据：/);
  assert.match(v, /二、上年结转政府信息公开申请数量/);
  assert.deepEqual(hover!.range, rangeOf(text, '商业企业', { after: '上年结转政府信息公开申请数量' }));
});

test('a cell: row · column label', async () => {
  const { hover, text } = await hoverIn(zh, CLEAN_2021, '15,', { after: '  予以公开:' });
  const v = value(hover);
  assert.match(v, /\*\*（一）予以公开 · 自然人\*\*/);
  assert.deepEqual(hover!.range, rangeOf(text, '15', { after: '  予以公开:' }));
});

test('a total cell: how it is computed and its current computed value', async () => {
  const v = value((await hoverIn(zh, CLEAN_2021, '21]', { after: '  予以公开:' })).hover);
  assert.match(v, /（一）予以公开 · 总计/);
  assert.match(v, /计算方法：自然人 15 \+ 商业企业 4 \+ 科研机构 0 \+ 社会公益组织 1 \+ 法律服务机构 1 \+ 其他 0/);
  assert.match(v, /当前计算值：\*\*21\*\*/);
});

test('a wrong total cell: the computed value and the written one', async () => {
  const wrong = replaceOnce(CLEAN_2021, '  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [15, 4, 0, 1, 1, 0, 25]');
  const v = value((await hoverIn(zh, wrong, '25]')).hover);
  assert.match(v, /当前计算值：\*\*21\*\*（填写值 25）/);
});

test('a total in section 四: 结果维持 + 结果纠正 + 其他结果 + 尚未审结', async () => {
  const v = value((await hoverIn(zh, CLEAN_2021, '3]', { after: '行政复议: [' })).hover);
  assert.match(v, /行政复议 · 总计/);
  assert.match(v, /结果维持 1 \+ 结果纠正 0 \+ 其他结果 1 \+ 尚未审结 1/);
  assert.match(v, /\*\*3\*\*/);
});

test('a cell of the 办理结果 总计 row: the sum of the result rows, and its value', async () => {
  const v = value((await hoverIn(zh, CLEAN_2021, '37,', { after: '  总计: [' })).hover);
  assert.match(v, /（七）总计 · 自然人/);
  assert.match(v, /予以公开 15 \+ 部分公开 3 \+ 不予公开 4 \+ 无法提供 11 \+ 不予处理 3 \+ 其他处理 1/);
  assert.match(v, /当前计算值：\*\*37\*\*（填写值 37）/);
  const total = value((await hoverIn(zh, CLEAN_2021, '48]', { after: '  总计: [' })).hover);
  assert.match(total, /予以公开 21 \+ 部分公开 4 \+ 不予公开 6 \+ 无法提供 12 \+ 不予处理 3 \+ 其他处理 2/);
  assert.match(total, /自然人 37 \+ 商业企业 7 \+ 科研机构 0 \+ 社会公益组织 1 \+ 法律服务机构 2 \+ 其他 1/);
  assert.match(total, /当前计算值：\*\*48\*\*/);
  // A wrong cell in the 总计 row: the computed sum, and what was written.
  const wrong = replaceOnce(CLEAN_2021, '  总计: [37, 7, 0, 1, 2, 1, 48]', '  总计: [36, 7, 0, 1, 2, 1, 47]');
  assert.match(
    value((await hoverIn(zh, wrong, '36,', { after: '  总计: [' })).hover),
    /当前计算值：\*\*37\*\*（填写值 36）/,
  );
});

test('a total cell in a mapping row, a single-column row, a group of section 二', async () => {
  const mapping = value((await hoverIn(zh, CLEAN_2021, '3}', { after: '上年结转政府信息公开申请数量' })).hover);
  assert.match(mapping, /二、上年结转政府信息公开申请数量 · 总计/);
  assert.match(mapping, /自然人 2 \+ 商业企业 1 \+ 科研机构 0/);
  assert.match(mapping, /当前计算值：\*\*3\*\*/);
  const single = value((await hoverIn(zh, CLEAN_2021, '1856', { after: '  行政许可: ' })).hover);
  assert.match(single, /\*\*行政许可 · 本年处理决定数量\*\*/);
  const group = value((await hoverIn(zh, CLEAN_2021, '第二十条第（一）项:')).hover);
  assert.match(group, /\*\*第二十条第（一）项\*\*/);
  assert.match(group, /法律依据：条例第二十条/);
});

test('prose, front matter and blank lines: no hover', async () => {
  assert.equal((await hoverIn(zh, CLEAN_2021, '认真贯彻落实')).hover, null);
  assert.equal((await hoverIn(zh, CLEAN_2021, 'agency:')).hover, null);
});

test('English: the same hovers with English labels and meanings', async () => {
  const row = value((await hoverIn(en, CLEAN_2021, '予以公开:', { after: '本年度办理结果:' })).hover);
  assert.match(row, /\*\*（一）予以公开\*\*/, 'statutory names stay Chinese');
  assert.match(row, /Legal basis：条例第三十六条/);
  assert.match(row, /Meaning：[A-Za-z]/);
  assert.match(row, /Current computed value：total 21/);
  const total = value((await hoverIn(en, CLEAN_2021, '21]', { after: '  予以公开:' })).hover);
  assert.match(total, /Computed as：自然人 15 \+ /);
  const section = value((await hoverIn(en, CLEAN_2021, '## 三、收到和处理政府信息公开申请情况', { inside: 5 })).hover);
  assert.match(section, /Meaning：[A-Za-z]/);
});
