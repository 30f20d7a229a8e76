// row-total: a row's written 总计 differs from the sum of its columns (identities 1 and 4).
import { computedTotal } from '../evaluate';
import { rowName } from '../parse/table';
import type { RawFinding, Rule } from './types';
import { replaceFinding } from './edits';

export const rowTotalRule: Rule<{ replacement: string }> = {
  code: 'row-total',
  severity: 'error',
  description: 'A row total differs from the sum of its columns (identities 1 and 4)',
  check({ tables, t }) {
    const out: RawFinding<{ replacement: string }>[] = [];
    for (const { table } of tables) {
      for (const row of table.rows.values()) {
        const ti = row.columns.findIndex((c) => c.isTotal);
        const written = row.cells[ti];
        if (ti === -1 || row.unusable || !written || written.blank || written.invalid) continue;
        if (row.cells.some((c) => c?.invalid)) continue; // invalid-value first; no second guess
        const expected = computedTotal(row);
        if (expected === written.value) continue;
        const addends = row.cells.filter((c, j) => j !== ti && c);
        out.push({
          start: written.start,
          end: written.end,
          message: t('rowTotal', {
            row: rowName(row),
            expected,
            formula: addends.map((c) => c!.value).join('+'),
            actual: written.value,
          }),
          related: addends
            .filter((c) => !c!.blank)
            .map((c) => ({
              start: c!.start,
              end: c!.end,
              message: t('addendRelated', { value: `${c!.column.key} ${c!.value}` }),
            })),
          data: { replacement: String(expected) },
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
