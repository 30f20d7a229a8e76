// The evaluator memoises sums per table: asking in any order, or many times, must give what
// a fresh table gives — including after a blank 总计-row cell was filled with its computed value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Evaluator, cellsOf, type Explanation } from '../../server/src/evaluate';
import { parsedTables, parseReport } from '../../server/src/parse/report';
import { walkNodes } from '../../server/src/statute';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const HEAD = '---\nagency: 某县某局\nyear: 2024\nissued: 2025-01-20\n---\n\n## 三、收到和处理政府信息公开申请情况\n\n';

const describe = (t: Explanation) =>
  `${t.value} ${t.absent} ${t.unusable} ${!!t.invalid} ${!!t.inconsistent} ${cellsOf(t)
    .map((c) => c.start)
    .join(',')}`;

/** Every path's term in every column, all asked of one parsed report, paths in the given order. */
function allTerms(text: string, reverse: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const { table } of parsedTables(parseReport(text))) {
    const evaluator = new Evaluator(table);
    const nodes = reverse ? [...walkNodes(table.def)].reverse() : walkNodes(table.def);
    for (const { path, columns } of nodes) {
      for (let k = 0; k < columns.length; k++) {
        const i = reverse ? columns.length - 1 - k : k;
        out.set(
          `${table.def.id} ${path.join('/')} ${i}`,
          `${describe(evaluator.explain(path, i))} ${evaluator.amount(path, i).value}`,
        );
      }
    }
  }
  return out;
}

for (const file of ['clean-2021.ogi.md', 'jingzhi-2020.ogi.md']) {
  test(`${file}: every sum is what a freshly parsed table gives, whichever order the sums are asked in`, () => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const forward = allTerms(text, false);
    assert.ok(forward.size > 100);
    assert.deepEqual(allTerms(text, true), forward);
    // The reference: each term alone, from its own parse (nothing memoised before it).
    for (const [key, value] of forward) {
      const [id, path, i] = key.split(' ');
      const table = parsedTables(parseReport(text)).find((x) => x.table.def.id === id)!.table;
      const fresh = new Evaluator(table);
      const p = path.split('/');
      assert.equal(`${describe(fresh.explain(p, Number(i)))} ${fresh.amount(p, Number(i)).value}`, value, key);
    }
  });
}

test('a blank cell of the 办理结果 总计 row counts as the sum of the results, for every later sum', () => {
  const text = `${HEAD}\`\`\`yaml
本年新收政府信息公开申请数量: [3, 0, 0, 0, 0, 0, 3]
上年结转政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]
本年度办理结果:
  予以公开: [2, 0, 0, 0, 0, 0, 2]
  部分公开: [1, 0, 0, 0, 0, 0, 1]
  总计: [~, 0, 0, 0, 0, 0, 3]
结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]
\`\`\`
`;
  const [{ table }] = parsedTables(parseReport(text));
  const evaluator = new Evaluator(table);
  assert.equal(evaluator.amount(['本年度办理结果', '总计'], 0).value, 3);
  assert.equal(evaluator.amount(['本年度办理结果', '总计'], 6).value, 3);
  assert.equal(evaluator.amount(['本年度办理结果'], 0).value, 3); // the group: Σ results, not counting 总计
  assert.equal(evaluator.amount(['本年度办理结果', '予以公开'], 0).value, 2);
  assert.equal(evaluator.amount(['no such row'], 0).absent, true);
});
