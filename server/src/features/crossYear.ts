// What the editor shows of last year's report (FORMAT.md §9) on a row an identity across years reads:
// go to definition jumps to last year's row (上年结转 → 结转下年度继续办理), hover adds last year's
// value and its file. Both read the statute's `crossYear` data and the host's lookup of facts.
import { agencyKey } from '../facts/agency';
import { factRow } from '../facts/extract';
import type { FactsLookup, ReportFacts } from '../facts/types';
import type { Translate } from '../i18n/messages';
import type { Report } from '../parse/model';
import { parsedTables } from '../parse/report';
import type { RowInstance } from '../parse/tableModel';
import type { Position, Range } from '../parse/text';
import { getTemplate, rowName, type Column, type CrossYearIdentity } from '../statute';

/** A place in another file, as LSP's Location. */
export interface Location {
  uri: string;
  range: Range;
}

interface AtRow {
  identity: CrossYearIdentity;
  row: RowInstance;
  /** The column under the cursor, when it is on a cell. */
  column?: Column;
  /** The key or cell under the cursor. */
  start: number;
  end: number;
}

/** The row of an identity across years under the cursor: its key, or one of its cells. */
function atRow(report: Report, offset: number): AtRow | undefined {
  for (const { table } of parsedTables(report)) {
    for (const identity of report.template.crossYear) {
      if (identity.table !== table.def.id) continue;
      const row = table.rows.get(identity.at.path.join('/'));
      if (!row) continue;
      if (offset >= row.keyStart && offset <= row.keyEnd)
        return { identity, row, start: row.keyStart, end: row.keyEnd };
      for (const cell of row.cells)
        if (cell && offset >= cell.start && offset <= cell.end)
          return { identity, row, column: cell.column, start: cell.start, end: cell.end };
    }
  }
  return undefined;
}

/** Last year's reports of this report's agency that the identity may read (one, or several candidates). */
function previousReports(report: Report, identity: CrossYearIdentity, lookup: FactsLookup): readonly ReportFacts[] {
  const { agency, year } = report.frontMatter.data;
  if (typeof agency !== 'string' || !agency.trim() || typeof year !== 'number') return [];
  return lookup(agencyKey(agency), year - 1).filter((f) => identity.previousTemplates.includes(f.template));
}

/** Go to definition on a row an identity across years reads: last year's rows it is compared with. */
export function crossYearDefinition(report: Report, position: Position, lookup: FactsLookup): Location[] {
  const at = atRow(report, report.lines.offset(position));
  if (!at) return [];
  const out: Location[] = [];
  for (const previous of previousReports(report, at.identity, lookup))
    for (const term of at.identity.terms) {
      if (term.of !== 'previous') continue;
      const row = factRow(previous, at.identity.table, term.path);
      if (row) out.push({ uri: previous.uri, range: row.keyRange });
    }
  return out;
}

/**
 * Hover lines on such a row: last year's value of each term, from each candidate report — in the
 * column under the cursor, or every column on the row's key. Empty when no report of last year is known.
 */
export function previousYearLines(report: Report, position: Position, lookup: FactsLookup, t: Translate): string[] {
  const at = atRow(report, report.lines.offset(position));
  if (!at) return [];
  const { identity } = at;
  const year = (report.frontMatter.data.year as number) - 1;
  const lines: string[] = [];
  for (const previous of previousReports(report, identity, lookup))
    for (const term of identity.terms) {
      if (term.of !== 'previous') continue;
      const row = factRow(previous, identity.table, term.path);
      if (!row) continue;
      // The column a term reads: its own, else the one of `at` under the cursor (all of them on the key).
      const column = term.column ?? identity.at.column ?? at.column?.key;
      const value =
        column !== undefined
          ? String(row.cells[column]?.value ?? '—')
          : Object.entries(row.cells)
              .map(([key, cell]) => `${key} ${cell.value}`)
              .join(t('andJoin'));
      const name = rowName(getTemplate(previous.template), identity.table, term.path);
      const file = `[${escapeLinkText(previous.name)}](${previous.uri})`;
      lines.push(
        column !== undefined
          ? t('hoverPreviousYearCell', { year, file, row: name, column, value })
          : t('hoverPreviousYear', { year, file, row: name, value }),
      );
    }
  return lines;
}

function escapeLinkText(s: string): string {
  return s.replace(/[[\]\\]/g, (c) => `\\${c}`);
}
