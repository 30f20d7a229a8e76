// Exact ranges: a finding covers the offending cell, key or heading — not just its line.
// The expected span is marked in the source with ⟦…⟧, removed before checking.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/service';

function marked(source: string): {
  text: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
} {
  const open = source.indexOf('⟦'),
    close = source.indexOf('⟧');
  const text = source.slice(0, open) + source.slice(open + 1, close) + source.slice(close + 1);
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { text, start: pos(open), end: pos(close - 1) };
}

const HEAD =
  '---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 一、总体情况\n\n正文。\n\n## 三、收到和处理政府信息公开申请情况\n\n';

function single(source: string, code: string) {
  const { text, start, end } = marked(source);
  const found = checkText(text).filter((f) => f.code === code);
  assert.equal(found.length, 1, `expected one ${code}: ${JSON.stringify(found)}`);
  assert.deepEqual(found[0].range, { start, end });
  return found[0];
}

test('row-total points at the written total, states the computed sum, relates the addends', () => {
  const f = single(`${HEAD}\`\`\`yaml\n本年新收政府信息公开申请数量: [4, 0, 0, 0, 0, 1, ⟦6⟧]\n\`\`\`\n`, 'row-total');
  assert.equal(f.message, '“本年新收政府信息公开申请数量”的总计应为 5（4+0+0+0+0+1），实际填写 6');
  assert.equal(f.relatedInformation?.length, 6);
  assert.equal(f.data?.replacement, '5');
});

test('an invalid cell inside a flow mapping is pointed at exactly, in UTF-16 characters', () => {
  single(
    `${HEAD}\`\`\`yaml\n本年新收政府信息公开申请数量: {自然人: ⟦-3⟧, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}\n\`\`\`\n`,
    'invalid-value',
  );
});

test('a blank cell in a block mapping is pointed at after its key', () => {
  single(
    `${HEAD}\`\`\`yaml\n本年新收政府信息公开申请数量:\n  自然人: ⟦~⟧\n  商业企业: 0\n  科研机构: 0\n  社会公益组织: 0\n  法律服务机构: 0\n  其他: 0\n\`\`\`\n`,
    'blank-cell',
  );
});

test('an unknown key is the key itself, with the nearest statutory name', () => {
  const f = single(`${HEAD}\`\`\`yaml\n⟦本年新收政府信息公开申请数⟧: [0, 0, 0, 0, 0, 0, 0]\n\`\`\`\n`, 'unknown-key');
  assert.match(f.message, /本年新收政府信息公开申请数量/);
});

test('section-title covers the heading line', () => {
  single('---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n⟦## 一、工作基本情况⟧\n', 'section-title');
});

test('late-publication points at the issued date', () => {
  single('---\nagency: 某县某局\nyear: 2024\nissued: ⟦2025-02-01⟧\n---\n', 'late-publication');
});
