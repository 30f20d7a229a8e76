// Diags over the protocol: on open, after incremental (ranged) edits, on close; ranges in
// UTF-16 code units; line endings; related information.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { type Session, useSession } from './harness';
import { CLEAN_2021, MINIMAL_2021, OpenDoc, SEED, codesAt, type Diag, rangeOf, replaceOnce } from './util';

let session: Session;
useSession((s) => (session = s));

const only = (diagnostics: Diag[], code: string) => diagnostics.filter((d) => d.code === code);

const SEED_FINDINGS = [
  ...[23, 24, 25, 26, 27, 28, 29, 30, 31, 32].map((l) => `year-mismatch@${l}`),
  'prose-mismatch@46',
  'prose-mismatch@46',
  'section-title@146',
].sort();

test('the server announces incremental sync and every feature', () => {
  const caps = session.initializeResult.capabilities;
  const sync = typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync;
  assert.equal(sync, 2, 'incremental');
  assert.ok(
    caps.completionProvider &&
      caps.hoverProvider &&
      caps.codeActionProvider &&
      caps.documentSymbolProvider &&
      caps.foldingRangeProvider &&
      caps.inlayHintProvider,
  );
  assert.deepEqual(typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [], [
    'quickfix',
    'source.fixAll.ogi-report',
  ]);
});

test('on open: the seed report gets exactly its real defects, with exact ranges', async () => {
  const { doc, diagnostics } = await OpenDoc.open(session, 'seed', SEED);
  assert.deepEqual(codesAt(diagnostics), SEED_FINDINGS);
  for (const d of diagnostics) {
    assert.equal(d.source, 'ogi-report');
    assert.equal(d.severity, DiagnosticSeverity.Warning, `${d.code} is a warning`);
    assert.match(d.message, /[\u4e00-\u9fff]/, 'messages are Chinese by default');
  }
  const title = only(diagnostics, 'section-title')[0];
  assert.deepEqual(title.range, rangeOf(doc.text, '## 五、存在的问题及改进情况'));
  assert.match(title.message, /五、存在的主要问题及改进情况/);
  const prose = only(diagnostics, 'prose-mismatch').find((d) => d.message.includes('同意公开'))!;
  assert.deepEqual(prose.range.start, { line: 46, character: 47 });
  const line46 = doc.text.split('\n')[46];
  assert.equal(line46.slice(prose.range.start.character, prose.range.end.character), '5', 'at the stated figure');
  assert.ok(line46.slice(0, prose.range.start.character).endsWith('同意公开答复'));
  const year = only(diagnostics, 'year-mismatch')[0];
  assert.deepEqual(year.range, rangeOf(doc.text, '2019年12月04日'));
});

test('on open: a clean report gets an empty diagnostics list', async () => {
  assert.deepEqual((await OpenDoc.open(session, 'clean', CLEAN_2021)).diagnostics, []);
  assert.deepEqual((await OpenDoc.open(session, 'minimal', MINIMAL_2021)).diagnostics, []);
});

test('errors are published as errors; a missing front-matter field points at the opening ---', async () => {
  const { diagnostics } = await OpenDoc.open(
    session,
    'no-agency',
    replaceOnce(MINIMAL_2021, 'agency: 某某县交通运输局\n', ''),
  );
  assert.deepEqual(codesAt(diagnostics), ['front-matter@0']);
  assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
  assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
  assert.match(diagnostics[0].message, /agency/);
});

test('incremental edits: a ranged change breaks a total, another repairs it', async () => {
  const { doc } = await OpenDoc.open(session, 'edits', CLEAN_2021);
  const cell = rangeOf(doc.text, '21]', { after: '  予以公开: [15' });
  const total = { start: cell.start, end: { line: cell.start.line, character: cell.start.character + 2 } };
  const broken = await doc.edit([{ range: total, text: '22' }]);
  const rowTotal = only(broken, 'row-total');
  assert.equal(rowTotal.length, 1);
  assert.deepEqual(rowTotal[0].range, total, 'at the written total');
  assert.equal(rowTotal[0].severity, DiagnosticSeverity.Error);
  assert.match(rowTotal[0].message, /21/);
  assert.equal(doc.text.split('\n')[total.start.line], '  予以公开: [15, 4, 0, 1, 1, 0, 22]');

  assert.deepEqual(await doc.edit([{ range: total, text: '21' }]), [], 'repaired: clean again');
  assert.equal(doc.text, CLEAN_2021);
});

test('incremental edits: inserting lines moves the diagnostics below them', async () => {
  const { doc, diagnostics } = await OpenDoc.open(session, 'shift', SEED);
  const at = rangeOf(doc.text, '## 一、总体情况').start;
  const moved = await doc.edit([{ range: { start: at, end: at }, text: '一段说明。\n\n另一段说明。\n\n' }]);
  assert.deepEqual(
    codesAt(moved),
    codesAt(
      diagnostics.map((d) => ({
        ...d,
        range: { start: { ...d.range.start, line: d.range.start.line + 4 }, end: d.range.end },
      })),
    ),
  );
  // Deleting them again moves everything back.
  const back = await doc.edit([{ range: { start: at, end: { line: at.line + 4, character: 0 } }, text: '' }]);
  assert.deepEqual(codesAt(back), SEED_FINDINGS);
  assert.equal(doc.text, SEED);
});

test('incremental edits: several ranged changes in one didChange are applied in order', async () => {
  const { doc } = await OpenDoc.open(session, 'multi', SEED);
  // Fix the heading, then (positions now relative to the changed text) the 予以公开 row.
  const heading = rangeOf(doc.text, '存在的问题', { after: '## 五、' });
  const row = rangeOf(doc.text, '[4, 0, 0, 0, 0, 0, 4]');
  const diagnostics = await doc.edit([
    { range: heading, text: '存在的主要问题' },
    { range: row, text: '[5, 0, 0, 0, 0, 0, 5]' },
  ]);
  assert.ok(doc.text.includes('## 五、存在的主要问题及改进情况'));
  assert.ok(doc.text.includes('  予以公开: [5, 0, 0, 0, 0, 0, 5]'));
  const codes = codesAt(diagnostics);
  assert.ok(!codes.includes('section-title@146'), 'the title is fixed');
  assert.ok(
    !only(diagnostics, 'prose-mismatch').some((d) => d.message.includes('同意公开')),
    'the prose now agrees with 予以公开',
  );
  // 予以公开 5 + 无法提供 1 = 6 now, against a written 总计 of 5 (columns 自然人 and 总计).
  assert.deepEqual(
    only(diagnostics, 'result-total').map((d) => d.range),
    [rangeOf(doc.text, '5', { after: '  总计: [' }), rangeOf(doc.text, '5', { after: '  总计: [', occurrence: 1 })],
  );
});

test('incremental edits: typing character by character; the diagnostics are those of the final version', async () => {
  const { doc } = await OpenDoc.open(session, 'typing', MINIMAL_2021);
  const at = rangeOf(doc.text, '本年度工作平稳。').end;
  const typed = '全年共收到政府信息公开申请3件。';
  let pos = at;
  // Keystrokes sent back to back, as fast as the client can: the server debounces them.
  for (const ch of typed) {
    doc.sendEdit([{ range: { start: pos, end: pos }, text: ch }]);
    pos = { line: pos.line, character: pos.character + ch.length };
  }
  const diagnostics = await doc.diagnostics();
  assert.equal(doc.version, 1 + typed.length);
  assert.ok(doc.text.includes(`本年度工作平稳。${typed}`));
  const prose = only(diagnostics, 'prose-mismatch');
  assert.equal(prose.length, 1, JSON.stringify(diagnostics));
  assert.equal(prose[0].range.start.line, at.line);
  assert.match(prose[0].message, /3/);
});

test('positions are UTF-16 code units: an astral character before a finding counts as two', async () => {
  const { doc } = await OpenDoc.open(session, 'utf16', MINIMAL_2021);
  const sentence = '全年共收到政府信息公开申请3件。';
  const at = rangeOf(doc.text, '本年度工作平稳。').end;
  const plain = await doc.edit([{ range: { start: at, end: at }, text: sentence }]);
  const before = only(plain, 'prose-mismatch')[0].range;
  const withEmoji = await doc.edit([{ range: { start: at, end: at }, text: '😀' }]);
  const after = only(withEmoji, 'prose-mismatch')[0].range;
  assert.equal(after.start.line, before.start.line);
  assert.equal(after.start.character, before.start.character + 2);
  assert.equal(after.end.character, before.end.character + 2);
});

test('balance: related information points at the other terms, in the same document', async () => {
  const { doc } = await OpenDoc.open(session, 'balance', MINIMAL_2021);
  const carried = rangeOf(doc.text, '[0, 0, 0, 0, 0, 0, 0]', { after: '结转下年度继续办理:' });
  const diagnostics = await doc.edit([{ range: carried, text: '[1, 0, 0, 0, 0, 0, 1]' }]);
  // One finding per broken column (自然人, 总计), each at the 结转下年度继续办理 value of its column.
  const balance = only(diagnostics, 'balance');
  assert.deepEqual(
    balance.map((d) => d.range.start),
    [
      { line: carried.start.line, character: carried.start.character + 1 },
      { line: carried.start.line, character: carried.start.character + 19 },
    ],
  );
  for (const b of balance) {
    assert.equal(b.relatedInformation?.length, 3, 'the other three terms');
    for (const r of b.relatedInformation!) assert.equal(r.location.uri, doc.uri);
  }
});

test('CRLF line endings: the same findings on the same lines', async () => {
  const { diagnostics } = await OpenDoc.open(session, 'crlf', SEED.replace(/\n/g, '\r\n'));
  assert.deepEqual(codesAt(diagnostics), SEED_FINDINGS);
  assert.deepEqual((await OpenDoc.open(session, 'crlf-clean', CLEAN_2021.replace(/\n/g, '\r\n'))).diagnostics, []);
});

test('a UTF-8 BOM is accepted', async () => {
  assert.deepEqual((await OpenDoc.open(session, 'bom', `\uFEFF${MINIMAL_2021}`)).diagnostics, []);
});

test('closing a document clears its diagnostics', async () => {
  const { doc, diagnostics } = await OpenDoc.open(session, 'close', SEED);
  assert.ok(diagnostics.length > 0);
  assert.deepEqual(await session.closeDocument(doc.uri), []);
});
