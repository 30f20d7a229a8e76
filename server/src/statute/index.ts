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

/** Every node of a table with its path, depth-first in statutory order. */
export function walkNodes(table: TableDef): { def: NodeDef; path: string[]; columns: Column[] }[] {
  const out: { def: NodeDef; path: string[]; columns: Column[] }[] = [];
  const visit = (nodes: NodeDef[], parent: string[], columns: Column[]) => {
    for (const def of nodes) {
      const path = [...parent, def.key];
      const cols = def.kind === 'group' && def.columns ? def.columns : columns;
      out.push({ def, path, columns: cols });
      if (def.kind === 'group') visit(def.children, path, cols);
    }
  };
  visit(table.nodes, [], table.columns);
  return out;
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
