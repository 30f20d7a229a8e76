// A report's facts (types.ts): the rows that the identities across years of the statute name, read
// from the parsed report through the one evaluator. Which rows those are is statute data
// (`crossYear` of each template): the rows of this report's own identities, and the rows that the
// identities of any template read from a previous year's report in this report's template.
import { Evaluator, isKnown } from '../evaluate';
import type { Report } from '../parse/model';
import { parsedTables } from '../parse/report';
import { TEMPLATES, type Template } from '../statute';
import { agencyKey } from './agency';
import type { FactCell, FactRow, ReportFacts } from './types';

/** The facts of a parsed report; `uri` and `name` are the host's (see ReportFacts). */
export function extractFacts(report: Report, uri: string, name = uri): ReportFacts {
  const { agency, year } = report.frontMatter.data;
  const wanted = rowsWanted(report.template);
  const rows: FactRow[] = [];
  for (const { table } of parsedTables(report)) {
    const paths = wanted.get(table.def.id);
    if (!paths) continue;
    let evaluator: Evaluator | undefined;
    for (const path of paths) {
      const row = table.rows.get(path);
      if (!row) continue;
      evaluator ??= new Evaluator(table);
      const cells: Record<string, FactCell> = {};
      row.columns.forEach((column, i) => {
        const amount = evaluator!.amount(row.path, i);
        const cell = row.cells[i];
        // A blank or left-out 总计 is computed: there is nothing written to point at.
        const written = !!cell && !(cell.blank && column.isTotal);
        const start = written ? cell.start : row.keyStart;
        const end = written ? cell.end : row.keyEnd;
        cells[column.key] = {
          value: amount.value,
          known: isKnown(amount),
          written,
          start,
          end,
          range: report.lines.range(start, end),
        };
      });
      rows.push({
        table: table.def.id,
        path,
        keyStart: row.keyStart,
        keyEnd: row.keyEnd,
        keyRange: report.lines.range(row.keyStart, row.keyEnd),
        cells,
      });
    }
  }
  return {
    uri,
    name,
    ...(typeof agency === 'string' && agency.trim() ? { agency: agency.trim(), agencyKey: agencyKey(agency) } : {}),
    ...(typeof year === 'number' ? { year } : {}),
    template: report.template.id,
    rows,
  };
}

/** The row of a report's facts at a table and path. */
export function factRow(facts: ReportFacts, table: string, path: readonly string[]): FactRow | undefined {
  const key = path.join('/');
  return facts.rows.find((r) => r.table === table && r.path === key);
}

// Per template, by table id: the row paths (joined) its reports' facts keep. The registry may grow
// (a test registers a fictional template): the cache is keyed by the registry's size too.
let wantedCache: { size: number; byTemplate: WeakMap<Template, Map<string, Set<string>>> } | undefined;

function rowsWanted(template: Template): Map<string, Set<string>> {
  if (wantedCache?.size !== TEMPLATES.length) wantedCache = { size: TEMPLATES.length, byTemplate: new WeakMap() };
  let wanted = wantedCache.byTemplate.get(template);
  if (wanted) return wanted;
  wanted = new Map();
  const add = (table: string, path: readonly string[]) => {
    let set = wanted!.get(table);
    if (!set) wanted!.set(table, (set = new Set()));
    set.add(path.join('/'));
  };
  for (const identity of template.crossYear) {
    add(identity.table, identity.at.path);
    for (const term of identity.terms) if (term.of === 'this') add(identity.table, term.path);
  }
  for (const other of TEMPLATES)
    for (const identity of other.crossYear)
      if (identity.previousTemplates.includes(template.id))
        for (const term of identity.terms) if (term.of === 'previous') add(identity.table, term.path);
  wantedCache.byTemplate.set(template, wanted);
  return wanted;
}
