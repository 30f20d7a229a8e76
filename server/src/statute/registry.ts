// The registry of statutory templates. Adding a template = adding one data module to TEMPLATE_MODULES
// (CONTRIBUTING.md). Every module is validated at load: its shape by zod, its cross-references here.
import { placeAt } from './places';
import { templateSchema, type Template } from './schema';
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
  return problems;
}

for (const module of TEMPLATE_MODULES) registerTemplate(module);
