// Bad input never throws or hangs: it yields findings (and a clean CLI error for what is not text).
// The per-test timeout is a hang guard, not a speed requirement (speed is `npm run bench`'s job).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, type Finding } from '../../server/src/service';

const HANG_GUARD = { timeout: 60_000 };
const HEAD =
  '---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 一、总体情况\n\n正文。\n\n## 二、主动公开政府信息情况\n\n';

function codes(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.code))].sort();
}

/** Every finding's range lies inside the document. */
function assertRangesInside(text: string, findings: Finding[]) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside 0..${lines.length - 1} (${f.code})`);
      assert.ok(
        p.character >= 0 && p.character <= lines[p.line].length,
        `character ${p.character} outside line ${p.line} (${f.code})`,
      );
    }
  }
}

function check(text: string): Finding[] {
  const findings = checkText(text);
  assertRangesInside(text, findings);
  return findings;
}

test('empty file: front matter and every section reported missing', HANG_GUARD, () => {
  const findings = check('');
  assert.ok(codes(findings).includes('front-matter'));
  assert.equal(findings.filter((f) => f.code === 'section-missing').length, 6);
});

test('a table block that is not YAML gives yaml-syntax at the error position', HANG_GUARD, () => {
  const text = `${HEAD}\`\`\`yaml\n第二十条第（一）项:\n  规章: [0, 0\n  行政规范性文件: ]]]\n\`\`\`\n`;
  const findings = check(text);
  const syntax = findings.filter((f) => f.code === 'yaml-syntax');
  assert.equal(syntax.length, 1);
  assert.ok(
    syntax[0].range.start.line >= 14 && syntax[0].range.start.line <= 17,
    `at line ${syntax[0].range.start.line}`,
  );
});

test('front matter that is not YAML is a front-matter error', HANG_GUARD, () => {
  const findings = check('---\nagency: [unclosed\nyear: 2024\n---\n');
  assert.ok(findings.some((f) => f.code === 'front-matter' && f.severity === 'error'));
});

test('a YAML alias bomb is not expanded: invalid values, quickly', HANG_GUARD, () => {
  const bomb = ['a: &a [0, 0, 0, 0, 0, 0, 0]'];
  for (let i = 1; i < 30; i++)
    bomb.push(
      `${String.fromCharCode(97 + (i % 26))}${i}: &x${i} [*${i === 1 ? 'a' : `x${i - 1}`}, *${i === 1 ? 'a' : `x${i - 1}`}, *${i === 1 ? 'a' : `x${i - 1}`}]`,
    );
  bomb.push('本年新收政府信息公开申请数量: [*x29, *x29, *x29, *x29, *x29, *x29, *x29]');
  const text = `${HEAD}\`\`\`yaml\n第二十条第（一）项:\n  规章: [0, 0, 0]\n\`\`\`\n\n## 三、收到和处理政府信息公开申请情况\n\n\`\`\`yaml\n${bomb.join('\n')}\n\`\`\`\n`;
  const findings = check(text);
  assert.ok(
    findings.some((f) => f.code === 'invalid-value' && /别名|alias/.test(f.message)),
    codes(findings).join(),
  );
  assert.ok(findings.some((f) => f.code === 'unknown-key'));
});

test('10 000-deep nesting is a yaml-syntax finding, not a stack overflow', HANG_GUARD, () => {
  const flow = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const block = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  for (const deep of [`x: ${flow}`, block]) {
    const findings = check(`${HEAD}\`\`\`yaml\n${deep}\n\`\`\`\n`);
    assert.ok(
      findings.some((f) => f.code === 'yaml-syntax'),
      codes(findings).join(),
    );
  }
  // Deep Markdown nesting (block quotes, lists) in the prose.
  const findings = check(`${HEAD}${'> '.repeat(10_000)}text\n\n${'- '.repeat(10_000)}item\n`);
  assert.ok(findings.length > 0);
});

test('a 5 MB line in prose, in a heading and in a table key', HANG_GUARD, () => {
  const line = '收到申请'.repeat(1_300_000); // ~5.2 M characters
  const huge = `${'共其中'.repeat(600_000)}5件`;
  for (const text of [
    `${HEAD}${line}\n`,
    `${HEAD}## ${line}\n`,
    `${HEAD}\`\`\`yaml\n${line}: [1, 2, 3]\n\`\`\`\n`,
    `${HEAD}${huge}\n`,
  ]) {
    const findings = check(text);
    assert.ok(Array.isArray(findings));
  }
});

test('binary junk and NUL bytes are text with findings, never a throw', HANG_GUARD, () => {
  let junk = '';
  for (let i = 0; i < 5000; i++) junk += String.fromCharCode((i * 7919) % 65536);
  for (const text of [
    junk,
    `\u0000\u0001\u0002---\n\u0000`,
    `${HEAD}\`\`\`yaml\n\u0000: [\u0000]\n\`\`\`\n`,
    '\uD800 lone surrogate \uDFFF',
  ]) {
    const findings = check(text);
    assert.ok(findings.length > 0);
  }
});

test('huge numbers are invalid values, not silent wrong sums', HANG_GUARD, () => {
  const text = `${HEAD}## 三、收到和处理政府信息公开申请情况\n\n\`\`\`yaml\n本年新收政府信息公开申请数量: [99999999999999999999999, 0, 0, 0, 0, 0]\n\`\`\`\n`;
  const findings = check(text);
  assert.ok(findings.some((f) => f.code === 'invalid-value' && f.range.start.line === 15));
});

test('an unclosed fence and an unclosed front matter are reported, not hung on', HANG_GUARD, () => {
  const findings = check('---\nagency: x\nyear: 2024\n\n## 一、总体情况\n');
  assert.ok(findings.some((f) => f.code === 'front-matter'));
  const unclosed = check(`${HEAD}\`\`\`yaml\n第二十条第（一）项:\n  规章: [0, 0, x]\n`);
  assert.ok(unclosed.some((f) => f.code === 'invalid-value'));
});
