// The outline features over the protocol: document symbols, folding ranges, inlay hints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type InlayHint,
  type Range,
} from 'vscode-languageserver-protocol';
import { type Session, useSession } from './harness';
import { CLEAN_2021, MINIMAL_2021, OpenDoc, SEED, lineOf, rangeOf } from './util';

let session: Session;
useSession((s) => (session = s));

const symbolsOf = async (doc: OpenDoc) =>
  session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
const foldingOf = async (doc: OpenDoc) =>
  session.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: doc.uri } });
const hintsOf = async (doc: OpenDoc, range: Range) =>
  session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range });
const whole = (text: string): Range => ({
  start: { line: 0, character: 0 },
  end: { line: text.split('\n').length, character: 0 },
});

const before_ = (a: { line: number; character: number }, b: { line: number; character: number }) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before_(outer.start, inner.start) && before_(inner.end, outer.end);

function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol) {
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selectionRange inside range`);
    if (parent) assert.ok(contains(parent.range, s.range), `${s.name} inside ${parent.name}`);
    assertNested(s.children ?? [], s);
  }
}
const names = (symbols: DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);
const find = (symbols: DocumentSymbol[] | undefined, name: string) => {
  const s = (symbols ?? []).find((x) => x.name === name);
  assert.ok(s, `no symbol ${name} in ${names(symbols).join(', ')}`);
  return s;
};

test('symbols: the six sections, their sub-headings, each table with its groups and rows', async () => {
  const { doc } = await OpenDoc.open(session, 'symbols', CLEAN_2021);
  const symbols = await symbolsOf(doc);
  assertNested(symbols);
  assert.deepEqual(names(symbols), [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ]);
  for (const s of symbols) assert.equal(s.kind, SymbolKind.Namespace);

  const one = symbols[0];
  assert.deepEqual(one.selectionRange, rangeOf(doc.text, '## 一、总体情况'));
  assert.deepEqual(one.range.start, one.selectionRange.start);
  assert.deepEqual(
    one.range.end,
    rangeOf(doc.text, '未发生因政务公开工作不到位被追责的情况。').end,
    'ends at the last character of its content',
  );
  assert.deepEqual(names(one.children), [
    '（一）主动公开情况',
    '（二）依申请公开情况',
    '（三）政府信息管理情况',
    '（四）政府信息公开平台建设情况',
    '（五）政府信息公开监督保障情况',
  ]);

  const three = symbols[2];
  assert.equal(three.children!.length, 1);
  const table = three.children![0];
  assert.equal(table.name, '收到和处理政府信息公开申请情况');
  assert.equal(table.kind, SymbolKind.Struct);
  assert.deepEqual(
    table.range.start,
    rangeOf(doc.text, '```yaml', { after: '## 三、' }).start,
    'from the opening fence…',
  );
  assert.deepEqual(
    table.range.end,
    rangeOf(doc.text, '```', { after: '结转下年度继续办理: [' }).end,
    '…to the closing one',
  );
  assert.deepEqual(names(table.children), [
    '本年新收政府信息公开申请数量',
    '上年结转政府信息公开申请数量',
    '本年度办理结果',
    '结转下年度继续办理',
  ]);
  const results = find(table.children, '本年度办理结果');
  assert.equal(results.kind, SymbolKind.Class);
  assert.deepEqual(names(results.children), [
    '予以公开',
    '部分公开',
    '不予公开',
    '无法提供',
    '不予处理',
    '其他处理',
    '总计',
  ]);
  assert.equal(find(results.children, '予以公开').kind, SymbolKind.Field);
  assert.equal(find(results.children, '予以公开').detail, '（一）予以公开');
  assert.deepEqual(
    find(results.children, '予以公开').selectionRange,
    rangeOf(doc.text, '予以公开', { after: '本年度办理结果:' }),
  );
  assert.equal(find(results.children, '不予公开').children!.length, 8);
  assert.equal(find(results.children, '其他处理').children!.length, 3);
  const four = find(symbols[3].children, '政府信息公开行政复议、行政诉讼情况');
  assert.deepEqual(names(four.children), ['行政复议', '行政诉讼']);
  assert.deepEqual(names(find(four.children, '行政诉讼').children), ['未经复议直接起诉', '复议后起诉']);
  const two = symbols[1].children![0];
  assert.deepEqual(names(two.children), [
    '第二十条第（一）项',
    '第二十条第（五）项',
    '第二十条第（六）项',
    '第二十条第（八）项',
  ]);
});

test('symbols: a heading with non-statutory wording carries the statutory title as detail', async () => {
  const { doc } = await OpenDoc.open(session, 'symbols-seed', SEED);
  const symbols = await symbolsOf(doc);
  assertNested(symbols);
  const five = find(symbols, '五、存在的问题及改进情况');
  assert.equal(five.detail, '五、存在的主要问题及改进情况');
  assert.equal(find(symbols, '一、总体情况').detail, undefined);
  assert.deepEqual(names(five.children), ['（一）2019年问题整改情况', '（二）2020年存在的主要问题', '（三）改进措施']);
});

test('symbols follow incremental edits', async () => {
  const { doc } = await OpenDoc.open(session, 'symbols-edit', MINIMAL_2021);
  const at = rangeOf(doc.text, '本年度未发现突出问题。').end;
  doc.sendEdit([{ range: { start: at, end: at }, text: '\n\n### （一）存在的问题\n\n### （二）改进措施' }]);
  const five = find(await symbolsOf(doc), '五、存在的主要问题及改进情况');
  assert.deepEqual(names(five.children), ['（一）存在的问题', '（二）改进措施']);
  await doc.diagnostics();
});

/** Expected folds of a statutory section: from its heading to its last non-blank line. */
function sectionFold(text: string, heading: string, next: string | undefined): FoldingRange {
  const lines = text.split('\n');
  const start = lineOf(text, heading);
  let end = next ? lineOf(text, next) - 1 : lines.length - 1;
  while (lines[end].trim() === '') end--;
  return { startLine: start, endLine: end, kind: 'region' };
}

test('folding: front matter, each section, each fenced block, each group', async () => {
  const { doc } = await OpenDoc.open(session, 'folding', MINIMAL_2021);
  const folds = await foldingOf(doc);
  const has = (f: FoldingRange) =>
    assert.ok(
      folds.some(
        (x) => x.startLine === f.startLine && x.endLine === f.endLine && (f.kind === undefined || x.kind === f.kind),
      ),
      `fold ${JSON.stringify(f)} in ${JSON.stringify(folds)}`,
    );
  const text = doc.text;
  has({ startLine: 0, endLine: 4 });
  const headings = [
    '## 一、总体情况',
    '## 二、主动公开政府信息情况',
    '## 三、收到和处理政府信息公开申请情况',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '## 五、存在的主要问题及改进情况',
    '## 六、其他需要报告的事项',
  ];
  headings.forEach((h, i) => has(sectionFold(text, h, headings[i + 1])));
  const lines = text.split('\n');
  const fences = lines.map((l, i) => (l.startsWith('```') ? i : -1)).filter((i) => i !== -1);
  assert.equal(fences.length, 6);
  for (let i = 0; i < fences.length; i += 2) has({ startLine: fences[i], endLine: fences[i + 1] });
  has({ startLine: lineOf(text, '本年度办理结果:'), endLine: lineOf(text, '  总计: [0, 0, 0, 0, 0, 0, 0]') });
  has({ startLine: lineOf(text, '  不予公开:'), endLine: lineOf(text, '    属于行政查询事项: [0, 0, 0, 0, 0, 0, 0]') });
  has({ startLine: lineOf(text, '行政诉讼:'), endLine: lineOf(text, '  复议后起诉: [0, 0, 0, 0, 0]') });
  has({ startLine: lineOf(text, '第二十条第（一）项:'), endLine: lineOf(text, '  行政规范性文件: [0, 0, 0]') });
  for (const f of folds) assert.ok(f.endLine > f.startLine && f.endLine < lines.length, JSON.stringify(f));
});

test('folding: CRLF documents fold on the same lines', async () => {
  const lf = await foldingOf((await OpenDoc.open(session, 'fold-lf', SEED)).doc);
  const crlf = await foldingOf((await OpenDoc.open(session, 'fold-crlf', SEED.replace(/\n/g, '\r\n'))).doc);
  assert.deepEqual(crlf, lf);
});

test('inlay hints: the column name before each number of a list row, and a left-out total', async () => {
  const { doc } = await OpenDoc.open(session, 'hints', CLEAN_2021);
  const line = lineOf(doc.text, '  予以公开: [15, 4, 0, 1, 1, 0, 21]');
  const hints = await hintsOf(doc, { start: { line, character: 0 }, end: { line, character: 100 } });
  assert.deepEqual(
    hints.map((h) => h.label),
    ['自然人:', '商业企业:', '科研机构:', '社会公益组织:', '法律服务机构:', '其他:', '总计:'],
  );
  const text = doc.text.split('\n')[line];
  assert.deepEqual(
    hints.map((h) => text.slice(h.position.character).match(/^\d+/)![0]),
    ['15', '4', '0', '1', '1', '0', '21'],
    'each before its number',
  );
  for (const h of hints) {
    assert.equal(h.position.line, line);
    assert.equal(h.kind, 2, 'parameter hints');
  }

  const partial = lineOf(doc.text, '  部分公开: [3, 1, 0, 0, 0, 0]');
  const left = await hintsOf(doc, { start: { line: partial, character: 0 }, end: { line: partial + 1, character: 0 } });
  const total = left.find((h) => String(h.label).includes('总计'))!;
  assert.equal(total.label, ', 总计: 4', 'the computed total of a row that leaves it out');
  assert.deepEqual(total.position, { line: partial, character: doc.text.split('\n')[partial].indexOf(']') });
});

test('inlay hints: only inside the requested range; none for mapping or single-number rows', async () => {
  const { doc } = await OpenDoc.open(session, 'hints-range', CLEAN_2021);
  const mapping = lineOf(
    doc.text,
    '上年结转政府信息公开申请数量: {自然人: 2, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 3}',
  );
  assert.deepEqual(
    await hintsOf(doc, { start: { line: mapping, character: 0 }, end: { line: mapping, character: 200 } }),
    [],
  );
  const single = lineOf(doc.text, '  行政许可: 1856');
  assert.deepEqual(
    await hintsOf(doc, { start: { line: single, character: 0 }, end: { line: single, character: 200 } }),
    [],
  );
  assert.deepEqual(
    await hintsOf(doc, { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }),
    [],
    'prose only',
  );
  const all = await hintsOf(doc, whole(doc.text));
  const lines = new Set(all.map((h) => h.position.line));
  const listRows = doc.text
    .split('\n')
    .map((l, i) => (/^\s*[^#:\s][^:]*: \[/.test(l) ? i : -1))
    .filter((i) => i !== -1);
  assert.deepEqual(
    [...lines].sort((a, b) => a - b),
    listRows,
    'every list row, nothing else',
  );
});
