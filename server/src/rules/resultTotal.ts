// result-total: 本年度办理结果's 总计 row differs from the sum of the result rows (identity 2).
import { quickSum, rowCell, sumTerms, termCells } from '../parse/arith';
import { parsedTables } from '../parse/report';
import type { RawFinding, Rule } from './types';

export const resultTotalRule: Rule = {
  code: 'result-total',
  severity: 'error',
  description: 'The 办理结果 总计 differs from the sum of the result rows (identity 2)',
  check({ report, t }) {
    const out: RawFinding[] = [];
    for (const { table } of parsedTables(report)) {
      for (const identity of table.def.identities.filter((d) => d.code === 'result-total')) {
        const targetRow = table.rows.get(identity.at.join('/'));
        if (!targetRow || targetRow.unusable) continue; // a left-out 总计 row is computed: nothing to compare
        targetRow.columns.forEach((column, i) => {
          const written = targetRow.cells[i];
          if (!written || written.blank || written.invalid) return;
          // A written total that is not the sum of its own row is row-total's finding.
          if (rowCell(targetRow, i).inconsistent) return;
          // An absent sum counts as 0; a flagged one (NaN) is not checked.
          const quick = quickSum(table, identity.rhs, i) ?? 0;
          if (Number.isNaN(quick) || quick === written.value) return;
          const sum = sumTerms(table, identity.rhs, i);
          out.push({
            start: written.start,
            end: written.end,
            message: t('resultTotal', {
              column: column.key,
              expected: sum.value,
              formula: sum.parts.map((p) => p.value).join('+'),
              actual: written.value,
            }),
            related: termCells(sum)
              .filter((c) => c.value !== 0)
              .map((c) => ({ start: c.start, end: c.end, message: t('addendRelated', { value: c.value }) })),
            data: { replacement: String(sum.value) },
          });
        });
      }
    }
    return out;
  },
};
