// result-total: 本年度办理结果's 总计 row differs from the sum of the result rows (identity 2).
import { cellsOf } from '../evaluate';
import type { RawFinding, Rule } from './types';
import { replaceFinding } from './edits';

export const resultTotalRule: Rule<{ replacement: string }> = {
  code: 'result-total',
  severity: 'error',
  description: 'The 办理结果 总计 differs from the sum of the result rows (identity 2)',
  check({ tables, t }) {
    const out: RawFinding<{ replacement: string }>[] = [];
    for (const { table, evaluator } of tables) {
      for (const identity of table.def.identities.filter((d) => d.code === 'result-total')) {
        const targetRow = table.rows.get(identity.at.join('/'));
        if (!targetRow || targetRow.unusable) continue; // a left-out 总计 row is computed: nothing to compare
        targetRow.columns.forEach((column, i) => {
          const written = targetRow.cells[i];
          if (!written || written.blank || written.invalid) return;
          // A written total that is not the sum of its own row is row-total's finding.
          if (evaluator.amount(identity.at, i).inconsistent) return;
          // An absent sum counts as 0; one over a flagged cell is not checked.
          const sum = evaluator.sum(identity.rhs, i);
          if (sum.unusable || sum.invalid || sum.inconsistent || sum.value === written.value) return;
          const explained = evaluator.explainSum(identity.rhs, i);
          out.push({
            start: written.start,
            end: written.end,
            message: t('resultTotal', {
              column: column.key,
              expected: sum.value,
              formula: explained.parts.map((p) => p.value).join('+'),
              actual: written.value,
            }),
            related: cellsOf(explained)
              .filter((c) => c.value !== 0)
              .map((c) => ({ start: c.start, end: c.end, message: t('addendRelated', { value: c.value }) })),
            data: { replacement: String(sum.value) },
          });
        });
      }
    }
    return out;
  },
  fix(finding, { t }) {
    const value = finding.data?.replacement;
    return value === undefined ? undefined : replaceFinding(finding, value, t('fixReplaceTotal', { value }));
  },
};
