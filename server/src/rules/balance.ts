// balance: the statute's 勾稽关系 — 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 — per column
// (identity 3). Placed at the 结转下年度 cell; the other three terms are related information.
import { quickSumOfPresent, sumTerms, termCells, termValue } from '../parse/arith';
import { parsedTables } from '../parse/report';
import type { RawFinding, Rule } from './types';

export const balanceRule: Rule = {
  code: 'balance',
  severity: 'error',
  description: 'The 勾稽关系 (received + carried in = handled + carried out) is broken (identity 3)',
  check({ report, t }) {
    const out: RawFinding[] = [];
    for (const { table } of parsedTables(report)) {
      for (const identity of table.def.identities.filter((d) => d.code === 'balance')) {
        const atRow = table.rows.get(identity.at.join('/'));
        if (!atRow || atRow.unusable) continue;
        atRow.columns.forEach((column, i) => {
          // A term whose row is absent is missing-row's finding; a broken row is invalid-value's.
          // NaN: not checked. Terms are built only for an imbalance's message.
          const quickLhs = quickSumOfPresent(table, identity.lhs, i),
            quickRhs = quickSumOfPresent(table, identity.rhs, i);
          if (Number.isNaN(quickLhs) || Number.isNaN(quickRhs) || quickLhs === quickRhs) return;
          const lhs = sumTerms(table, identity.lhs, i);
          const rhs = sumTerms(table, identity.rhs, i);
          const at = termValue(table, identity.at, i);
          const cell = termCells(at)[0];
          // A 总计 left out is computed from the row: nothing written to correct, and its
          // imbalance is the sum of the other columns', each reported at its own value.
          if (!cell && column.isTotal) return;
          const range = cell ? { start: cell.start, end: cell.end } : { start: atRow.keyStart, end: atRow.keyEnd };
          const others =
            rhs.parts.length === 2
              ? [lhs.parts[0], lhs.parts[1], rhs.parts[0]]
              : [...lhs.parts, ...rhs.parts.slice(0, -1)];
          const expected = lhs.value - (rhs.value - at.value);
          out.push({
            ...range,
            message: t('balance', {
              column: column.key,
              received: lhs.parts[0].value,
              carriedIn: lhs.parts[1]?.value ?? 0,
              lhs: lhs.value,
              handled: rhs.parts[0].value,
              carriedOut: at.value,
              rhs: rhs.value,
              expected,
            }),
            related: others
              .flatMap((p) => {
                const cells = termCells(p);
                return cells.length === 1 ? cells : [];
              })
              .map((c) => ({ start: c.start, end: c.end, message: t('balanceRelated', { value: c.value }) })),
            data: { expected },
          });
        });
      }
    }
    return out;
  },
};
