// The messages of the table rules: what they say (the computed value, the statutory name to use),
// where their related information points, and that the English bundle says the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, type Finding } from '../../server/src/service';

const FRONT = (template = 'ogi-annual-2021') =>
  `---\ntemplate: ${template}\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n`;

/** A report whose only statutory table is section 三 (or another section's), as given. */
function report(yaml: string, section = '## 三、收到和处理政府信息公开申请情况', template?: string): string {
  return `${FRONT(template)}## 一、总体情况\n\n正文。\n\n${section}\n\n\`\`\`yaml\n${yaml}\n\`\`\`\n`;
}

const REQUESTS = `本年新收政府信息公开申请数量: [4, 0, 0, 0, 0, 1, 6]
上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]
本年度办理结果:
  予以公开: [4, 0, 0, 0, 0, 1, 5]
  总计: [4, 0, 0, 0, 0, 1, 5]
结转下年度继续办理: [1, 0, 0, 0, 0, 0, 1]`;

function only(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** The source text a range covers (ranges here stay on one line). */
function textAt(text: string, range: Finding['range']): string {
  const line = text.split('\n')[range.start.line];
  return line.slice(range.start.character, range.end.character);
}

test('row-total states the computed total with its formula and the written value', () => {
  const text = report(REQUESTS);
  const [f, ...rest] = only(checkText(text), 'row-total');
  assert.equal(rest.length, 0);
  assert.equal(f.message, '“本年新收政府信息公开申请数量”的总计应为 5（4+0+0+0+0+1），实际填写 6');
  assert.equal(f.severity, 'error');
  assert.equal(textAt(text, f.range), '6');
  assert.equal(f.data?.replacement, '5');
});

test('row-total relates every addend of the row, at its value', () => {
  const text = report(REQUESTS);
  const [f] = only(checkText(text), 'row-total');
  const related = f.relatedInformation ?? [];
  assert.equal(related.length, 6);
  assert.deepEqual(
    related.map((r) => textAt(text, r.range)),
    ['4', '0', '0', '0', '0', '1'],
  );
  assert.ok(related.every((r) => r.range.start.line === f.range.start.line));
  assert.match(related[0].message, /自然人 4/);
});

test('a wrong row total is one finding: the balance and result total built on it are not reported', () => {
  const table = [
    'unknown-key',
    'invalid-value',
    'blank-cell',
    'row-total',
    'result-total',
    'balance',
    'prose-mismatch',
  ];
  const codes = checkText(report(REQUESTS))
    .map((f) => f.code)
    .filter((c) => table.includes(c));
  assert.deepEqual(codes, ['row-total']);
});

test('row-total names the 办理结果 总计 row and the 其他处理 sub-row 其他 unambiguously', () => {
  const text = report(`本年度办理结果:
  其他处理:
    其他: [0, 0, 0, 0, 0, 1, 2]
  总计: [0, 0, 0, 0, 0, 1, 3]`);
  const messages = only(checkText(text), 'row-total').map((f) => f.message);
  assert.deepEqual(messages, [
    '“其他处理（其他）”的总计应为 1（0+0+0+0+0+1），实际填写 2',
    '“本年度办理结果总计”的总计应为 1（0+0+0+0+0+1），实际填写 3',
  ]);
});

test('unknown-key: 规范性文件 in a 2021 report is the 2019 name, and 行政规范性文件 is offered', () => {
  const text = report('第二十条第（一）项:\n  规章: [0, 0, 0]\n  规范性文件: [1, 0, 3]', '## 二、主动公开政府信息情况');
  const findings = checkText(text);
  const [f, ...rest] = only(findings, 'unknown-key');
  assert.equal(rest.length, 0);
  assert.equal(textAt(text, f.range), '规范性文件');
  assert.match(f.message, /ogi-annual-2019/);
  assert.match(f.message, /“行政规范性文件”/);
  assert.equal(f.data?.replacement, '行政规范性文件');
  // Counted as 行政规范性文件: not also reported missing.
  assert.equal(only(findings, 'missing-row').filter((m) => /行政规范性文件/.test(m.message)).length, 0);
});

test('unknown-key: 行政规范性文件 in a 2019 report is the 2021 name', () => {
  const text = report(
    '第二十条第（一）项:\n  规章: [0, 0, 0]\n  行政规范性文件: [1, 0, 3]',
    '## 二、主动公开政府信息情况',
    'ogi-annual-2019',
  );
  const [f] = only(checkText(text), 'unknown-key');
  assert.equal(f.message, '“行政规范性文件”是 ogi-annual-2021 模板的名称，ogi-annual-2019 模板应使用“规范性文件”');
});

test('unknown-key: a block the 2021 template removed offers no replacement', () => {
  const text = report('第二十条第（九）项:\n  政府集中采购: [0, 0]', '## 二、主动公开政府信息情况');
  const [f] = only(checkText(text), 'unknown-key');
  assert.equal(f.message, '“第二十条第（九）项”是 ogi-annual-2019 模板的名称，ogi-annual-2021 模板已删除该项');
  assert.equal(f.data, undefined);
});

test('unknown-key: a typo suggests the nearest statutory name; an unknown column lists the columns', () => {
  const text = report(`本年度办理结果:
  予已公开: [0, 0, 0, 0, 0, 0, 0]
  部分公开: {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 律师事务所: 0}`);
  const messages = only(checkText(text), 'unknown-key').map((f) => f.message);
  assert.deepEqual(messages, [
    '“予已公开”不是本模板（ogi-annual-2021）“本年度办理结果”下的法定名称，是否应为“予以公开”？',
    '“律师事务所”不是“部分公开”的法定列名（应为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）',
  ]);
});

test('balance: at the 结转下年度 value, with the other three terms as related information', () => {
  const text = report(`本年新收政府信息公开申请数量: [5, 0, 0, 0, 0, 0, 5]
上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]
本年度办理结果:
  予以公开: [4, 0, 0, 0, 0, 0, 4]
  总计: [4, 0, 0, 0, 0, 0, 4]
结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]`);
  const findings = only(checkText(text), 'balance');
  assert.equal(findings.length, 2); // 自然人 and 总计
  const [f] = findings;
  assert.equal(
    f.message,
    '勾稽关系不成立（“自然人”列）：本年新收 5 + 上年结转 1 = 6，而办理结果总计 4 + 结转下年度 0 = 4；结转下年度应为 2',
  );
  assert.ok(text.split('\n')[f.range.start.line].startsWith('结转下年度继续办理'));
  assert.equal(textAt(text, f.range), '0');
  const related = f.relatedInformation ?? [];
  assert.equal(related.length, 3);
  assert.deepEqual(
    related.map((r) => text.split('\n')[r.range.start.line].split(':')[0].trim()),
    ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '总计'],
  );
  assert.deepEqual(
    related.map((r) => textAt(text, r.range)),
    ['5', '1', '4'],
  );
  assert.equal(f.data?.expected, 2);
});

test('result-total states the sum of the result rows', () => {
  const text = report(`本年度办理结果:
  予以公开: [3, 0, 0, 0, 0, 0, 3]
  部分公开: [1, 0, 0, 0, 0, 0, 1]
  总计: [3, 0, 0, 0, 0, 0, 3]`);
  const findings = only(checkText(text), 'result-total');
  assert.deepEqual(
    findings.map((f) => f.message),
    [
      '办理结果总计的“自然人”应为 4（3+1+0+0+0+0），实际填写 3',
      '办理结果总计的“总计”应为 4（3+1+0+0+0+0），实际填写 3',
    ],
  );
  assert.deepEqual(
    findings.map((f) => f.data?.replacement),
    ['4', '4'],
  );
});

test('blank-cell: a blank 总计 says the value it was computed as', () => {
  const text = report('本年新收政府信息公开申请数量: [4, 0, 0, 0, 0, 1, ~]');
  const [f] = only(checkText(text), 'blank-cell');
  assert.equal(f.message, '“本年新收政府信息公开申请数量”的“总计”未填写：已按本行各列之和 5 计算，请填写 5');
  assert.equal(f.data?.replacement, '5');
});

test('missing-row: 2021 其他处理 written as one row is one warning, at its key', () => {
  const text = report('本年度办理结果:\n  其他处理: [0, 0, 0, 0, 0, 0, 0]');
  const f = only(checkText(text), 'missing-row').filter((m) => /其他处理/.test(m.message));
  assert.equal(f.length, 1);
  assert.equal(
    f[0].message,
    '“其他处理”在 ogi-annual-2021 模板中分为 3 个子项，现填写为一行：已按此行计算，请按子项分别填写',
  );
  assert.equal(textAt(text, f[0].range), '其他处理');
  assert.equal(f[0].severity, 'warning');
});

test('prose-mismatch names the phrase, the stated and the table figure', () => {
  const text = `${FRONT()}## 一、总体情况\n\n本年度共收到政府信息公开申请8件。\n\n## 三、收到和处理政府信息公开申请情况\n\n\`\`\`yaml\n本年新收政府信息公开申请数量: [5, 1, 0, 0, 0, 0, 6]\n\`\`\`\n`;
  const [f] = only(checkText(text), 'prose-mismatch');
  assert.equal(f.message, '正文称“收到政府信息公开申请”8 件，但表格中“本年新收政府信息公开申请数量”为 6');
  assert.equal(textAt(text, f.range), '8');
  assert.equal(f.relatedInformation?.length, 1);
});

test('English messages carry the same facts', () => {
  const en = (text: string, code: string) => only(checkText(text, { locale: 'en' }), code).map((f) => f.message);
  assert.deepEqual(en(report(REQUESTS), 'row-total'), [
    '总计 of "本年新收政府信息公开申请数量" should be 5 (4+0+0+0+0+1), but 6 is written',
  ]);
  assert.deepEqual(
    en(
      report('第二十条第（一）项:\n  规章: [0, 0, 0]\n  规范性文件: [1, 0, 3]', '## 二、主动公开政府信息情况'),
      'unknown-key',
    ),
    ['"规范性文件" is the ogi-annual-2019 name; template ogi-annual-2021 uses "行政规范性文件"'],
  );
  const balance = en(
    report(`本年新收政府信息公开申请数量: [5, 0, 0, 0, 0, 0, 5]
上年结转政府信息公开申请数量: [1, 0, 0, 0, 0, 0, 1]
本年度办理结果:
  予以公开: [4, 0, 0, 0, 0, 0, 4]
  总计: [4, 0, 0, 0, 0, 0, 4]
结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]`),
    'balance',
  );
  assert.equal(
    balance[0],
    'Balance (勾稽关系) broken in column "自然人": received 5 + carried in 1 = 6, but handled 4 + carried out 0 = 4; 结转下年度 should be 2',
  );
  assert.deepEqual(en(report('本年新收政府信息公开申请数量: [4, 0, 0, 0, 0, 1, ~]'), 'blank-cell'), [
    '"总计" of "本年新收政府信息公开申请数量" is blank: counted as the sum of the row, 5; write 5',
  ]);
  assert.deepEqual(en(report('本年新收政府信息公开申请数量: [4, -1, 0, 0, 0, 1, 5]'), 'invalid-value'), [
    '"商业企业" of "本年新收政府信息公开申请数量" cannot be negative (-1)',
  ]);
});
