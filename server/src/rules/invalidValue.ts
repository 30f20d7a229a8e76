// invalid-value: a negative, non-numeric or non-integer count, a list of the wrong length, or a
// row/group written in the wrong shape.
import { rowName } from '../parse/table';
import type { RawFinding, Rule } from './types';

export const invalidValueRule: Rule = {
  code: 'invalid-value',
  severity: 'error',
  description: 'Negative, non-numeric or non-integer count, or a list of the wrong length',
  check({ tables, t }) {
    const out: RawFinding[] = [];
    for (const { table } of tables) {
      for (const row of table.rows.values()) {
        const name = rowName(row);
        const columns = row.unusable ? row.columns.map((c) => c.key).join(t('andJoin')) : '';
        if (row.unusable === 'length') {
          out.push({
            start: row.valueStart,
            end: row.valueEnd,
            message: t('wrongLength', {
              row: name,
              expected: row.expectedLengths!.join('/'),
              actual: row.listLength ?? 0,
              columns,
            }),
          });
        } else if (row.unusable === 'alias') {
          out.push({ start: row.valueStart, end: row.valueEnd, message: t('aliasRow', { row: name }) });
        } else if (row.unusable === 'shape') {
          out.push({ start: row.valueStart, end: row.valueEnd, message: t('wrongShape', { row: name, columns }) });
        }
        for (const cell of row.cells) {
          if (cell?.invalid)
            out.push({
              start: cell.start,
              end: cell.end,
              message: t(cell.invalid, { row: name, column: cell.column.key, raw: clip(cell.raw) }),
            });
        }
      }
      for (const p of table.shapeProblems) {
        if (p.problem === 'rowExpected' || p.problem === 'groupExpected')
          out.push({ start: p.start, end: p.end, message: t(p.problem, { row: p.path[p.path.length - 1] }) });
      }
    }
    return out;
  },
};

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
