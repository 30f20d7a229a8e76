// Where each statutory node sits in its table: its path, ordinal and columns, computed once per table definition.
import type { Column, Identity, NodeDef, TableDef, Template } from './schema';

/** A statutory node in its table: its path, the path joined with '/', and the columns of its rows. */
export interface NodePlace {
  def: NodeDef;
  path: readonly string[];
  key: string;
  columns: Column[];
  /** Position in `walkNodes` order: lets per-report data about nodes live in plain arrays. */
  ordinal: number;
  /** The places of a group's children (empty for a row). */
  children: readonly NodePlace[];
  /** For a computed row (办理结果 总计): the identity whose right-hand side defines it. */
  definedBy?: Identity;
}

// Computed once per table definition: every table read and many rules walk the same nodes.
const placesByTable = new WeakMap<
  TableDef,
  { list: readonly NodePlace[]; top: readonly NodePlace[]; byDef: Map<NodeDef, NodePlace> }
>();
function placesOf(table: TableDef) {
  let places = placesByTable.get(table);
  if (!places) {
    const list: NodePlace[] = [];
    const visit = (nodes: NodeDef[], parent: readonly string[], columns: Column[]): NodePlace[] =>
      nodes.map((def) => {
        const path = [...parent, def.key];
        const cols = def.kind === 'group' && def.columns ? def.columns : columns;
        const place: NodePlace = { def, path, key: path.join('/'), columns: cols, ordinal: list.length, children: [] };
        list.push(place);
        if (def.kind === 'group') place.children = visit(def.children, path, cols);
        return place;
      });
    const top = visit(table.nodes, [], table.columns);
    places = { list, top, byDef: new Map(list.map((p) => [p.def, p])) };
    for (const identity of table.identities) {
      const lhs = identity.lhs.length === 1 ? findPlace(places.top, identity.lhs[0]) : undefined;
      if (lhs && lhs.def.kind === 'row' && lhs.def.computed) lhs.definedBy ??= identity;
    }
    placesByTable.set(table, places);
  }
  return places;
}

function findPlace(top: readonly NodePlace[], path: readonly string[]): NodePlace | undefined {
  let list = top;
  let found: NodePlace | undefined;
  for (const key of path) {
    found = undefined;
    for (const p of list)
      if (p.def.key === key) {
        found = p;
        break;
      }
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

/** The places of a table's top-level nodes, in statutory order (a group's are its `children`). */
export function topPlaces(table: TableDef): readonly NodePlace[] {
  return placesOf(table).top;
}

/** The place of a path in a table (undefined when the table has no such node). */
export function placeAt(table: TableDef, path: readonly string[]): NodePlace | undefined {
  return path.length === 0 ? undefined : findPlace(placesOf(table).top, path);
}

/** How messages name a row: its own message name where its key alone is ambiguous, else its key. */
export function rowName(template: Template | undefined, tableId: string, path: readonly string[]): string {
  const table = template?.sections.find((s) => s.table?.id === tableId)?.table;
  const def = table && placeAt(table, path)?.def;
  return (def?.kind === 'row' ? def.name : undefined) ?? path[path.length - 1];
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

/** Whether an agency's name is of the kind a rule of the statute applies to (spaces ignored). */
export function agencyMatches(match: { endsWith: string[]; notEndsWith: string[] }, agency: string): boolean {
  const name = agency.trim();
  return match.endsWith.some((end) => name.endsWith(end)) && !match.notEndsWith.some((end) => name.endsWith(end));
}
