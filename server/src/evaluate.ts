// The one evaluator of a table's arithmetic, shared by the rules, hover and the renderer: the value
// of a row or group in a column (written, or computed where a total was left out), and sums of them.
// It answers with bare amounts; it explains itself (the terms added, their cells) only when asked,
// which only a finding's message and a hover do.
import { placeAt, placeOf, walkNodes, type NodePlace, type TableDef } from './statute';
import type { Cell, RowInstance, TableInstance } from './parse/tableModel';

/** The value of a row, a group (Σ its rows) or a sum of them in one column, and why it may not be trusted. */
export interface Amount {
  value: number;
  /** Nothing written at all (every row involved is absent). */
  absent: boolean;
  /** A row involved cannot be used (wrong list length or shape). */
  unusable: boolean;
  /**
   * A cell involved holds an invalid value (counted as 0): invalid-value reports it, and identities
   * over it are not checked — a wrong value is not second-guessed into a wrong total.
   */
  invalid: boolean;
  /**
   * A written 总计 involved is not the sum of its row: row-total reports it, and identities over the
   * total column are not checked with it — one wrong total is one finding, not three.
   */
  inconsistent: boolean;
}

/** An amount with what it is made of: the written cell, or the terms summed. */
export interface Explanation extends Amount {
  cell?: Cell;
  parts?: Explanation[];
}

/** Whether an identity may be checked over this amount (no row-total or invalid-value finding inside). */
export function isCheckable(a: Amount): boolean {
  return !a.unusable && !a.invalid && !a.inconsistent;
}

/** Written (or computed from written cells) and checkable. */
export function isKnown(a: Amount): boolean {
  return !a.absent && isCheckable(a);
}

/** The written cells an explanation comes from, in statutory order (for related information). */
export function cellsOf(e: Explanation, into: Cell[] = []): Cell[] {
  if (e.cell) into.push(e.cell);
  if (e.parts) for (const p of e.parts) cellsOf(p, into);
  return into;
}

// Every amount is made here, with its fields in one order (objects of one shape keep reads fast).
function amount(
  value: number,
  absent: boolean,
  unusable: boolean,
  invalid: boolean,
  inconsistent: boolean,
): Explanation {
  return { value, absent, unusable, invalid, inconsistent, cell: undefined, parts: undefined };
}
const absentAmount = () => amount(0, true, false, false, false);

/** Column `i` of a row; a missing or blank total is computed from the other columns. */
export function rowAmount(row: RowInstance, i: number): Explanation {
  if (row.unusable) return amount(0, false, true, false, false);
  const column = row.columns[i];
  const cell = row.cells[i];
  if (column?.isTotal && (!cell || cell.blank))
    return amount(computedTotal(row), false, false, hasInvalidCell(row), false);
  if (!cell) return absentAmount();
  const inconsistent = !!column?.isTotal && !cell.invalid && !hasInvalidCell(row) && computedTotal(row) !== cell.value;
  const out = amount(cell.value, false, false, !!cell.invalid, inconsistent);
  out.cell = cell;
  return out;
}

function hasInvalidCell(row: RowInstance): boolean {
  for (const c of row.cells) if (c?.invalid) return true;
  return false;
}

/** Sum of a row's non-total columns. */
export function computedTotal(row: RowInstance): number {
  let sum = 0;
  for (let j = 0; j < row.columns.length; j++) if (!row.columns[j].isTotal) sum += row.cells[j]?.value ?? 0;
  return roundMoney(sum);
}

/** Adds a part into a sum being built (the value is rounded once the sum is complete). */
function add(into: Amount, part: Amount): void {
  into.value += part.value;
  into.unusable ||= part.unusable;
  into.invalid ||= part.invalid;
  into.inconsistent ||= part.inconsistent;
}

/**
 * Evaluates one table. The rules, hover and the renderer ask for the same group sums many times
 * (every identity, every column, every prose figure): amounts are memoised here, per node and column,
 * for as long as its owner (one check, one hover) keeps the evaluator. The table is never written.
 */
export class Evaluator {
  private readonly rows: (RowInstance | undefined)[];
  private readonly groups: boolean[];
  private readonly memo: (Amount[] | undefined)[];

  constructor(readonly table: TableInstance) {
    const places = walkNodes(table.def);
    this.rows = new Array<RowInstance | undefined>(places.length);
    for (const row of table.rows.values()) {
      const place = placeOf(table.def, row.def);
      if (place) this.rows[place.ordinal] = row;
    }
    this.groups = places.map((p) => p.def.kind === 'group' && table.groups.has(p.key));
    this.memo = new Array(places.length);
  }

  /** The amount of a path (a row, or a group = Σ its rows) in column `i`. */
  amount(path: readonly string[], i: number): Amount {
    const place = placeAt(this.table.def, path);
    return place ? this.placeAmount(place, i) : absentAmount();
  }

  /** Σ of paths: absent when every term is; flagged when any term is. */
  sum(paths: readonly (readonly string[])[], i: number): Amount {
    const out = amount(0, true, false, false, false);
    for (const path of paths) {
      const part = this.amount(path, i);
      add(out, part);
      out.absent &&= part.absent;
    }
    out.value = roundMoney(out.value);
    return out;
  }

  /** `amount`, with the terms it adds and their cells. */
  explain(path: readonly string[], i: number): Explanation {
    const place = placeAt(this.table.def, path);
    return place ? this.explainPlace(place, i) : absentAmount();
  }

  /** `sum`, with its terms. */
  explainSum(paths: readonly (readonly string[])[], i: number): Explanation & { parts: Explanation[] } {
    const parts = paths.map((path) => this.explain(path, i));
    return { ...this.sum(paths, i), cell: undefined, parts };
  }

  private placeAmount(place: NodePlace, i: number): Amount {
    const byColumn = (this.memo[place.ordinal] ??= []);
    return (byColumn[i] ??= this.computePlace(place, i, (child) => this.placeAmount(child, i)));
  }

  private explainPlace(place: NodePlace, i: number): Explanation {
    return this.computePlace(place, i, (child) => this.explainPlace(child, i), true);
  }

  /** A row as written; a computed row left out from its identity; a group as Σ of its children. */
  private computePlace(place: NodePlace, i: number, child: (p: NodePlace) => Amount, explain = false): Explanation {
    const row = this.rows[place.ordinal];
    if (row) return rowAmount(row, i);
    if (place.def.kind === 'row') {
      // A computed row left out by the author (办理结果 总计): the right-hand side of its identity.
      if (!place.definedBy) return absentAmount();
      return explain ? this.explainSum(place.definedBy.rhs, i) : this.sum(place.definedBy.rhs, i);
    }
    if (!this.groups[place.ordinal]) return absentAmount();
    const out = amount(0, false, false, false, false);
    const parts: Explanation[] = [];
    for (const c of place.children) {
      if (c.def.kind === 'row' && c.def.computed) continue;
      const part = child(c);
      add(out, part);
      if (explain) parts.push(part);
    }
    out.value = roundMoney(out.value);
    if (explain) out.parts = parts;
    return out;
  }
}

/**
 * A blank cell of a computed row (the 办理结果 总计 row) is a total left blank: it counts as computed,
 * like a blank 总计 column, so that one blank does not cascade into total errors. Part of reading a
 * table (parse/table.ts), before anyone evaluates it.
 */
export function fillComputedBlanks(table: TableInstance): void {
  for (const row of table.rows.values()) {
    if (row.def.kind !== 'row' || !row.def.computed || row.unusable) continue;
    const identity = placeOf(table.def, row.def)?.definedBy;
    if (!identity) continue;
    row.cells.forEach((cell, i) => {
      if (!cell?.blank || cell.column.isTotal) return;
      // A fresh evaluator per blank: the cells filled so far count in the next sums.
      const sum = new Evaluator(table).sum(identity.rhs, i);
      if (sum.unusable || sum.invalid) return;
      cell.value = sum.value;
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
