// blank-cell: a cell left blank (null, ~, empty, "/", "—") instead of 0. Counted as 0.
import { computedTotal } from '../parse/arith';
import type { RawFinding, Rule } from './types';

export const blankCellRule: Rule = {
  code: 'blank-cell',
  severity: 'warning',
  description: 'A cell left blank (or /, —) instead of 0',
  check({ report, t }) {
    const out: RawFinding[] = [];
    for (const section of report.sections) {
      const table = section.table?.instance;
      if (!table) continue;
      for (const row of table.rows.values()) {
        const missing = new Set(row.missingColumns.map((m) => m.column));
        row.cells.forEach((cell) => {
          if (!cell?.blank) return;
          const args = { row: row.def.key, column: cell.column.key };
          out.push(missing.has(cell.column)
            ? { start: cell.start, end: cell.end, message: t('missingColumn', args), data: { insertColumn: cell.column.key } }
            // A blank total counts as left out (computed), so its fix is the computed value.
            : { start: cell.start, end: cell.end, message: t('blankCell', args), data: { replacement: String(cell.column.isTotal ? computedTotal(row) : 0) } });
        });
      }
    }
    return out;
  },
};
