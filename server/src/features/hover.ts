// Hover: the statutory label, legal basis and meaning of a section, row, group, column or cell;
// on a total, how it is computed and its current computed value; on a row compared with last year's
// report, that report's value.
import { resolveLocale, translator, type Locale } from '../i18n/messages';
import { Evaluator, computedTotal } from '../evaluate';
import type { Report } from '../parse/report';
import { columnMatches } from '../parse/table';
import type { RowInstance, TableInstance } from '../parse/tableModel';
import type { Position } from '../parse/text';
import { placeAt, type NodeDef } from '../statute';
import type { FactsLookup } from '../facts/types';
import { previousYearLines } from './crossYear';
import { noteMarkdown } from './docs';
import type { Hover } from './types';

export function hover(report: Report, position: Position, locale?: string, lookup?: FactsLookup): Hover | undefined {
  const found = statuteHover(report, position, locale);
  // On a row an identity across years reads: last year's value and its file (FORMAT.md §9).
  const lines = found && lookup ? previousYearLines(report, position, lookup, translator(resolveLocale(locale))) : [];
  if (found && lines.length) found.contents.value += `\n\n${lines.join('\n\n')}`;
  return found;
}

function statuteHover(report: Report, position: Position, locale?: string): Hover | undefined {
  const loc = resolveLocale(locale);
  const offset = report.lines.offset(position);
  const md = (value: string, start: number, end: number): Hover => ({
    contents: { kind: 'markdown', value },
    range: report.lines.range(start, end),
  });

  for (const s of report.sections) {
    if (offset >= s.heading.start && offset <= s.heading.end) {
      return md(noteMarkdown(`${s.def.number}、${s.def.title}`, s.def.note, loc), s.heading.start, s.heading.end);
    }
  }
  const section = report.sections.find(
    (s) => s.table?.instance && s.table.fence.contentStart <= offset && offset <= s.table.fence.contentEnd,
  );
  const table = section?.table?.instance;
  if (!section || !table) return undefined;

  for (const row of table.rows.values()) {
    if (offset >= row.keyStart && offset <= row.keyEnd)
      return md(rowDoc(table, row.def, row.path, loc, row), row.keyStart, row.keyEnd);
    for (const cell of row.cells) {
      if (
        cell &&
        !row.missingColumns.some((m) => m.column === cell.column) &&
        offset >= cell.start &&
        offset <= cell.end
      ) {
        return md(cellDoc(table, row, cell.column.key, loc), cell.start, cell.end);
      }
    }
    // A column name inside a mapping row.
    if (offset > row.valueStart && offset < row.valueEnd) {
      const word = wordAt(report.text, offset);
      const column = word && row.columns.find((c) => columnMatches(c, word.text));
      if (column && word)
        return md(
          noteMarkdown(column.label, column.note, loc, [`${row.def.numbering}${row.def.label}`]),
          word.start,
          word.end,
        );
    }
  }
  for (const group of table.groups.values()) {
    if (offset >= group.keyStart && offset <= group.keyEnd) {
      const def = placeAt(table.def, group.path)?.def;
      if (def) return md(rowDoc(table, def, group.path, loc), group.keyStart, group.keyEnd);
    }
  }
  return undefined;
}

function rowDoc(table: TableInstance, def: NodeDef, path: readonly string[], loc: Locale, row?: RowInstance): string {
  const extra: string[] = [];
  const ti = table.def.columns.findIndex((c) => c.isTotal);
  if (ti !== -1 && (!row || !row.unusable)) {
    const total = new Evaluator(table).amount(path, ti);
    if (!total.absent) extra.push(translator(loc)('docValueTotal', { value: total.value }));
  }
  return noteMarkdown(`${def.numbering}${def.label}`, def.note, loc, extra);
}

function cellDoc(table: TableInstance, row: RowInstance, columnKey: string, loc: Locale): string {
  const t = translator(loc);
  const i = row.columns.findIndex((c) => c.key === columnKey);
  const column = row.columns[i];
  const title = `${row.def.numbering}${row.def.label} · ${column.label}`;
  const written = row.cells[i];
  const writtenNote = written && !written.blank ? t('docWritten', { value: written.value }) : '';
  // A row that is itself a total (办理结果 总计): each of its cells is the sum of the result rows.
  const identity =
    row.def.kind === 'row' && row.def.computed
      ? table.def.identities.find((d) => d.lhs.length === 1 && d.lhs[0].join('/') === row.path.join('/'))
      : undefined;
  const lines: string[] = [];
  let computed: number | undefined;
  if (identity) {
    const sum = new Evaluator(table).explainSum(identity.rhs, i);
    const terms = identity.rhs.map((p, k) => `${p[p.length - 1]} ${sum.parts[k].value}`).join(' + ');
    lines.push(t('docComputed', { terms }));
    computed = sum.value;
  }
  if (column.isTotal) {
    const addends = row.columns.map((c, j) => ({ c, v: row.cells[j]?.value ?? 0 })).filter(({ c }) => !c.isTotal);
    lines.push(t('docComputed', { terms: addends.map(({ c, v }) => `${c.key} ${v}`).join(' + ') }));
    computed = computedTotal(row); // the row's own sum comes first, as in row-total
  }
  if (computed === undefined) return noteMarkdown(title, column.note, loc);
  return noteMarkdown(title, column.note, loc, [...lines, t('docValue', { value: `**${computed}**${writtenNote}` })]);
}

/** The run of name characters around an offset (YAML keys: no spaces, colons, brackets, commas). */
function wordAt(text: string, offset: number): { text: string; start: number; end: number } | undefined {
  const stop = /[\s:,{}[\]#]/;
  let start = offset,
    end = offset;
  while (start > 0 && !stop.test(text[start - 1])) start--;
  while (end < text.length && !stop.test(text[end])) end++;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}
