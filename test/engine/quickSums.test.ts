// The identity rules compare bare numbers (quickValue, quickSum, quickSumOfPresent) and build terms
// only for a finding's message: each number must say exactly what the terms say, or a rule would
// report what the terms do not (or miss what they do).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { quickSum, quickSumOfPresent, quickValue, sumTerms, termValue, type Term } from '../../server/src/parse/arith';
import { parsedTables, parseReport } from '../../server/src/parse/report';
import { walkNodes } from '../../server/src/statute';

const ROOT = join(__dirname, '..', '..');
function reports(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ogi.md'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

/** What a term tells the identity rules: absent, not checkable (flagged), or its value. */
const said = (t: Term) => (t.absent ? 'absent' : t.unusable || t.invalid || t.inconsistent ? 'flagged' : t.value);
const quickSaid = (v: number | undefined) => (v === undefined ? 'absent' : Number.isNaN(v) ? 'flagged' : v);

/** Every node, column and identity side of every table of `text`: the bare number against the terms. */
function compareAll(text: string): number {
  let compared = 0;
  for (const { table } of parsedTables(parseReport(text))) {
    for (const { path, columns } of walkNodes(table.def)) {
      for (let i = 0; i < columns.length; i++) {
        assert.deepEqual(
          quickSaid(quickValue(table, path, i)),
          said(termValue(table, path, i)),
          `${path.join('/')} [${i}]`,
        );
        compared++;
      }
    }
    for (const identity of table.def.identities) {
      for (const side of [identity.lhs, identity.rhs]) {
        for (let i = 0; i < table.def.columns.length; i++) {
          const sum = sumTerms(table, side, i);
          assert.deepEqual(quickSaid(quickSum(table, side, i)), said(sum), `${identity.code} [${i}]`);
          const present = sum.parts.some((p) => p.absent || p.unusable || p.invalid || p.inconsistent)
            ? 'unchecked'
            : sum.value;
          const quick = quickSumOfPresent(table, side, i);
          assert.deepEqual(
            Number.isNaN(quick) ? 'unchecked' : quick,
            present,
            `${identity.code} [${i}] of present parts`,
          );
        }
      }
    }
  }
  return compared;
}

test('on every example and fixture, the bare numbers say what the terms say', () => {
  const texts = [...reports(join(ROOT, 'examples')), ...reports(join(ROOT, 'test', 'fixtures'))];
  assert.ok(texts.length > 20);
  let compared = 0;
  for (const text of texts) compared += compareAll(text);
  assert.ok(compared > 2000, `compared ${compared}`);
});

// A request table whose cells and rows are drawn at random: blanks, left-out totals, invalid values,
// lists of the wrong length, rows and groups left out, aliases.
const HEAD = '---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 三、收到和处理政府信息公开申请情况\n\n';
const value = fc.oneof(
  { weight: 8, arbitrary: fc.nat({ max: 9 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', '~', '/', '-1', '1.5', 'x', '&a 2', '*a', '"3"', '2.50', '1e3') },
);
const list = (length: number) =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.array(value, { minLength: length, maxLength: length }) },
      { weight: 1, arbitrary: fc.array(value, { minLength: length - 1, maxLength: length + 1 }) },
    )
    .map((items) => `[${items.join(', ')}]`);
const row = (key: string, indent = '') =>
  fc.option(
    list(7).map((l) => `${indent}${key}: ${l}\n`),
    { nil: '', freq: 5 },
  );
/** A group of rows (or of groups' text), itself sometimes left out or left empty. */
const group = (key: string, children: fc.Arbitrary<string>[], indent = '') =>
  fc.option(
    fc.tuple(...children).map((rows) => `${indent}${key}:\n${rows.join('') || `${indent}  {}\n`}`),
    { nil: '', freq: 6 },
  );
const requestTable = fc
  .tuple(
    row('本年新收政府信息公开申请数量'),
    row('上年结转政府信息公开申请数量'),
    group('本年度办理结果', [
      row('予以公开', '  '),
      row('部分公开', '  '),
      group('不予公开', [row('属于国家秘密', '    '), row('其他法律行政法规禁止公开', '    ')], '  '),
      row('总计', '  '),
    ]),
    row('结转下年度继续办理'),
  )
  .map((parts) => `${HEAD}\`\`\`yaml\n${parts.join('')}\`\`\`\n`);

test('on random request tables, the bare numbers say what the terms say', () => {
  fc.assert(
    fc.property(requestTable, (text) => {
      compareAll(text);
    }),
    { numRuns: 300 },
  );
});
