// balance: the statute's 勾稽关系 — 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 — per column
// (identity 3). Placed at the identity's `at` cell; the other terms are related information. The
// terms' roles in the message (received, carriedIn, …) come from the statute data.
import { cellsOf, isKnown } from '../evaluate';
import type { RawFinding, Rule } from './types';

export const balanceRule: Rule = {
  code: 'balance',
  severity: 'error',
  description: 'The 勾稽关系 (received + carried in = handled + carried out) is broken (identity 3)',
  check({ tables, t }) {
    const out: RawFinding[] = [];
    for (const { table, evaluator } of tables) {
      for (const identity of table.def.identities.filter((d) => d.code === 'balance')) {
        const atRow = table.rows.get(identity.at.join('/'));
        if (!atRow || atRow.unusable) continue;
        const paths = [...identity.lhs, ...identity.rhs];
        const atKey = identity.at.join('/');
        atRow.columns.forEach((column, i) => {
          // A term whose row is absent is missing-row's finding; a broken row is invalid-value's.
          if (!paths.every((path) => isKnown(evaluator.amount(path, i)))) return;
          const lhs = evaluator.sum(identity.lhs, i).value;
          const rhs = evaluator.sum(identity.rhs, i).value;
          if (lhs === rhs) return;
          const terms = paths.map((path) => evaluator.explain(path, i));
          const at = terms[paths.findIndex((path) => path.join('/') === atKey)];
          const cell = cellsOf(at)[0];
          // A 总计 left out is computed from the row: nothing written to correct, and its
          // imbalance is the sum of the other columns', each reported at its own value.
          if (!cell && column.isTotal) return;
          const range = cell ? { start: cell.start, end: cell.end } : { start: atRow.keyStart, end: atRow.keyEnd };
          const roles = Object.fromEntries(identity.roles.map((role, k) => [role, terms[k].value]));
          out.push({
            ...range,
            message: t('balance', { column: column.key, ...roles, lhs, rhs, expected: lhs - (rhs - at.value) }),
            related: terms
              .filter((term) => term !== at)
              .flatMap((term) => {
                const cells = cellsOf(term);
                return cells.length === 1 ? cells : [];
              })
              .map((c) => ({ start: c.start, end: c.end, message: t('balanceRelated', { value: c.value }) })),
            data: { expected: lhs - (rhs - at.value) },
          });
        });
      }
    }
    return out;
  },
};
