// The registry of statutory templates. Adding a template = adding one data module to TEMPLATE_MODULES.
import { templateSchema, type Template } from './schema';
import t2019 from './ogi-annual-2019';
import t2021 from './ogi-annual-2021';

const TEMPLATE_MODULES: unknown[] = [t2019, t2021];

export const TEMPLATES: readonly Template[] = TEMPLATE_MODULES.map((m) => templateSchema.parse(m));
export const DEFAULT_TEMPLATE_ID = 'ogi-annual-2021';

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
export * from './schema';

import type { Column, NodeDef, TableDef } from './schema';

/** A statutory node in its table: its path, the path joined with '/', and the columns of its rows. */
export interface NodePlace { def: NodeDef; path: readonly string[]; key: string; columns: Column[] }

// Computed once per table definition: every table read and many rules walk the same nodes.
const placesByTable = new WeakMap<TableDef, { list: readonly NodePlace[]; byDef: Map<NodeDef, NodePlace> }>();
function placesOf(table: TableDef) {
  let places = placesByTable.get(table);
  if (!places) {
    const list: NodePlace[] = [];
    const visit = (nodes: NodeDef[], parent: readonly string[], columns: Column[]) => {
      for (const def of nodes) {
        const path = [...parent, def.key];
        const cols = def.kind === 'group' && def.columns ? def.columns : columns;
        list.push({ def, path, key: path.join('/'), columns: cols });
        if (def.kind === 'group') visit(def.children, path, cols);
      }
    };
    visit(table.nodes, [], table.columns);
    placesByTable.set(table, (places = { list, byDef: new Map(list.map((p) => [p.def, p])) }));
  }
  return places;
}

/** Every node of a table with its path, depth-first in statutory order. Shared: do not mutate. */
export function walkNodes(table: TableDef): readonly NodePlace[] {
  return placesOf(table).list;
}

/** Where a node of this table sits (undefined for a node of another table). */
export function placeOf(table: TableDef, def: NodeDef): NodePlace | undefined {
  return placesOf(table).byDef.get(def);
}

/** The children allowed under a path ([] = the table's top level). */
export function childrenAt(table: TableDef, path: readonly string[]): NodeDef[] {
  let nodes = table.nodes;
  for (const key of path) {
    const found = nodes.find((n) => n.key === key);
    if (!found || found.kind !== 'group') return [];
    nodes = found.children;
  }
  return nodes;
}
