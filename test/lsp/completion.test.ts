// Completion at each context of the format, over the protocol. `|` marks the cursor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { type Session, useSession } from './harness';
import { MINIMAL_2021, OpenDoc, applyEdits, cursor, replaceOnce } from './util';

let session: Session;
useSession((s) => (session = s));

/** Opens `src` (cursor marked with `|`) and asks for completion there, as the editor would after typing. */
async function completeAt(
  src: string,
  triggerCharacter?: string,
): Promise<{ items: CompletionItem[]; text: string; doc: OpenDoc }> {
  const { text, position } = cursor(src);
  const { doc } = await OpenDoc.open(session, 'complete', text);
  const result = await session.connection.sendRequest<CompletionItem[] | CompletionList | null>(
    'textDocument/completion',
    {
      textDocument: { uri: doc.uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    },
  );
  const items = (Array.isArray(result) ? result : (result?.items ?? [])).slice();
  // The order the editor shows (before filtering by the typed text).
  items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  for (const item of items) {
    const edit = item.textEdit as TextEdit | undefined;
    assert.ok(edit && 'range' in edit, `${item.label} carries a textEdit`);
    assert.equal(edit.range.start.line, position.line, 'the edit stays on the cursor line');
    assert.equal(edit.range.end.line, position.line);
    assert.ok(
      edit.range.start.character <= position.character && position.character <= edit.range.end.character,
      'the edit range contains the cursor',
    );
  }
  return { items, text, doc };
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const pick = (items: CompletionItem[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no completion ${label} in ${labels(items).join(' | ')}`);
  return item;
};
/** The document after accepting `item` (snippet placeholders `${n:x}` resolved to their defaults). */
const accept = (text: string, item: CompletionItem) => {
  const edit = item.textEdit as TextEdit;
  const newText =
    item.insertTextFormat === InsertTextFormat.Snippet
      ? edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '')
      : edit.newText;
  return applyEdits(text, [{ range: edit.range, newText }]);
};

const FRONT = '---\nagency: 某某县交通运输局\nyear: 2024\nissued: 2025-01-20\n---\n';
const FRONT_2019 = '---\ntemplate: ogi-annual-2019\nagency: 某某镇人民政府\nyear: 2020\nissued: 2021-01-20\n---\n';
const TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

// ---- headings ----

test('heading: the six statutory titles with numbering, the missing ones first', async () => {
  const { items, text } = await completeAt(
    `${FRONT}
## 一、总体情况

## 三、收到和处理政府信息公开申请情况

## |
`,
    '#',
  );
  assert.deepEqual(labels(items), [TITLES[1], TITLES[3], TITLES[4], TITLES[5], TITLES[0], TITLES[2]]);
  for (const item of items) assert.equal(item.kind, CompletionItemKind.Module);
  assert.deepEqual(
    items.filter((i) => i.detail).map((i) => i.label),
    [TITLES[1], TITLES[3], TITLES[4], TITLES[5]],
    'missing ones are marked',
  );
  assert.match(pick(items, TITLES[1]).detail!, /缺少/);
  assert.match((pick(items, TITLES[1]).documentation as { value: string }).value, /条例第五十条/);
  assert.ok(accept(text, items[0]).includes('\n## 二、主动公开政府信息情况\n'));
});

test('heading: what is already typed on the line is replaced, and the section being typed counts as missing', async () => {
  const { items, text } = await completeAt(`${FRONT}
## 一、总体情况

## 四、复议|

## 五、存在的主要问题及改进情况
`);
  assert.deepEqual(labels(items).slice(0, 4), [TITLES[1], TITLES[2], TITLES[3], TITLES[5]]);
  const after = accept(text, pick(items, TITLES[3]));
  assert.ok(after.includes('\n## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、'), after);
});

test('heading: a deeper heading inside section 一 offers its usual sub-headings first, not the written ones', async () => {
  const { items } = await completeAt(`${FRONT}
## 一、总体情况

### （一）主动公开情况

### |
`);
  assert.deepEqual(labels(items).slice(0, 4), [
    '（二）依申请公开情况',
    '（三）政府信息管理情况',
    '（四）政府信息公开平台建设情况',
    '（五）政府信息公开监督保障情况',
  ]);
  assert.ok(!labels(items).includes('（一）主动公开情况'));
});

test('heading: a # inside a fenced block is not a heading', async () => {
  const { items } = await completeAt(`${FRONT}
## 一、总体情况

\`\`\`
#|
\`\`\`
`);
  assert.deepEqual(items, []);
});

// ---- table keys ----

test('table, top level of section 三: the rows and groups not yet written', async () => {
  const { items, text } = await completeAt(`${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]
|
\`\`\`
`);
  assert.deepEqual(labels(items), ['上年结转政府信息公开申请数量', '本年度办理结果', '结转下年度继续办理']);
  assert.equal(pick(items, '上年结转政府信息公开申请数量').kind, CompletionItemKind.Field);
  assert.equal(pick(items, '本年度办理结果').kind, CompletionItemKind.Struct);
  assert.equal(pick(items, '上年结转政府信息公开申请数量').detail, '二、上年结转政府信息公开申请数量');
  const row = pick(items, '结转下年度继续办理');
  assert.equal(row.insertTextFormat, InsertTextFormat.Snippet);
  assert.ok(accept(text, row).includes('\n结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]\n```'));
});

test('table, inside 本年度办理结果: the names of that level only, never those already present', async () => {
  const { items, text } = await completeAt(`${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]
本年度办理结果:
  予以公开: [0, 0, 0, 0, 0, 0, 0]
  |
  总计: [0, 0, 0, 0, 0, 0, 0]
结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]
\`\`\`
`);
  assert.deepEqual(labels(items), ['部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
  assert.equal(pick(items, '不予公开').kind, CompletionItemKind.Struct);
  assert.equal(pick(items, '其他处理').kind, CompletionItemKind.Struct, '2021: 其他处理 is a group of three rows');
  assert.match(pick(items, '部分公开').detail!, /（二）部分公开/);
  assert.ok(accept(text, pick(items, '部分公开')).includes('\n  部分公开: [0, 0, 0, 0, 0, 0, 0]\n  总计:'));
});

test('table, 2019 template: 其他处理 is one row', async () => {
  const { items } = await completeAt(`${FRONT_2019}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  |
\`\`\`
`);
  assert.deepEqual(labels(items), ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计']);
  assert.equal(pick(items, '其他处理').kind, CompletionItemKind.Field);
});

test('table, inside 不予公开: its statutory sub-rows, with what is typed replaced', async () => {
  const { items, text } = await completeAt(`${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  不予公开:
    属于国家秘密: [0, 0, 0, 0, 0, 0, 0]
    属于|
\`\`\`
`);
  assert.deepEqual(labels(items), [
    '其他法律行政法规禁止公开',
    '危及“三安全一稳定”',
    '保护第三方合法权益',
    '属于三类内部事务信息',
    '属于四类过程性信息',
    '属于行政执法案卷',
    '属于行政查询事项',
  ]);
  assert.ok(
    accept(text, pick(items, '属于行政执法案卷')).includes('\n    属于行政执法案卷: [0, 0, 0, 0, 0, 0, 0]\n```'),
  );
});

test('table, section 四 under 行政诉讼: its two rows (five columns)', async () => {
  const { items, text } = await completeAt(`${FRONT}
## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`yaml
行政复议: [0, 0, 0, 0, 0]
行政诉讼:
  |
\`\`\`
`);
  assert.deepEqual(labels(items), ['未经复议直接起诉', '复议后起诉']);
  assert.ok(accept(text, pick(items, '复议后起诉')).includes('\n  复议后起诉: [0, 0, 0, 0, 0]\n'));
});

test("table, section 二: the blocks of the report's template (2021 vs 2019)", async () => {
  const src = (front: string) => `${front}
## 二、主动公开政府信息情况

\`\`\`yaml
|
\`\`\`
`;
  assert.deepEqual(labels((await completeAt(src(FRONT))).items), [
    '第二十条第（一）项',
    '第二十条第（五）项',
    '第二十条第（六）项',
    '第二十条第（八）项',
  ]);
  assert.deepEqual(labels((await completeAt(src(FRONT_2019))).items), [
    '第二十条第（一）项',
    '第二十条第（五）项',
    '第二十条第（六）项',
    '第二十条第（八）项',
    '第二十条第（九）项',
  ]);
  const rows = (front: string) => `${front}
## 二、主动公开政府信息情况

\`\`\`yaml
第二十条第（一）项:
  |
\`\`\`
`;
  assert.deepEqual(labels((await completeAt(rows(FRONT))).items), ['规章', '行政规范性文件']);
  assert.deepEqual(labels((await completeAt(rows(FRONT_2019))).items), ['规章', '规范性文件']);
});

test('table: the names of a nesting level do not leak into another', async () => {
  const { items } = await completeAt(`${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  无法提供:
    本机关不掌握相关政府信息: [0, 0, 0, 0, 0, 0, 0]
  |
\`\`\`
`);
  assert.ok(
    !labels(items).includes('没有现成信息需要另行制作'),
    'a sub-row of 无法提供 is not offered at the level of 无法提供',
  );
  assert.ok(!labels(items).includes('无法提供'), 'present');
  assert.ok(labels(items).includes('不予处理'));
});

// ---- columns and values ----

test('columns inside a mapping row: the unused column names', async () => {
  const { items, text } = await completeAt(
    `${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  予以公开: {自然人: 0, |
\`\`\`
`,
    ' ',
  );
  assert.deepEqual(labels(items), ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  assert.ok(accept(text, pick(items, '商业企业')).includes('  予以公开: {自然人: 0, 商业企业: \n'));
});

test('columns: partly typed name, and the columns of section 四', async () => {
  const { items, text } = await completeAt(`${FRONT}
## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`yaml
行政复议: {结果维持: 1, 结果|
\`\`\`
`);
  assert.deepEqual(labels(items), ['结果纠正', '其他结果', '尚未审结', '总计']);
  assert.ok(accept(text, pick(items, '结果纠正')).includes('行政复议: {结果维持: 1, 结果纠正: \n'));
});

test("value after `key: `: a full zero row as a snippet, for the row's columns", async () => {
  const { items, text } = await completeAt(
    `${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  予以公开: |
\`\`\`
`,
    ' ',
  );
  assert.equal(items[0].label, '[0, 0, 0, 0, 0, 0, 0]');
  assert.equal(items[0].insertTextFormat, InsertTextFormat.Snippet);
  assert.equal((items[0].textEdit as TextEdit).newText, '[${1:0}, ${2:0}, ${3:0}, ${4:0}, ${5:0}, ${6:0}, ${7:0}]');
  assert.ok(accept(text, items[0]).includes('  予以公开: [0, 0, 0, 0, 0, 0, 0]\n'));
  assert.equal(
    items[1].label,
    '{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}',
    'the mapping form leaves the total out',
  );
});

test('value: five zeros in section 四, one in a 2021 single-column row, three in 2019', async () => {
  const four = await completeAt(`${FRONT}
## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`yaml
行政复议: |
\`\`\`
`);
  assert.equal(four.items[0].label, '[0, 0, 0, 0, 0]');
  const src = (front: string) => `${front}
## 二、主动公开政府信息情况

\`\`\`yaml
第二十条第（五）项:
  行政许可: |
\`\`\`
`;
  assert.deepEqual(labels((await completeAt(src(FRONT))).items), ['0']);
  assert.equal(labels((await completeAt(src(FRONT_2019))).items)[0], '[0, 0, 0]');
});

test('value of a group key: nothing to offer', async () => {
  const { items } = await completeAt(`${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果: |
\`\`\`
`);
  assert.deepEqual(items, []);
});

// ---- front matter ----

test('front matter: the keys not yet written, required ones first', async () => {
  const { items, text } = await completeAt('---\nagency: 某某县交通运输局\n|\n---\n\n## 一、总体情况\n');
  assert.deepEqual(labels(items), ['year', 'issued', 'template', 'contact', 'title', 'deadline']);
  assert.ok(accept(text, pick(items, 'year')).startsWith('---\nagency: 某某县交通运输局\nyear: \n---'));
});

test('front matter: template: → the template ids', async () => {
  const { items, text } = await completeAt(
    `---\ntemplate: ogi|\nagency: 某某县交通运输局\nyear: 2024\nissued: 2025-01-20\n---\n`,
  );
  assert.deepEqual(labels(items).sort(), ['ogi-annual-2019', 'ogi-annual-2021']);
  assert.ok(accept(text, pick(items, 'ogi-annual-2019')).startsWith('---\ntemplate: ogi-annual-2019\nagency:'));
  assert.match(pick(items, 'ogi-annual-2019').detail!, /2019〕60号/);
});

// ---- nowhere ----

test('prose and non-statutory blocks: no completion', async () => {
  assert.deepEqual((await completeAt(`${FRONT}\n## 一、总体情况\n\n本年度|工作平稳。\n`)).items, []);
  const second = replaceOnce(
    MINIMAL_2021,
    '## 五、存在的主要问题及改进情况\n',
    '## 五、存在的主要问题及改进情况\n\n```yaml\n|\n```\n',
  );
  assert.deepEqual((await completeAt(second)).items, [], 'a YAML block outside sections 二–四 is ordinary code');
});

test('keys written with their numbering count as present', async () => {
  const { items } = await completeAt(`${FRONT}
## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  （一）予以公开: [0, 0, 0, 0, 0, 0, 0]
  (二)部分公开: [0, 0, 0, 0, 0, 0, 0]
  |
\`\`\`
`);
  assert.deepEqual(labels(items), ['不予公开', '无法提供', '不予处理', '其他处理', '总计']);
});

test('CRLF documents: the same items, and edits never swallow the \\r', async () => {
  const heading = await completeAt(
    `${FRONT}\n## 一、总体情况\n\n## 二、主动|\n\n本年度工作平稳。\n`.replace(/\n/g, '\r\n'),
  );
  assert.equal(heading.items[0].label, TITLES[1]);
  assert.ok(accept(heading.text, heading.items[0]).includes('\r\n## 二、主动公开政府信息情况\r\n\r\n本年度'));
  const key = await completeAt(
    `${FRONT}\n## 三、收到和处理政府信息公开申请情况\n\n\`\`\`yaml\n本年度办理结果:\n  不予处理:\n    重复申请: [0, 0, 0, 0, 0, 0, 0]\n    |\n\`\`\`\n`.replace(
      /\n/g,
      '\r\n',
    ),
  );
  assert.deepEqual(labels(key.items), [
    '信访举报投诉类申请',
    '要求提供公开出版物',
    '无正当理由大量反复申请',
    '要求行政机关确认或重新出具已获取信息',
  ]);
});

test('completion follows incremental edits at once (no waiting for diagnostics)', async () => {
  const src = `${FRONT}
## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`yaml
行政复议: [0, 0, 0, 0, 0]
行政诉讼:
  |
\`\`\`
`;
  const { text, position } = cursor(src);
  const { doc } = await OpenDoc.open(session, 'follow', text);
  const ask = async (at: typeof position) =>
    labels(
      await session.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri: doc.uri },
        position: at,
      }),
    );
  assert.deepEqual(await ask(position), ['未经复议直接起诉', '复议后起诉']);
  // The user adds a row above the cursor line; the request follows the notification immediately.
  doc.sendEdit([
    {
      range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: 0 } },
      text: '  复议后起诉: [0, 0, 0, 0, 0]\n',
    },
  ]);
  assert.deepEqual(await ask({ line: position.line + 1, character: position.character }), ['未经复议直接起诉']);
  await doc.diagnostics();
});
