// Code actions over the protocol: request them with the diagnostic's range and context, apply the
// returned WorkspaceEdit to the client's copy, send it as a didChange, and await diagnostics where
// the finding is gone. Every fix is a minimal edit: most restore the original report byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Command, TextEdit } from 'vscode-languageserver-protocol';
import { type Session, useSession } from './harness';
import {
  CLEAN_2021,
  MINIMAL_2021,
  OpenDoc,
  SEED,
  applyEdits,
  type Diag,
  assertOnlyRangesChanged,
  editsFor,
  rangeOf,
  replaceOnce,
} from './util';

let session: Session;
useSession((s) => (session = s));

const sameRange = (a: Diag['range'], b: Diag['range']) => JSON.stringify(a) === JSON.stringify(b);
const isEmpty = (r: Diag['range']) => r.start.line === r.end.line && r.start.character === r.end.character;

async function requestActions(
  doc: OpenDoc,
  range: Diag['range'],
  diagnostics: Diag[],
  only?: string[],
): Promise<CodeAction[]> {
  const result = await session.connection.sendRequest<(CodeAction | Command)[] | null>('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range,
    context: { diagnostics, triggerKind: 1, ...(only ? { only } : {}) },
  });
  return (result ?? []).filter((a): a is CodeAction => 'kind' in a || 'edit' in a);
}

/** The quick fix the server offers for `diagnostic`, asked for as an editor does (its range and context). */
async function quickFix(doc: OpenDoc, diagnostic: Diag): Promise<CodeAction> {
  const actions = await requestActions(doc, diagnostic.range, [diagnostic], ['quickfix']);
  const fixes = actions.filter(
    (a) =>
      a.kind === 'quickfix' &&
      a.diagnostics?.some((d) => d.code === diagnostic.code && sameRange(d.range, diagnostic.range)),
  );
  assert.equal(fixes.length, 1, `one quick fix for ${diagnostic.code}: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(
    actions.every((a) => a.kind === 'quickfix'),
    'only: [quickfix] gives quick fixes only',
  );
  // Editors convert these: they must be protocol Diagnostics (numeric severity), as published.
  for (const d of fixes[0].diagnostics ?? []) assert.deepEqual(d, diagnostic);
  return fixes[0];
}

/** Applies an action's edit to the client's copy, sends it as one didChange; resolves with the new diagnostics. */
async function apply(doc: OpenDoc, action: CodeAction): Promise<{ diagnostics: Diag[]; edits: TextEdit[] }> {
  const before = doc.text;
  const edits = editsFor(action.edit, doc.uri);
  assert.ok(edits.length > 0);
  const expected = applyEdits(before, edits);
  const diagnostics = await doc.applyEdits(edits);
  assert.equal(doc.text, expected, 'the server was sent exactly the edit');
  assertOnlyRangesChanged(before, doc.text, edits);
  return { diagnostics, edits };
}

/** Opens `text`, finds the one `code` diagnostic (optionally the one at `at`), applies its quick fix. */
async function fixOne(name: string, text: string, code: string, at?: (d: Diag) => boolean) {
  const { doc, diagnostics } = await OpenDoc.open(session, name, text);
  const candidates = diagnostics.filter((d) => d.code === code && (!at || at(d)));
  assert.equal(
    candidates.length,
    1,
    `one ${code} in ${JSON.stringify(diagnostics.map((d) => `${d.code}@${d.range.start.line}`))}`,
  );
  const diagnostic = candidates[0];
  const action = await quickFix(doc, diagnostic);
  const result = await apply(doc, action);
  assert.ok(
    !result.diagnostics.some(
      (d) => d.code === code && d.range.start.line === diagnostic.range.start.line && d.message === diagnostic.message,
    ),
    `${code} is gone`,
  );
  return { doc, diagnostic, action, before: diagnostics, ...result };
}

// ---- replacements ----

test('row-total: replace the wrong total with the computed one', async () => {
  const broken = replaceOnce(CLEAN_2021, '  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [15, 4, 0, 1, 1, 0, 25]');
  const { doc, diagnostic, action, edits, diagnostics } = await fixOne('row-total', broken, 'row-total');
  assert.equal(action.title, '将总计改为 21');
  assert.equal(action.isPreferred, true);
  assert.deepEqual(edits, [{ range: diagnostic.range, newText: '21' }], 'exactly the written total');
  assert.deepEqual(diagnostic.range, rangeOf(broken, '25', { after: '  予以公开: [' }));
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.text, CLEAN_2021);
});

test('result-total: the computed sum of the result rows; then the row total that follows from it', async () => {
  const broken = replaceOnce(CLEAN_2021, '  总计: [37, 7, 0, 1, 2, 1, 48]', '  总计: [36, 7, 0, 1, 2, 1, 47]');
  const { doc, action, diagnostics } = await fixOne(
    'result-total',
    broken,
    'result-total',
    (d) => d.range.start.character === rangeOf(broken, '36').start.character,
  );
  assert.equal(action.title, '将总计改为 37');
  // 37 + 7 + 0 + 1 + 2 + 1 = 48 ≠ 47: now the row's own total is wrong.
  const rowTotal = diagnostics.filter((d) => d.code === 'row-total');
  assert.equal(rowTotal.length, 1);
  const second = await quickFix(doc, rowTotal[0]);
  assert.equal(second.title, '将总计改为 48');
  assert.deepEqual((await apply(doc, second)).diagnostics, []);
  assert.equal(doc.text, CLEAN_2021);
});

test('blank-cell: replace null, ~ and "/" with 0 (the quotes too)', async () => {
  const broken = replaceOnce(MINIMAL_2021, '行政复议: [0, 0, 0, 0, 0]', '行政复议: [null, 0, ~, "/", 0]');
  const { doc, diagnostics } = await OpenDoc.open(session, 'blank', broken);
  const blanks = diagnostics.filter((d) => d.code === 'blank-cell');
  assert.equal(blanks.length, 3);
  const after = '行政复议: [';
  assert.deepEqual(
    blanks.map((d) => d.range),
    [rangeOf(broken, 'null', { after }), rangeOf(broken, '~', { after }), rangeOf(broken, '/', { after })],
  );
  // The edit of each fix: the blank token, quotes included (a quoted "0" would be a string).
  const expected = [
    rangeOf(broken, 'null', { after }),
    rangeOf(broken, '~', { after }),
    rangeOf(broken, '"/"', { after }),
  ];
  // Fix from the last to the first: each fix is requested against the current document.
  for (let i = 2; i >= 0; i--) {
    const current = (await doc.diagnostics()).filter((d) => d.code === 'blank-cell');
    const action = await quickFix(doc, current[i]);
    assert.equal(action.title, '填写 0');
    const { edits, diagnostics: left } = await apply(doc, action);
    assert.deepEqual(edits, [{ range: expected[i], newText: '0' }]);
    assert.equal(left.filter((d) => d.code === 'blank-cell').length, i);
  }
  assert.equal(doc.text, MINIMAL_2021);
});

test('blank-cell: a blank total is filled with the computed total', async () => {
  const broken = replaceOnce(CLEAN_2021, '  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [15, 4, 0, 1, 1, 0, ~]');
  const { doc, action, diagnostics } = await fixOne('blank-total', broken, 'blank-cell');
  assert.equal(action.title, '填写 21');
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.text, CLEAN_2021);
});

test('blank-cell: nothing after the colon in a mapping row (flow and block) gets a proper value', async () => {
  const flow = replaceOnce(
    MINIMAL_2021,
    '  复议后起诉: [0, 0, 0, 0, 0]',
    '  复议后起诉: {结果维持: 0, 结果纠正: , 其他结果: 0, 尚未审结:}',
  );
  const { doc, diagnostics } = await OpenDoc.open(session, 'blank-flow', flow);
  assert.equal(diagnostics.filter((d) => d.code === 'blank-cell').length, 2);
  for (let i = 0; i < 2; i++) {
    const blank = (await doc.diagnostics()).filter((d) => d.code === 'blank-cell').pop()!;
    const { diagnostics: after } = await apply(doc, await quickFix(doc, blank));
    assert.ok(
      !after.some((d) => d.code === 'unknown-key'),
      `the value is a value, not part of the key: ${doc.text.split('\n')[blank.range.start.line]}`,
    );
  }
  assert.deepEqual(await doc.diagnostics(), []);
  assert.ok(doc.text.includes('  复议后起诉: {结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}\n'), doc.text);

  const block = replaceOnce(
    MINIMAL_2021,
    '  复议后起诉: [0, 0, 0, 0, 0]',
    '  复议后起诉:\n    结果维持: 0\n    结果纠正:\n    其他结果: 0\n    尚未审结: 0',
  );
  const fixed = await fixOne('blank-block', block, 'blank-cell');
  assert.deepEqual(fixed.diagnostics, []);
  assert.ok(fixed.doc.text.includes('\n    结果纠正: 0\n'));
});

test('blank-cell: a column left out of a mapping row is added at its statutory place', async () => {
  const cases: [string, string, string][] = [
    ['flow-middle', '{结果维持: 0, 其他结果: 0, 尚未审结: 0}', '{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}'],
    [
      'flow-first',
      '{结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 0}',
      '{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 0}',
    ],
    ['flow-last', '{结果维持: 0, 结果纠正: 0, 其他结果: 0}', '{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0}'],
    [
      'block-middle',
      '\n    结果维持: 0\n    其他结果: 0\n    尚未审结: 0',
      '\n    结果维持: 0\n    结果纠正: 0\n    其他结果: 0\n    尚未审结: 0',
    ],
    [
      'block-last',
      '\n    结果维持: 0\n    结果纠正: 0\n    其他结果: 0',
      '\n    结果维持: 0\n    结果纠正: 0\n    其他结果: 0\n    尚未审结: 0',
    ],
  ];
  for (const [name, written, fixed] of cases) {
    const text = replaceOnce(
      MINIMAL_2021,
      '  复议后起诉: [0, 0, 0, 0, 0]',
      `  复议后起诉: ${written}`.replace(': \n', ':\n'),
    );
    const { doc, action, edits, diagnostics } = await fixOne(`add-column-${name}`, text, 'blank-cell');
    assert.match(action.title, /^补上“.+: 0”$/, name);
    assert.ok(isEmpty(edits[0].range), `${name}: a pure insertion`);
    assert.deepEqual(diagnostics, [], name);
    assert.equal(
      doc.text,
      replaceOnce(MINIMAL_2021, '  复议后起诉: [0, 0, 0, 0, 0]', `  复议后起诉: ${fixed}`.replace(': \n', ':\n')),
      name,
    );
  }
});

test('unknown-key: a 2019 name in a 2021 report is renamed (规范性文件 → 行政规范性文件)', async () => {
  const broken = replaceOnce(CLEAN_2021, '  行政规范性文件: [2, 1, 6]', '  规范性文件: [2, 1, 6]');
  const { doc, diagnostic, action, edits, diagnostics, before } = await fixOne(
    'rename-template',
    broken,
    'unknown-key',
  );
  assert.match(diagnostic.message, /ogi-annual-2019/);
  assert.equal(action.title, '改为“行政规范性文件”');
  assert.deepEqual(edits, [
    { range: rangeOf(broken, '规范性文件', { after: '第二十条第（一）项:' }), newText: '行政规范性文件' },
  ]);
  assert.deepEqual(
    before.map((d) => d.code),
    ['unknown-key'],
    'one finding, not a second one for the row it stands for',
  );
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.text, CLEAN_2021);
});

test('unknown-key: a near-miss row name and a near-miss column name are renamed', async () => {
  const row = replaceOnce(CLEAN_2021, '  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予与公开: [15, 4, 0, 1, 1, 0, 21]');
  const r = await fixOne('rename-row', row, 'unknown-key');
  assert.equal(r.action.title, '改为“予以公开”');
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.doc.text, CLEAN_2021);

  const column = replaceOnce(
    CLEAN_2021,
    '上年结转政府信息公开申请数量: {自然人: 2, 商业企业: 1, 科研机构: 0,',
    '上年结转政府信息公开申请数量: {自然人: 2, 商业企业: 1, 科研机关: 0,',
  );
  const c = await fixOne('rename-column', column, 'unknown-key');
  assert.equal(c.action.title, '改为“科研机构”');
  assert.deepEqual(c.edits, [{ range: rangeOf(column, '科研机关'), newText: '科研机构' }]);
  assert.deepEqual(c.diagnostics, []);
  assert.equal(c.doc.text, CLEAN_2021);
});

test("section-title: only the heading's words are replaced", async () => {
  const { doc, action, edits, diagnostics } = await fixOne('retitle', SEED, 'section-title');
  assert.equal(action.title, '将标题改为“五、存在的主要问题及改进情况”');
  assert.deepEqual(edits, [
    { range: rangeOf(SEED, '五、存在的问题及改进情况'), newText: '五、存在的主要问题及改进情况' },
  ]);
  assert.ok(!diagnostics.some((d) => d.code === 'section-title'));
  assert.equal(diagnostics.length, 12, 'the other findings stay');
  assert.equal(doc.text, replaceOnce(SEED, '## 五、存在的问题及改进情况', '## 五、存在的主要问题及改进情况'));
});

test('section-title: wrong numbering; a closing ## sequence is kept', async () => {
  const numbering = replaceOnce(MINIMAL_2021, '## 五、存在的主要问题及改进情况', '## 5. 存在的主要问题及改进情况');
  const n = await fixOne('renumber', numbering, 'section-title');
  assert.deepEqual(n.diagnostics, []);
  assert.equal(n.doc.text, MINIMAL_2021);

  const closed = replaceOnce(MINIMAL_2021, '## 五、存在的主要问题及改进情况', '## 五、存在的问题及改进情况 ##');
  const c = await fixOne('closing-hashes', closed, 'section-title');
  assert.deepEqual(c.diagnostics, []);
  assert.ok(c.doc.text.includes('\n## 五、存在的主要问题及改进情况 ##\n'));
});

// ---- insertions ----

const SECTION_FOUR =
  '## 四、政府信息公开行政复议、行政诉讼情况\n\n```yaml\n行政复议: [0, 0, 0, 0, 0]\n行政诉讼:\n  未经复议直接起诉: [0, 0, 0, 0, 0]\n  复议后起诉: [0, 0, 0, 0, 0]\n```\n\n';

test('section-missing: the section is inserted at its statutory place, its table filled with zeros', async () => {
  const broken = replaceOnce(MINIMAL_2021, SECTION_FOUR, '');
  const { doc, diagnostic, action, edits, diagnostics } = await fixOne('insert-section', broken, 'section-missing');
  assert.deepEqual(diagnostic.range.start, rangeOf(broken, '## 五、').start, "reported at the next section's heading");
  assert.equal(action.title, '插入法定章节“四、政府信息公开行政复议、行政诉讼情况”');
  assert.equal(edits.length, 1);
  assert.ok(isEmpty(edits[0].range), 'a pure insertion');
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.text, MINIMAL_2021);
});

test('section-missing: a 2019 report gets the 2019 table; a last section is appended at the end', async () => {
  const start = SEED.indexOf('## 二、主动公开政府信息情况');
  const broken = SEED.slice(0, start) + SEED.slice(SEED.indexOf('## 三、收到和处理'));
  const { edits, diagnostics } = await fixOne('insert-2019', broken, 'section-missing');
  assert.equal(
    edits[0].newText,
    [
      '## 二、主动公开政府信息情况',
      '',
      '```yaml',
      '第二十条第（一）项:',
      '  规章: [0, 0, 0]',
      '  规范性文件: [0, 0, 0]',
      '第二十条第（五）项:',
      '  行政许可: [0, 0, 0]',
      '  其他对外管理服务事项: [0, 0, 0]',
      '第二十条第（六）项:',
      '  行政处罚: [0, 0, 0]',
      '  行政强制: [0, 0, 0]',
      '第二十条第（八）项:',
      '  行政事业性收费: [0, 0]',
      '第二十条第（九）项:',
      '  政府集中采购: [0, 0]',
      '```',
      '',
      '',
    ].join('\n'),
  );
  assert.ok(
    !diagnostics.some((d) => d.code === 'section-missing' || d.code === 'table-missing' || d.code === 'missing-row'),
  );

  const noSix = MINIMAL_2021.slice(0, MINIMAL_2021.indexOf('## 六、'));
  const six = await fixOne('insert-last', noSix, 'section-missing');
  assert.ok(isEmpty(six.edits[0].range));
  assert.ok(six.doc.text.startsWith(noSix), 'appended');
  assert.ok(six.doc.text.endsWith('\n## 六、其他需要报告的事项\n'), JSON.stringify(six.doc.text.slice(-60)));
  assert.deepEqual(
    six.diagnostics.map((d) => d.code),
    ['section-content'],
    'what is left is for the author to write: 信息处理费',
  );
});

test('table-missing: the zero-filled table is inserted under the heading', async () => {
  const table =
    '```yaml\n行政复议: [0, 0, 0, 0, 0]\n行政诉讼:\n  未经复议直接起诉: [0, 0, 0, 0, 0]\n  复议后起诉: [0, 0, 0, 0, 0]\n```\n\n';
  const broken = replaceOnce(MINIMAL_2021, table, '');
  const { doc, diagnostic, edits, diagnostics } = await fixOne('insert-table', broken, 'table-missing');
  assert.deepEqual(diagnostic.range, rangeOf(broken, '## 四、政府信息公开行政复议、行政诉讼情况'));
  assert.ok(isEmpty(edits[0].range));
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.text, MINIMAL_2021);
});

test('missing-row: a sub-row, a whole group, a top-level row, a last row — each at its statutory place', async () => {
  const cases: [string, string][] = [
    ['sub-row', '    属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\n'],
    [
      'group',
      '  无法提供:\n    本机关不掌握相关政府信息: [0, 0, 0, 0, 0, 0, 0]\n    没有现成信息需要另行制作: [0, 0, 0, 0, 0, 0, 0]\n    补正后申请内容仍不明确: [0, 0, 0, 0, 0, 0, 0]\n',
    ],
    ['top-level', '上年结转政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]\n'],
    ['last-top-level', '结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]\n'],
    ['last-child', '    其他: [0, 0, 0, 0, 0, 0, 0]\n'],
    ['proactive-block', '第二十条第（五）项:\n  行政许可: 0\n'],
  ];
  for (const [name, removed] of cases) {
    const { doc, action, edits, diagnostics } = await fixOne(
      `missing-${name}`,
      replaceOnce(MINIMAL_2021, removed, ''),
      'missing-row',
    );
    assert.match(action.title, /^插入法定行“.+”（数值为 0）$/);
    assert.equal(edits.length, 1);
    assert.ok(isEmpty(edits[0].range), `${name}: a pure insertion`);
    assert.equal(edits[0].newText, removed, name);
    assert.deepEqual(diagnostics, [], name);
    assert.equal(doc.text, MINIMAL_2021, name);
  }
});

test('missing-row: 2021 其他处理 written as one row is split into its sub-rows, the written values kept in 其他', async () => {
  const OTHER = [
    '  其他处理:',
    '    申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]',
    '    申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]',
    '    其他: [0, 0, 0, 0, 0, 0, 0]',
  ].join('\n');
  const oneRow = replaceOnce(MINIMAL_2021, OTHER, '  其他处理: [0, 0, 0, 0, 0, 0, 0]');
  const { doc, diagnostic, action, edits, diagnostics } = await fixOne('group-as-row', oneRow, 'missing-row');
  assert.deepEqual(diagnostic.range, rangeOf(oneRow, '其他处理'));
  assert.equal(action.title, '将“其他处理”分为 3 个子项（原数值填入“其他”）');
  assert.equal(
    edits[0].range.start.line,
    diagnostic.range.start.line,
    'the row itself is rewritten, nothing is added elsewhere',
  );
  assert.deepEqual(diagnostics, [], 'no duplicate key, nothing missing');
  assert.equal(doc.text, MINIMAL_2021);

  // Written values are not lost: they go to 其他, and every total still holds.
  const withValues = replaceOnce(
    replaceOnce(
      replaceOnce(MINIMAL_2021, OTHER, '  其他处理: [1, 0, 0, 0, 0, 0, 1]  # 一行'),
      '本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]',
      '本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]',
    ),
    '  总计: [0, 0, 0, 0, 0, 0, 0]',
    '  总计: [1, 0, 0, 0, 0, 0, 1]',
  );
  const kept = await fixOne('group-as-row-values', withValues, 'missing-row');
  assert.deepEqual(kept.diagnostics, []);
  assert.ok(
    kept.doc.text.includes('\n    其他: [1, 0, 0, 0, 0, 0, 1]  # 一行\n  总计:'),
    'the values, and the comment after them, stay',
  );
});

// ---- fix all, kinds ----

test('source.fixAll.ogi-report: every safe fix in one action; unsafe insertions are left to quick fixes', async () => {
  let broken = replaceOnce(SEED, '  予以公开: [4, 0, 0, 0, 0, 0, 4]', '  予以公开: [4, 0, 0, 0, 0, 0, 3]');
  broken = replaceOnce(broken, '行政复议: [0, 0, 0, 0, 0]', '行政复议: [0, null, 0, 0, 0]');
  broken = replaceOnce(broken, '  行政处罚: [0, 0, 0]', '  行政处理: [0, 0, 0]');
  broken = replaceOnce(broken, '    重复申请: [0, 0, 0, 0, 0, 0, 0]\n', '');
  const { doc, diagnostics } = await OpenDoc.open(session, 'fix-all', broken);
  const codes = new Set(diagnostics.map((d) => d.code));
  for (const c of ['row-total', 'blank-cell', 'unknown-key', 'section-title', 'missing-row'])
    assert.ok(codes.has(c), c);

  const actions = await requestActions(
    doc,
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    [],
    ['source.fixAll'],
  );
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.ogi-report');
  assert.equal(actions[0].title, '修复全部可自动修复的问题');
  const { edits, diagnostics: after } = await apply(doc, actions[0]);
  assert.equal(edits.length, 4, 'total, blank, rename, title');
  const left = new Set(after.map((d) => d.code));
  for (const c of ['row-total', 'blank-cell', 'unknown-key', 'section-title']) assert.ok(!left.has(c), `${c} fixed`);
  assert.ok(left.has('missing-row'), 'inserting rows is not a blind fix');
  assert.ok(left.has('prose-mismatch') && left.has('year-mismatch'), "facts in prose are the author's to fix");
  assert.ok(
    doc.text.includes('  予以公开: [4, 0, 0, 0, 0, 0, 4]') &&
      doc.text.includes('行政复议: [0, 0, 0, 0, 0]') &&
      doc.text.includes('  行政处罚: [0, 0, 0]'),
  );
});

test('kinds: only: [quickfix] gives no source action, only: [source.fixAll.ogi-report] no quick fix; nothing where nothing is wrong', async () => {
  const { doc, diagnostics } = await OpenDoc.open(session, 'kinds', SEED);
  const title = diagnostics.find((d) => d.code === 'section-title')!;
  const quick = await requestActions(doc, title.range, [title], ['quickfix']);
  assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
  const all = await requestActions(doc, title.range, [title], ['source.fixAll.ogi-report']);
  assert.ok(all.length === 1 && all[0].kind === 'source.fixAll.ogi-report');
  const any = await requestActions(doc, title.range, [title]);
  assert.deepEqual(any.map((a) => a.kind).sort(), ['quickfix', 'source.fixAll.ogi-report']);
  const prose = rangeOf(doc.text, '本年度未发生因政府信息公开申请行政复议');
  assert.deepEqual(await requestActions(doc, prose, [], ['quickfix']), []);
  const { doc: clean } = await OpenDoc.open(session, 'kinds-clean', CLEAN_2021);
  assert.deepEqual(
    await requestActions(clean, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, []),
    [],
  );
});

test("CRLF: inserted text uses the document's line endings", async () => {
  const crlf = MINIMAL_2021.replace(/\n/g, '\r\n');
  const broken = replaceOnce(crlf, SECTION_FOUR.replace(/\n/g, '\r\n'), '');
  const { doc, edits, diagnostics } = await fixOne('crlf-section', broken, 'section-missing');
  assert.ok(!/[^\r]\n/.test(edits[0].newText), 'no bare LF');
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.text, crlf);
  const row = await fixOne(
    'crlf-row',
    replaceOnce(crlf, '    属于国家秘密: [0, 0, 0, 0, 0, 0, 0]\r\n', ''),
    'missing-row',
  );
  assert.equal(row.doc.text, crlf);
});
