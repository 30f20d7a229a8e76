// The evaluator memoises bare amounts and builds explanations (terms, cells) only when asked: for
// every node, column and identity side, the memoised amount must say exactly what the explanation
// says, or a rule would report what its message does not explain (or miss what it does).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { Evaluator, type Amount } from '../../server/src/evaluate';
import { parsedTables, parseReport } from '../../server/src/parse/report';
import { walkNodes } from '../../server/src/statute';

const ROOT = join(__dirname, '..', '..');
function reports(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ogi.md'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

const said = (a: Amount) => [a.value, a.absent, a.unusable, a.invalid, a.inconsistent];

/** Every node, column and identity side of every table of `text`: the memoised amount against the explanation. */
function compareAll(text: string): number {
  let compared = 0;
  for (const { table } of parsedTables(parseReport(text))) {
    const evaluator = new Evaluator(table);
    for (const { path, columns } of walkNodes(table.def)) {
      for (let i = 0; i < columns.length; i++) {
        const explained = evaluator.explain(path, i);
        assert.deepEqual(said(evaluator.amount(path, i)), said(explained), `${path.join('/')} [${i}]`);
        // An explanation adds up: a sum's value is the sum of its parts'.
        if (explained.parts?.length) {
          const total = explained.parts.reduce((sum, part) => sum + part.value, 0);
          assert.equal(Math.round(total * 1e6) / 1e6, explained.value, `${path.join('/')} [${i}] parts`);
        }
        compared++;
      }
    }
    for (const identity of table.def.identities) {
      for (const side of [identity.lhs, identity.rhs]) {
        for (let i = 0; i < table.def.columns.length; i++) {
          const explained = evaluator.explainSum(side, i);
          assert.deepEqual(said(evaluator.sum(side, i)), said(explained), `${identity.code} [${i}]`);
          assert.equal(explained.parts.length, side.length);
          side.forEach((path, k) => assert.deepEqual(said(explained.parts[k]), said(evaluator.amount(path, i))));
        }
      }
    }
  }
  return compared;
}

test('on every example and fixture, the memoised amounts say what the explanations say', () => {
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

test('on random request tables, the memoised amounts say what the explanations say', () => {
  fc.assert(
    fc.property(requestTable, (text) => {
      compareAll(text);
    }),
    { numRuns: 300 },
  );
});
