// Recognising a published statutory table: the rows a source reader found (a label, its values, where)
// are aligned with the statute's data rows in printed order, anchored on their labels. A row is placed
// by its label when the label is the statute's (with numbering, group labels or wrapping around it),
// or by its position when the rows around it leave it only one place; otherwise it is kept under its
// published label and flagged. Values are placed in columns only when their count leaves no doubt.
import type { Column, TableDef } from '../statute';
import { normalizedDistance } from '../parse/normalize';
import { labelKey, tableLayout, type Leaf, type TableLayout } from './layout';
import { readValue, type CellValue } from './values';
import type { SourceLocation } from './types';

export interface SourceCell {
  raw: string;
  where: SourceLocation;
}

/** A row as a source reader found it. */
export interface SourceRow {
  /** The row's own label text, as published. */
  label: string;
  /** Lines without values just before the row (nearest last) and after it: a wrapped label's other parts. */
  before: string[];
  after: string[];
  /** The row's values in printed order. */
  cells: SourceCell[];
  /** Set when `cells` are the row's cells exactly, blanks included (a structured table's row). */
  positional: boolean;
  /** The normalised header name over each cell, where a header named it: places cells by name. */
  columnNames?: (string | undefined)[];
  /** The structured table the row is in: a table's head or tail is read only from its own rows. */
  group?: number;
  where: SourceLocation;
}

/** A statutory row as read: its values per column (undefined: could not be read). */
export interface ReadRow {
  leaf?: Leaf;
  /** The label as published (compacted, numbering stripped) when it is not the statute's. */
  published?: string;
  columns: Column[];
  values: (CellValue | undefined)[];
  cellWhere: (SourceLocation | undefined)[];
  where: SourceLocation;
  /** A row whose values could not be placed: what was found. */
  ambiguous?: { found: number; expected: number; text: string };
  /** For an unplaced row: the path of the group it sits in ([] = top level). */
  parent?: string[];
}

export interface ReadTable {
  def: TableDef;
  rows: ReadRow[];
  /** Rows kept under their published label: no certain place in the statutory table. */
  unplaced: ReadRow[];
  missing: Leaf[];
  /** Indexes of the source rows that belong to the table (matched or kept). */
  used: Set<number>;
  where: SourceLocation;
}

const STRONG = 0.85;
const WEAK = 0.55;
// Numbering between a group's label and its row's (`（三）不予公开1.属于国家秘密`): the row's own label follows.
const NUMBER_MARK = /(?:\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、)/g;

/** The part of a label after its last numbering mark (the row's own words). */
function lastSegment(key: string): string {
  const parts = key.split(NUMBER_MARK).filter((p) => p !== '');
  return parts.length ? parts[parts.length - 1] : key;
}

/** A label text in the forms scoring compares: its key (numbering stripped) and its own last segment. */
interface Prepared {
  key: string;
  own: string;
}
const prepare = (text: string): Prepared => {
  const key = labelKey(text);
  return { key, own: key === '' ? '' : lastSegment(key) };
};

/** How well a label text stands for a statutory row: 1 the statute's words, down to 0 nothing alike. */
export function labelScore(text: string, leaf: Leaf): number {
  return preparedScore(prepare(text), leaf);
}

function preparedScore({ key, own }: Prepared, leaf: Leaf, fuzzy = true): number {
  if (key === '') return 0;
  let best = 0;
  for (const name of leaf.names) {
    if (key === name) return 1;
    if (own === name) best = Math.max(best, 0.99);
    else if (key.includes(name)) {
      const score = 0.85 + 0.1 * (name.length / key.length) + (key.endsWith(name) ? 0.02 : 0);
      best = Math.max(best, Math.min(score, 0.97));
    } else if (name.includes(own) && own.length >= 2) best = Math.max(best, 0.6 * (own.length / name.length));
    // Similar words (a typo): only where the lengths allow a similarity of 0.6, and above what is found already.
    else if (
      fuzzy &&
      own.length <= 120 &&
      Math.abs(own.length - name.length) <= 0.4 * Math.max(own.length, name.length)
    ) {
      if (best >= 0.8) continue;
      const similarity = 1 - normalizedDistance(own, name);
      if (similarity >= 0.6) best = Math.max(best, similarity * 0.8);
    }
  }
  return best;
}

/** A row's label readings: its own text, then with the wrapped parts around it, each prepared once. */
function readings(row: SourceRow): { text: string; prepared: Prepared }[] {
  const b = row.before,
    a = row.after;
  const candidates = [row.label];
  if (b.length) candidates.push(b[b.length - 1] + row.label);
  if (b.length > 1) candidates.push(b[b.length - 2] + b[b.length - 1] + row.label);
  if (a.length) {
    candidates.push(row.label + a[0]);
    if (b.length) candidates.push(b[b.length - 1] + row.label + a[0]);
  }
  return candidates.map((text) => ({ text, prepared: prepare(text) }));
}

/** The best reading of a source row's label, with the wrapped parts around it tried in turn. */
function rowScore(row: SourceRow, leaf: Leaf, read = readings(row), fuzzy = true): { score: number; text: string } {
  let best = { score: 0, text: row.label };
  for (const { text, prepared } of read) {
    const score = preparedScore(prepared, leaf, fuzzy);
    if (score > best.score) best = { score, text };
  }
  return best;
}

/** Reads the rows of one statutory table from the rows a reader found, in document order. */
export function recognizeRows(def: TableDef, rows: SourceRow[], where: SourceLocation): ReadTable {
  const layout = tableLayout(def);
  const leaves = layout.leaves;
  const n = rows.length,
    m = leaves.length;
  // A row whose own words are a statutory row's name (most rows of a well-printed table) is scored against
  // those rows only; the others against every row, similar words (edit distance) last.
  const byName = namesOf(layout);
  const none = { score: 0, text: '' };
  const scores = rows.map((row) => {
    const read = readings(row);
    const exact = new Set<number>();
    for (const { prepared } of read) for (const j of byName.get(prepared.own) ?? []) exact.add(j);
    if (exact.size) return leaves.map((leaf, j) => (exact.has(j) ? rowScore(row, leaf, read) : none));
    const plain = leaves.map((leaf) => rowScore(row, leaf, read, false));
    return plain.some((s) => s.score >= 0.95) ? plain : leaves.map((leaf) => rowScore(row, leaf, read));
  });

  // Monotone alignment maximising the summed label scores (rows and leaves may be skipped).
  // best(i, j): the best sum over the first i rows and j leaves, in one array (row-major).
  const table = new Float64Array((n + 1) * (m + 1));
  const best = (i: number, j: number) => table[i * (m + 1) + j];
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const s = scores[i - 1][j - 1].score;
      table[i * (m + 1) + j] = Math.max(best(i - 1, j), best(i, j - 1), s >= WEAK ? best(i - 1, j - 1) + s : -1);
    }
  const pairs: { row: number; leaf: number; score: number }[] = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const s = scores[i - 1][j - 1].score;
    if (s >= WEAK && best(i, j) === best(i - 1, j - 1) + s) {
      pairs.unshift({ row: i - 1, leaf: j - 1, score: s });
      i--;
      j--;
    } else if (best(i, j) === best(i - 1, j)) i--;
    else j--;
  }

  const placed = new Map<number, number>(); // row → leaf
  const flagged = new Set<number>(); // rows kept under their published label
  const anchors = pairs.filter((p) => p.score >= STRONG);
  for (const p of anchors) placed.set(p.row, p.leaf);
  // Gaps between anchors: as many rows as statutory rows → each row takes the place its position gives it.
  const bounds = [{ row: -1, leaf: -1 }, ...anchors, { row: n, leaf: m }];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const lo = bounds[k],
      hi = bounds[k + 1];
    const inner = k > 0 && k + 1 < bounds.length - 1;
    const gapLeaves = range(lo.leaf + 1, hi.leaf).filter((j) => alternativeOk(leaves, j, placed));
    const weak = pairs.filter((p) => p.score < STRONG && p.row > lo.row && p.row < hi.row);
    // The table's rows in the gap: all of them between anchors; at the head or tail, the run next to the anchor.
    let candidates: number[] = [];
    if (inner) candidates = range(lo.row + 1, hi.row).filter((r) => isTableRow(rows[r], layout));
    else if (anchors.length && k === 0)
      for (let r = hi.row - 1; r > lo.row && sameTable(rows[r], rows[hi.row]) && isTableRow(rows[r], layout); r--)
        candidates.unshift(r);
    else if (anchors.length)
      for (let r = lo.row + 1; r < hi.row && sameTable(rows[r], rows[lo.row]) && isTableRow(rows[r], layout); r++)
        candidates.push(r);
    if (candidates.length > 0 && candidates.length === gapLeaves.length) {
      candidates.forEach((r, x) => placed.set(r, gapLeaves[x]));
      continue;
    }
    for (const p of weak) {
      placed.set(p.row, p.leaf);
      flagged.add(p.row);
    }
    for (const r of candidates) if (!placed.has(r)) flagged.add(r);
  }

  const used = new Set<number>();
  const out: ReadRow[] = [];
  const unplaced: ReadRow[] = [];
  const matchedLeaves = new Set<number>();
  for (let r = 0; r < n; r++) {
    const j = placed.get(r);
    if (j === undefined && !flagged.has(r)) continue;
    used.add(r);
    const leaf = j === undefined ? undefined : leaves[j];
    const scored = j === undefined ? undefined : scores[r][j];
    const reading = !leaf ? { score: 0, text: rows[r].label } : scored?.text ? scored : rowScore(rows[r], leaf);
    const columns = leaf ? leaf.columns : guessColumns(layout, placed, r);
    const read = readRowValues(rows[r], columns);
    const published = reading.score >= STRONG ? undefined : publishedLabel(reading.text || rows[r].label);
    if (flagged.has(r) || !leaf) {
      read.leaf = leaf;
      read.published = published ?? (leaf ? leaf.def.key : publishedLabel(rows[r].label));
      read.parent = leaf ? leaf.path.slice(0, -1) : parentNear(leaves, placed, r);
      unplaced.push(read);
      continue;
    }
    matchedLeaves.add(j!);
    read.leaf = leaf;
    read.published = published;
    out.push(read);
  }
  const missing = leaves.filter(
    (leaf, j) => !leaf.groupAsRow && !matchedLeaves.has(j) && !coveredByAlternative(leaves, j, matchedLeaves),
  );
  return { def, rows: out, unplaced, missing, used, where };
}

const sameTable = (a: SourceRow, b: SourceRow) => a.group === b.group;

/** A row that is a data row of this table: its values are there, or its label is part of the table's text. */
function isTableRow(row: SourceRow, layout: TableLayout): boolean {
  if (row.positional) return true;
  const chars = [...labelKey(row.label)];
  return chars.filter((ch) => layout.chars.has(ch)).length >= 0.8 * chars.length;
}

/** Each name a statutory row is printed under → the rows (indexes in the layout's leaves). */
const namesByLayout = new WeakMap<TableLayout, Map<string, number[]>>();
function namesOf(layout: TableLayout): Map<string, number[]> {
  let map = namesByLayout.get(layout);
  if (!map) {
    map = new Map();
    layout.leaves.forEach((leaf, j) => {
      for (const name of leaf.names) map!.set(name, [...(map!.get(name) ?? []), j]);
    });
    namesByLayout.set(layout, map);
  }
  return map;
}

/** A group written as one row and its children are alternatives: a place is open unless the other is taken. */
function alternativeOk(leaves: Leaf[], j: number, placed: Map<number, number>): boolean {
  const taken = new Set(placed.values());
  const leaf = leaves[j];
  if (leaf.groupAsRow) return !leaves.some((l, k) => taken.has(k) && isUnder(l.path, leaf.path));
  const group = leaves.findIndex((l) => l.groupAsRow && isUnder(leaf.path, l.path));
  return group === -1 || !taken.has(group);
}

function coveredByAlternative(leaves: Leaf[], j: number, matched: Set<number>): boolean {
  const leaf = leaves[j];
  if (leaf.groupAsRow) return leaves.some((l, k) => matched.has(k) && isUnder(l.path, leaf.path));
  return leaves.some((l, k) => l.groupAsRow && matched.has(k) && isUnder(leaf.path, l.path));
}

const isUnder = (path: string[], group: string[]) =>
  path.length > group.length && group.every((key, i) => path[i] === key);

/** The columns of an unplaced row: those of the nearest placed row before it, else the table's first row's. */
function guessColumns(layout: TableLayout, placed: Map<number, number>, r: number): Column[] {
  for (let k = r - 1; k >= 0; k--) {
    const j = placed.get(k);
    if (j !== undefined) return layout.leaves[j].columns;
  }
  return layout.leaves[0].columns;
}

function parentNear(leaves: Leaf[], placed: Map<number, number>, r: number): string[] {
  for (let k = r - 1; k >= 0; k--) {
    const j = placed.get(k);
    if (j !== undefined) return leaves[j].path.slice(0, -1);
  }
  return [];
}

/** A published label as a key: as printed, without spaces, numbering and the group labels before it. */
export function publishedLabel(text: string): string {
  const key = labelKey(text);
  return lastSegment(key) || key;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Each column's label and key as header names compare them, per column set. */
const keysOfColumns = new WeakMap<Column[], string[][]>();
function columnKeys(columns: Column[]): string[][] {
  let keys = keysOfColumns.get(columns);
  if (!keys) keysOfColumns.set(columns, (keys = columns.map((c) => [labelKey(c.label), labelKey(c.key)])));
  return keys;
}

/** Values to columns: by the header names over them, else one per column when their count is the columns'. */
export function readRowValues(row: SourceRow, columns: Column[]): ReadRow {
  let cells: (SourceCell | undefined)[] | undefined;
  if (row.columnNames) {
    const byName = columnKeys(columns).map((names) => {
      const i = row.columnNames!.findIndex((n) => n !== undefined && names.includes(n));
      return i >= 0 ? row.cells[i] : undefined;
    });
    if (byName.every((c) => c)) cells = byName;
  }
  if (!cells && row.cells.length === columns.length) cells = row.cells;
  // Every field in the one literal (the place is set later): a row built up field by field was a
  // measurable part of an import.
  const read: ReadRow = {
    leaf: undefined,
    published: undefined,
    columns,
    values: [],
    cellWhere: [],
    where: row.where,
    ambiguous: undefined,
    parent: undefined,
  };
  if (cells) {
    for (const c of cells) {
      read.values.push(readValue(c!.raw));
      read.cellWhere.push(c!.where);
    }
    return read;
  }
  for (let k = 0; k < columns.length; k++) {
    read.values.push(undefined);
    read.cellWhere.push(undefined);
  }
  read.ambiguous = {
    found: row.cells.length,
    expected: columns.length,
    text: row.cells.map((c) => c.raw.trim() || '□').join(' '),
  };
  return read;
}

/**
 * Section 四's printed form: one data row across the column groups (行政复议 | 行政诉讼: 未经复议直接起诉,
 * 复议后起诉), each group's columns side by side. Given the row's values in printed order, every cell
 * is placed when their count is the table's; otherwise every cell is in doubt.
 */
export function recognizeFlat(def: TableDef, cells: SourceCell[], where: SourceLocation): ReadTable {
  const leaves = tableLayout(def).leaves.filter((l) => !l.groupAsRow);
  const total = leaves.reduce((s, l) => s + l.columns.length, 0);
  const rows: ReadRow[] = [];
  let at = 0;
  for (const leaf of leaves) {
    const part = cells.length === total ? cells.slice(at, at + leaf.columns.length) : [];
    at += leaf.columns.length;
    const read = readRowValues(
      { label: '', before: [], after: [], cells: part, positional: true, where: cells[0]?.where ?? where },
      leaf.columns,
    );
    if (cells.length !== total)
      read.ambiguous = { found: cells.length, expected: total, text: cells.map((c) => c.raw).join(' ') };
    read.leaf = leaf;
    rows.push(read);
  }
  return { def, rows, unplaced: [], missing: [], used: new Set(), where };
}
