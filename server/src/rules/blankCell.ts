// blank-cell: a cell left blank (null, ~, empty, "/", "—") instead of 0. Counted as 0.
import { computedTotal } from '../evaluate';
import { rowName } from '../parse/table';
import type { RawFinding, Rule } from './types';

export const blankCellRule: Rule = {
  code: 'blank-cell',
  severity: 'warning',
  description: 'A cell left blank (or /, —) instead of 0',
  check({ report, tables, t }) {
    const out: RawFinding[] = [];
    for (const { table } of tables) {
      for (const row of table.rows.values()) {
        if (!row.cells.some((cell) => cell?.blank)) continue;
        const missing = new Set(row.missingColumns.map((m) => m.column));
        row.cells.forEach((cell) => {
          if (!cell?.blank) return;
          const args = { row: rowName(row), column: cell.column.key };
          if (missing.has(cell.column)) {
            out.push({
              start: cell.start,
              end: cell.end,
              message: t('missingColumn', args),
              data: { insertColumn: cell.column.key },
            });
          } else if (row.def.kind === 'row' && row.def.computed && !cell.column.isTotal) {
            // A blank cell of the 办理结果 总计 row counts as the sum of the results (fillComputedBlanks).
            out.push({
              start: cell.start,
              end: cell.end,
              message: t('blankComputed', { ...args, value: cell.value }),
              data: { replacement: String(cell.value) },
            });
          } else if (cell.column.isTotal) {
            // A blank total counts as left out (computed), so its fix is the computed value.
            const value = computedTotal(row);
            out.push({
              start: cell.start,
              end: cell.end,
              message: t('blankTotal', { ...args, value }),
              data: { replacement: String(value) },
            });
          } else {
            out.push({ start: cell.start, end: cell.end, message: t('blankCell', args), data: { replacement: '0' } });
          }
        });
      }
    }
    return out;
  },
};
