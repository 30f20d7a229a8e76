// The arithmetic of a table, shared by the rules, hover and the renderer:
// a row's value per column (written, or computed where the total was left out) and group sums.
import type { GroupDef, NodeDef, TableDef } from '../statute';
import { pathKey, type Cell, type RowInstance, type TableInstance } from './table';

export interface Term {
  /** The value this term contributes to a column. */
  value: number;
  /** Written cells the value comes from (for related information). */
  cells: Cell[];
  /** The term has no written source at all (every row absent). */
  absent: boolean;
  /** A row involved cannot be used (wrong list length or shape). */
  unusable: boolean;
  /**
   * A cell involved holds an invalid value (counted as 0): invalid-value reports it, and identities
   * over it are not checked — a wrong value is not second-guessed into a wrong total.
   */
  invalid?: boolean;
  /**
   * A written 总计 involved is not the sum of its row: row-total reports it, and identities over the
   * total column are not checked with it — one wrong total is one finding, not three.
   */
  inconsistent?: boolean;
}

/** The value of column `i` of a row; a missing or blank total is computed from the other columns. */
export function rowCell(row: RowInstance, i: number): Term {
  if (row.unusable) return { value: 0, cells: [], absent: false, unusable: true };
  const column = row.columns[i];
  const cell = row.cells[i];
  if (column?.isTotal && (!cell || cell.blank)) {
    const t = computedTotal(row);
    return { value: t, cells: [], absent: false, unusable: false, invalid: row.cells.some((c) => c?.invalid) };
  }
  if (!cell) return { value: 0, cells: [], absent: true, unusable: false };
  const inconsistent = !!column?.isTotal && !cell.invalid && !row.cells.some((c) => c?.invalid) && computedTotal(row) !== cell.value;
  return { value: cell.value, cells: [cell], absent: false, unusable: false, invalid: !!cell.invalid, inconsistent };
}

/** Sum of a row's non-total columns. */
export function computedTotal(row: RowInstance): number {
  let sum = 0;
  row.columns.forEach((c, j) => { if (!c.isTotal) sum += row.cells[j]?.value ?? 0; });
  return roundMoney(sum);
}

export function findNode(nodes: NodeDef[], path: readonly string[]): NodeDef | undefined {
  let list = nodes;
  let found: NodeDef | undefined;
  for (const key of path) {
    found = list.find((n) => n.key === key);
    if (!found) return undefined;
    list = found.kind === 'group' ? found.children : [];
  }
  return found;
}

/** The value of a path (row, or group = Σ its rows) in column `i`. */
export function termValue(table: TableInstance, path: readonly string[], i: number): Term {
  const row = table.rows.get(pathKey(path));
  if (row) return rowCell(row, i);
  const def = findNode(table.def.nodes, path);
  if (def?.kind === 'row' && def.computed) return computedRow(table, path, i);
  if (def?.kind !== 'group' || !table.groups.has(pathKey(path))) return { value: 0, cells: [], absent: true, unusable: false };
  return sumChildren(table, def, path, i);
}

function sumChildren(table: TableInstance, def: GroupDef, path: readonly string[], i: number): Term {
  const out: Term = { value: 0, cells: [], absent: false, unusable: false };
  for (const child of def.children) {
    if (child.kind === 'row' && child.computed) continue;
    const t = termValue(table, [...path, child.key], i);
    out.value += t.value;
    out.cells.push(...t.cells);
    out.unusable ||= t.unusable;
    out.invalid ||= t.invalid;
    out.inconsistent ||= t.inconsistent;
  }
  out.value = roundMoney(out.value);
  return out;
}

/** A computed row left out by the author (办理结果 总计): the right-hand side of its identity. */
function computedRow(table: TableInstance, path: readonly string[], i: number): Term {
  const identity = table.def.identities.find((d) => pathKey(d.lhs[0]) === pathKey(path) && d.lhs.length === 1);
  if (!identity) return { value: 0, cells: [], absent: true, unusable: false };
  return sumTerms(table, identity.rhs, i);
}

export function sumTerms(table: TableInstance, paths: readonly (readonly string[])[], i: number): Term & { parts: Term[] } {
  const parts = paths.map((p) => termValue(table, p, i));
  return {
    value: roundMoney(parts.reduce((s, p) => s + p.value, 0)),
    cells: parts.flatMap((p) => p.cells),
    absent: parts.every((p) => p.absent),
    unusable: parts.some((p) => p.unusable),
    invalid: parts.some((p) => p.invalid),
    inconsistent: parts.some((p) => p.inconsistent),
    parts,
  };
}

/**
 * A blank cell of a computed row (the 办理结果 总计 row) is a total left blank: it counts as computed,
 * like a blank 总计 column, so that one blank does not cascade into total errors. Called once the
 * table is read.
 */
export function fillComputedBlanks(table: TableInstance): void {
  for (const row of table.rows.values()) {
    if (row.def.kind !== 'row' || !row.def.computed || row.unusable) continue;
    const identity = table.def.identities.find((d) => d.lhs.length === 1 && pathKey(d.lhs[0]) === pathKey(row.path));
    if (!identity) continue;
    row.cells.forEach((cell, i) => {
      if (!cell?.blank || cell.column.isTotal) return;
      const sum = sumTerms(table, identity.rhs, i);
      if (!sum.unusable && !sum.invalid) cell.value = sum.value;
    });
  }
}

/** The total column's index of a table's main column set, if it has one. */
export function totalIndex(def: TableDef): number {
  return def.columns.findIndex((c) => c.isTotal);
}

// Money sums of decimals must not print 0.30000000000000004.
function roundMoney(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
