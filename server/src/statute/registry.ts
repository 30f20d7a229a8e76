// The registry of statutory templates. Adding a template = adding one data module to TEMPLATE_MODULES
// (CONTRIBUTING.md). Every module is validated at load: its shape by zod, its cross-references here.
import { placeAt } from './places';
import { templateSchema, type TableDef, type Template } from './schema';
import t2019 from './ogi-annual-2019';
import t2021 from './ogi-annual-2021';

const TEMPLATE_MODULES: unknown[] = [t2019, t2021];

/** Every known template, in registration order. */
export const TEMPLATES: readonly Template[] = [];
export const DEFAULT_TEMPLATE_ID = 'ogi-annual-2021';

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * Validates a template module and adds it to the registry (replacing one of the same id). Throws,
 * naming the template and what is wrong, when the data does not hold together.
 */
export function registerTemplate(module: unknown): Template {
  const template = templateSchema.parse(module);
  const problems = crossReferenceProblems(template);
  if (problems.length) throw new Error(`template ${template.id}: ${problems.join('; ')}`);
  const list = TEMPLATES as Template[];
  const at = list.findIndex((t) => t.id === template.id);
  if (at === -1) list.push(template);
  else list[at] = template;
  return template;
}

/** Paths that name no node, phrases of no table: what zod's shapes cannot see. */
function crossReferenceProblems(template: Template): string[] {
  const problems: string[] = [];
  const tables = template.sections.flatMap((s) => (s.table ? [s.table] : []));
  for (const table of tables) {
    for (const identity of table.identities) {
      for (const path of [...identity.lhs, ...identity.rhs, identity.at]) {
        if (!placeAt(table, path))
          problems.push(`identity ${identity.code} of ${table.id} names no node ${path.join('/')}`);
      }
    }
  }
  for (const phrase of template.prosePhrases) {
    const table = tables.find((t) => t.id === phrase.table);
    if (!table) problems.push(`prose phrase ${phrase.pattern} names no table ${phrase.table}`);
    else
      for (const path of phrase.paths)
        if (!placeAt(table, path)) problems.push(`prose phrase ${phrase.pattern} names no node ${path.join('/')}`);
  }
  problems.push(...crossYearProblems(template, tables), ...keyFigureProblems(template, tables));
  return problems;
}

/** The cells an identity across years names: rows of its table in this template and in last year's. */
function crossYearProblems(template: Template, tables: TableDef[]): string[] {
  const problems: string[] = [];
  for (const identity of template.crossYear) {
    const name = `identity ${identity.code} across years`;
    const table = tables.find((t) => t.id === identity.table);
    if (!table) {
      problems.push(`${name} names no table ${identity.table}`);
      continue;
    }
    const at = cellProblem(table, identity.at.path, identity.at.column);
    if (at) problems.push(`${name}: ${at}`);
    const atColumns = identity.at.column ? [] : (placeAt(table, identity.at.path)?.columns ?? []);
    for (const term of identity.terms) {
      const inTables =
        term.of === 'this'
          ? [table]
          : identity.previousTemplates.map((id) => {
              const previous = id === template.id ? template : getTemplate(id);
              if (!previous) problems.push(`${name} names no template ${id}`);
              return previous?.sections.find((s) => s.table?.id === identity.table)?.table;
            });
      for (const termTable of inTables) {
        if (!termTable) continue;
        const problem = cellProblem(termTable, term.path, term.column);
        if (problem) problems.push(`${name}: ${problem}`);
        // Per column: every column of `at` must be a column of the term's row.
        const termColumns = placeAt(termTable, term.path)?.columns ?? [];
        if (!term.column)
          for (const column of atColumns)
            if (!termColumns.some((c) => c.key === column.key))
              problems.push(`${name}: ${term.path.join('/')} has no column ${column.key}`);
      }
    }
  }
  return problems;
}

function keyFigureProblems(template: Template, tables: TableDef[]): string[] {
  const problems: string[] = [];
  for (const figure of template.keyFigures) {
    const table = tables.find((t) => t.id === figure.table);
    if (!table) problems.push(`key figure ${figure.id} names no table ${figure.table}`);
    else
      for (const path of figure.paths) {
        const problem = cellProblem(table, path, figure.column);
        if (problem) problems.push(`key figure ${figure.id}: ${problem}`);
      }
  }
  const ids = template.keyFigures.map((f) => f.id);
  if (new Set(ids).size !== ids.length) problems.push('two key figures have one id');
  return problems;
}

/** Why a path (and column) names no cell of a table, or undefined when it does. */
function cellProblem(table: TableDef, path: readonly string[], column: string | undefined): string | undefined {
  const place = placeAt(table, path);
  if (!place) return `${table.id} has no node ${path.join('/')}`;
  if (column !== undefined && !place.columns.some((c) => c.key === column))
    return `${path.join('/')} of ${table.id} has no column ${column}`;
  return undefined;
}

for (const module of TEMPLATE_MODULES) registerTemplate(module);
