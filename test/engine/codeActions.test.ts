// Quick fixes at the engine level, for cases found by `npm run fuzz` (100 000 mutated reports).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, codeActions, parseReport } from '../../server/src/service';

const URI = 'file:///r.ogi.md';
const report = (section2: string) =>
  `---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 二、主动公开政府信息情况\n\n\`\`\`yaml\n${section2}\`\`\`\n`;
const splitFixes = (text: string) => {
  const r = parseReport(text);
  const whole = { start: { line: 0, character: 0 }, end: r.lines.position(r.text.length) };
  return codeActions(r, whole, URI, { only: ['quickfix'] }).filter((a) => a.title.includes('子项'));
};

test('a group written as one row on its key line is split into its sub-rows', () => {
  const text = report('第二十条第（八）项: 1.25\n');
  const [fix] = splitFixes(text);
  assert.ok(fix, 'the split is offered');
  const [edit] = fix.edit.changes[URI];
  assert.equal(edit.range.start.line, edit.range.end.line, 'the edit stays on the key line');
  assert.equal(edit.newText, '\n  行政事业性收费: 1.25');
});

test('a mapping below a group key that is not its sub-rows is not "split" into broken YAML', () => {
  // The fuzz counterexample: `总计 行政事业性收费: 1.25` under 第二十条第（八）项 reads as the group
  // written as one mapping row. Moving that mapping after `行政事业性收费:` on one line would make
  // `行政事业性收费: 总计 行政事业性收费: 1.25`, which is not YAML.
  const text = report('第二十条第（八）项:\n 总计 行政事业性收费: 1.25\n');
  assert.deepEqual(
    splitFixes(text).map((a) => a.title),
    [],
  );
});

test('sections swallowed by a code block that is never closed: the finding names the block, and no insertion is offered', () => {
  // The fuzz counterexample: a stray `~~~` before the front matter opens a fence that runs to the
  // end of the file. Inserting a section at the end would only put it inside the same fence.
  const text = '~~~\n---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 一、总体情况\n\n正文。\n';
  const r = parseReport(text);
  const missing = checkText(text).filter((f) => f.code === 'section-missing');
  assert.equal(missing.length, 6);
  assert.match(missing[0].message, /^缺少法定章节“一、总体情况”：第 1 行开始的代码块（~~~）没有结束行/);
  assert.deepEqual(missing[0].relatedInformation?.[0].range, {
    start: { line: 0, character: 0 },
    end: { line: 0, character: 3 },
  });
  const whole = { start: { line: 0, character: 0 }, end: r.lines.position(r.text.length) };
  assert.deepEqual(
    codeActions(r, whole, URI, { only: ['quickfix'] })
      .filter((a) => a.title.startsWith('插入法定章节'))
      .map((a) => a.title),
    [],
  );
  // Closed, the same report gets its insertions again.
  const closed = text.replace('~~~\n---', '~~~\n~~~\n---');
  const rc = parseReport(closed);
  assert.equal(
    codeActions(rc, { start: { line: 0, character: 0 }, end: rc.lines.position(rc.text.length) }, URI, {
      only: ['quickfix'],
    }).filter((a) => a.title.startsWith('插入法定章节')).length > 0,
    true,
  );
});

test('a flow-mapping key without its colon: the blank stays at that key, and its fix adds ": 0" there, not to the next cell', () => {
  // The fuzz counterexample: in `{…, 社会公益 0, 其他: 0}` the blank of 社会公益组织 was placed after
  // 其他's colon, and "填写 0" turned 其他's 0 into 00.
  const row =
    '上年结转政府信息公开申请数量: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织, 法律服务机构: 0, 其他: 0}';
  const text = `---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 三、收到和处理政府信息公开申请情况\n\n\`\`\`yaml\n${row}\n\`\`\`\n`;
  const r = parseReport(text);
  const blank = checkText(text).find((f) => f.code === 'blank-cell' && f.message.includes('社会公益组织'))!;
  assert.ok(blank, 'the colon-less key is a blank cell');
  const keyEnd = row.indexOf('社会公益组织') + '社会公益组织'.length;
  assert.deepEqual(blank.range.start, { line: 9, character: keyEnd });
  const whole = { start: { line: 0, character: 0 }, end: r.lines.position(r.text.length) };
  const fix = codeActions(r, whole, URI, { only: ['quickfix'] }).find(
    (a) => (a.diagnostics?.[0] as { message?: string } | undefined)?.message === blank.message,
  )!;
  const [edit] = fix.edit.changes[URI];
  assert.equal(edit.newText, ': 0');
  assert.deepEqual(edit.range, blank.range);
  const fixed = text.replace('社会公益组织, ', '社会公益组织: 0, ');
  assert.deepEqual(
    checkText(fixed).filter((f) => f.code === 'blank-cell'),
    [],
  );
});

test('a table cut off at the end of the file, its last line unended: a missing row goes on a line of its own after it', () => {
  // The fuzz counterexample: a report truncated after `    属于国家秘密: 0` (no closing fence, no
  // final line break). The rows missing after it were inserted at the start of a line past the end.
  const text =
    '---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 三、收到和处理政府信息公开申请情况\n\n```yaml\n本年度办理结果:\n  不予公开:\n    属于国家秘密: 0';
  const r = parseReport(text);
  const whole = { start: { line: 0, character: 0 }, end: r.lines.position(r.text.length) };
  const fix = codeActions(r, whole, URI, { only: ['quickfix'] }).find(
    (a) => a.title === '插入法定行“其他法律行政法规禁止公开”（数值为 0）',
  );
  assert.ok(fix, 'the insertion is offered');
  const [edit] = fix.edit.changes[URI];
  const end = r.lines.position(text.length);
  assert.deepEqual(edit.range, { start: end, end });
  assert.equal(edit.newText, '\n    其他法律行政法规禁止公开: [0, 0, 0, 0, 0, 0, 0]');
});
