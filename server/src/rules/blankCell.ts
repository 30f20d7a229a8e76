// blank-cell: a cell left blank (null, ~, empty, "/", "—") instead of 0. Counted as 0.
import { computedTotal } from '../evaluate';
import { rowName } from '../parse/table';
import type { FindingOf, QuickFix, RawFinding, Rule } from './types';
import type { Translate } from '../i18n/messages';
import type { Report } from '../parse/model';
import { eolOf } from './edits';

export const blankCellRule: Rule<BlankCellData> = {
  code: 'blank-cell',
  severity: 'warning',
  description: 'A cell left blank (or /, —) instead of 0',
  check({ tables, t }) {
    const out: RawFinding<BlankCellData>[] = [];
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
  fix(finding, { report, t }) {
    const data = finding.data ?? {};
    if (data.insertColumn !== undefined) return insertColumn(report, finding, data.insertColumn, t);
    const value = data.replacement;
    if (value === undefined) return undefined;
    const title = t('fixFillBlank', { value });
    // Nothing after the colon (`key:` / `{…, key: }`): `key:0` would be one plain scalar, not key and value,
    // so the value goes after the colon's space, or after a new one.
    const at = report.lines.offset(finding.range.start);
    const end = report.lines.offset(finding.range.end);
    if (at === end && report.text[at - 1] === ':') {
      const edit =
        report.text[at] === ' '
          ? { range: report.lines.range(at + 1, at + 1), newText: value }
          : { range: finding.range, newText: ` ${value}` };
      return { title, edit, safe: true };
    }
    // A flow-mapping key without its colon (`{…, 社会公益组织, 其他: 0}`): the colon goes in too.
    if (at === end && /^[ \t]*[,}]/.test(report.text.slice(at, at + 40))) {
      return { title, edit: { range: finding.range, newText: `: ${value}` }, safe: true };
    }
    // A quoted placeholder ("/", '—'): the quotes go too, or the fix would leave the string "0".
    const quote = report.text[at - 1];
    const quoted = (quote === '"' || quote === "'") && report.text[end] === quote;
    const range = quoted ? report.lines.range(at - 1, end + 1) : finding.range;
    return { title, edit: { range, newText: value }, safe: true };
  },
};

/** The value to write, or the column to add to a mapping row that leaves it out. */
interface BlankCellData {
  replacement?: string;
  insertColumn?: string;
}

/**
 * A column left out of a mapping row (reported as blank-cell at the row's key): `key: 0` inserted at the
 * column's statutory place — before the next written column, else after the previous one.
 */
function insertColumn(report: Report, f: FindingOf<BlankCellData>, key: string, t: Translate): QuickFix | undefined {
  const at = report.lines.offset(f.range.start);
  const row = report.sections
    .flatMap((s) => [...(s.table?.instance?.rows.values() ?? [])])
    .find((r) => r.keyStart === at && r.missingColumns.some((m) => m.column.key === key));
  if (!row) return undefined;
  const { text, lines } = report;
  const j = row.columns.findIndex((c) => c.key === key);
  const written = (i: number) =>
    row.cells[i] && !row.missingColumns.some((m) => m.column === row.cells[i]!.column) ? row.cells[i] : undefined;
  const flow = text[row.valueStart] === '{';
  const eol = eolOf(report);
  const fix = (offset: number, newText: string): QuickFix => ({
    title: t('fixAddColumn', { column: key }),
    edit: { range: lines.range(offset, offset), newText },
    safe: true,
  });
  /** Start of the key written before a value (`key: value`), or undefined if the text is not that shape. */
  const keyStartOf = (valueStart: number) => {
    let p = valueStart;
    while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
    if (text[p - 1] !== ':') return undefined;
    p--;
    while (p > 0 && !/[{,\n]/.test(text[p - 1])) p--;
    while (text[p] === ' ' || text[p] === '\t') p++;
    return p;
  };
  for (let k = j + 1; k < row.columns.length; k++) {
    const cell = written(k);
    if (!cell) continue;
    const keyStart = keyStartOf(cell.start);
    if (keyStart === undefined) return undefined;
    if (flow) return fix(keyStart, `${key}: 0, `);
    const lineStart = lines.lineStarts[lines.position(keyStart).line];
    return fix(lineStart, `${text.slice(lineStart, keyStart)}${key}: 0${eol}`);
  }
  for (let k = j - 1; k >= 0; k--) {
    const cell = written(k);
    if (!cell) continue;
    if (flow) return fix(cell.end, `, ${key}: 0`);
    const keyStart = keyStartOf(cell.start);
    if (keyStart === undefined) return undefined;
    const line = lines.position(keyStart).line;
    return fix(lines.lineEnd(line), `${eol}${text.slice(lines.lineStarts[line], keyStart)}${key}: 0`);
  }
  return undefined;
}
