// The arithmetic of a table, shared by the rules, hover and the renderer:
// a row's value per column (written, or computed where the total was left out) and group sums.
import { placeAt, placeOf, walkNodes, type NodePlace, type TableDef } from '../statute';
import type { Cell, RowInstance, TableInstance } from './table';

export interface Term {
  /** The value this term contributes to a column. */
  value: number;
  /** The written cell, when the term is a row's own cell. */
  cell?: Cell;
  /** The terms added up, when the term is a group's or a sum's (`termCells` lists their cells). */
  parts?: readonly Term[];
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

/**
 * The written cells a term comes from, in statutory order (for related information). Collected on
 * demand: only a finding needs them, and sums are taken far more often than findings are made.
 */
export function termCells(term: Term, into: Cell[] = []): Cell[] {
  if (term.cell) into.push(term.cell);
  if (term.parts) for (const p of term.parts) termCells(p, into);
  return into;
}

/**
 * Every term is made here, with all its fields in one order: terms of one shape keep the sums'
 * property reads monomorphic.
 */
function makeTerm(
  value: number,
  absent: boolean,
  unusable: boolean,
  invalid: boolean,
  inconsistent: boolean,
  cell?: Cell,
  parts?: Term[],
): Term {
  return { value, cell, parts, absent, unusable, invalid, inconsistent };
}

function absentTerm(): Term {
  return makeTerm(0, true, false, false, false);
}

/** The value of column `i` of a row; a missing or blank total is computed from the other columns. */
export function rowCell(row: RowInstance, i: number): Term {
  if (row.unusable) return makeTerm(0, false, true, false, false);
  const column = row.columns[i];
  const cell = row.cells[i];
  if (column?.isTotal && (!cell || cell.blank))
    return makeTerm(computedTotal(row), false, false, hasInvalidCell(row), false);
  if (!cell) return absentTerm();
  const inconsistent = !!column?.isTotal && !cell.invalid && !hasInvalidCell(row) && computedTotal(row) !== cell.value;
  return makeTerm(cell.value, false, false, !!cell.invalid, inconsistent, cell);
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

/**
 * A table's rows and groups by their node's ordinal (each node sits at exactly one place), and the
 * terms already summed, per node and column. The rules, hover and the renderer ask for the same
 * group sums many times (every identity, every column, every prose figure); a table never changes
 * once read, except while `fillComputedBlanks` fills it, which drops the terms summed so far.
 */
export interface TableIndex {
  rows: (RowInstance | undefined)[];
  groups: boolean[];
  terms: (Term[] | undefined)[];
}

// Kept on the table itself, not in a WeakMap keyed by it: a WeakMap entry per checked report makes
// every young-generation GC trace ephemerons, which cost more than the sums themselves.
function indexOf(table: TableInstance): TableIndex {
  let index = table.index;
  if (!index) {
    const places = walkNodes(table.def);
    const rows = new Array<RowInstance | undefined>(places.length);
    for (const row of table.rows.values()) {
      const place = placeOf(table.def, row.def);
      if (place) rows[place.ordinal] = row;
    }
    const groups = places.map((p) => p.def.kind === 'group' && table.groups.has(p.key));
    table.index = index = { rows, groups, terms: new Array(places.length) };
  }
  return index;
}

/** The value of a path (row, or group = Σ its rows) in column `i`. Callers must not mutate it. */
export function termValue(table: TableInstance, path: readonly string[], i: number): Term {
  const place = placeAt(table.def, path);
  return place ? placeTerm(table, indexOf(table), place, i) : absentTerm();
}

function placeTerm(table: TableInstance, index: TableIndex, place: NodePlace, i: number): Term {
  const byColumn = (index.terms[place.ordinal] ??= []);
  return (byColumn[i] ??= computeTerm(table, index, place, i));
}

function computeTerm(table: TableInstance, index: TableIndex, place: NodePlace, i: number): Term {
  const row = index.rows[place.ordinal];
  if (row) return rowCell(row, i);
  if (place.def.kind === 'row') {
    // A computed row left out by the author (办理结果 总计): the right-hand side of its identity.
    return place.definedBy ? sumTerms(table, place.definedBy.rhs, i) : absentTerm();
  }
  if (!index.groups[place.ordinal]) return absentTerm();
  const parts: Term[] = [];
  const out = makeTerm(0, false, false, false, false, undefined, parts);
  for (const child of place.children) {
    if (child.def.kind === 'row' && child.def.computed) continue;
    const part = placeTerm(table, index, child, i);
    parts.push(part);
    addTerm(out, part);
  }
  out.value = roundMoney(out.value);
  return out;
}

export function sumTerms(
  table: TableInstance,
  paths: readonly (readonly string[])[],
  i: number,
): Term & { parts: Term[] } {
  const parts: Term[] = [];
  const out = makeTerm(0, true, false, false, false, undefined, parts) as Term & { parts: Term[] };
  for (const path of paths) {
    const p = termValue(table, path, i);
    parts.push(p);
    addTerm(out, p);
    out.absent &&= p.absent;
  }
  out.value = roundMoney(out.value);
  return out;
}

/**
 * What `termValue(table, path, i)` says, as a bare number, built of no terms: `undefined` when the
 * term is absent, `NaN` when it is unusable, invalid or inconsistent (the identities are not
 * checked over such a term), else its value. The identity rules compare with it, on every column
 * of every report, and build terms only for a finding's message — a clean report builds none.
 */
export function quickValue(table: TableInstance, path: readonly string[], i: number): number | undefined {
  const place = placeAt(table.def, path);
  return place ? quickPlace(table, indexOf(table), place, i) : undefined;
}

/** `sumTerms` as `quickValue` says it: absent when every part is, NaN when any part is flagged. */
export function quickSum(table: TableInstance, paths: readonly (readonly string[])[], i: number): number | undefined {
  let sum = 0,
    absent = true;
  for (const path of paths) {
    const v = quickValue(table, path, i);
    if (v !== undefined) {
      sum += v;
      absent = false;
    }
  }
  return absent ? undefined : roundMoney(sum);
}

/** `sumTerms`'s value when every part is present and none is flagged, else NaN. */
export function quickSumOfPresent(table: TableInstance, paths: readonly (readonly string[])[], i: number): number {
  let sum = 0;
  for (const path of paths) sum += quickValue(table, path, i) ?? NaN;
  return roundMoney(sum);
}

// Mirrors computeTerm and rowCell, adding in the same order and rounding at the same places.
function quickPlace(table: TableInstance, index: TableIndex, place: NodePlace, i: number): number | undefined {
  const row = index.rows[place.ordinal];
  if (row) return quickRowCell(row, i);
  if (place.def.kind === 'row') return place.definedBy ? quickSum(table, place.definedBy.rhs, i) : undefined;
  if (!index.groups[place.ordinal]) return undefined;
  let sum = 0;
  for (const child of place.children) {
    if (child.def.kind === 'row' && child.def.computed) continue;
    sum += quickPlace(table, index, child, i) ?? 0;
  }
  return roundMoney(sum);
}

function quickRowCell(row: RowInstance, i: number): number | undefined {
  if (row.unusable) return NaN;
  const column = row.columns[i];
  const cell = row.cells[i];
  if (column?.isTotal && (!cell || cell.blank)) return hasInvalidCell(row) ? NaN : computedTotal(row);
  if (!cell) return undefined;
  if (cell.invalid) return NaN;
  if (column?.isTotal && !hasInvalidCell(row) && computedTotal(row) !== cell.value) return NaN;
  return cell.value;
}

/** Adds a term into a sum being built (its value is rounded once the sum is complete). */
function addTerm(into: Term, t: Term): void {
  into.value += t.value;
  into.unusable ||= t.unusable;
  into.invalid ||= !!t.invalid;
  into.inconsistent ||= !!t.inconsistent;
}

/**
 * A blank cell of a computed row (the 办理结果 总计 row) is a total left blank: it counts as computed,
 * like a blank 总计 column, so that one blank does not cascade into total errors. Called once the
 * table is read.
 */
export function fillComputedBlanks(table: TableInstance): void {
  for (const row of table.rows.values()) {
    if (row.def.kind !== 'row' || !row.def.computed || row.unusable) continue;
    const identity = placeOf(table.def, row.def)?.definedBy;
    if (!identity) continue;
    row.cells.forEach((cell, i) => {
      if (!cell?.blank || cell.column.isTotal) return;
      const sum = sumTerms(table, identity.rhs, i);
      if (sum.unusable || sum.invalid) return;
      cell.value = sum.value;
      if (table.index) table.index.terms = []; // terms summed before this blank was filled are stale
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
