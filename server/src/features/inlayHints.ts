// Inlay hints: the column name before each number of a list row (`自然人:` … `总计:`), and the
// computed total at the end of a list row that leaves it out.
import { computedTotal } from '../evaluate';
import type { Report } from '../parse/model';
import type { Range } from '../parse/text';
import type { InlayHint } from './types';

export function inlayHints(report: Report, range?: Range): InlayHint[] {
  const out: InlayHint[] = [];
  const inRange = (line: number) => !range || (line >= range.start.line && line <= range.end.line);
  for (const s of report.sections) {
    const table = s.table?.instance;
    if (!table) continue;
    for (const row of table.rows.values()) {
      if (row.listLength === undefined || row.columns.length < 2) continue;
      row.cells.forEach((cell) => {
        if (!cell) return;
        const position = report.lines.position(cell.start);
        if (inRange(position.line)) out.push({ position, label: `${cell.column.key}:`, kind: 2, paddingRight: true });
      });
      const total = row.columns.length - 1;
      if (row.columns[total].isTotal && !row.cells[total] && !row.unusable && row.valueEnd > row.valueStart) {
        const position = report.lines.position(row.valueEnd - 1); // before the closing bracket
        const label = `, ${row.columns[total].key}: ${computedTotal(row)}`;
        if (inRange(position.line)) out.push({ position, label, kind: 2 });
      }
    }
  }
  return out;
}
