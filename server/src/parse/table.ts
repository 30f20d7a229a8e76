// A statutory table block: the YAML tree read against the template's table definition.
// Records facts (cells, rows, unknown keys, blanks, bad values); the rules turn them into findings.
import type { Column, GroupDef, NodeDef, RowDef, TableDef } from '../statute';
import { normalizeKey, normalizeName } from './normalize';
import type { YMap, YNode, YScalar } from './yamlTree';

export interface Cell {
  column: Column;
  /** The number the cell counts as: blank and invalid cells count as 0. */
  value: number;
  blank: boolean;
  /** Set when the source is not an acceptable value for this column. */
  invalid?: 'notNumber' | 'negative' | 'notInteger' | 'tooLarge' | 'alias';
  start: number;
  end: number;
  raw: string;
}

export interface RowInstance {
  def: RowDef | GroupDef;
  path: string[];
  keyStart: number;
  keyEnd: number;
  /** The whole value (list, mapping, scalar). */
  valueStart: number;
  valueEnd: number;
  columns: Column[];
  /** One entry per column; undefined where the author left the total out (computed). */
  cells: (Cell | undefined)[];
  /** Columns missing from a mapping row (besides a left-out total). */
  missingColumns: { column: Column }[];
  /** The row cannot be used for arithmetic (wrong list length, wrong shape). */
  unusable?: 'length' | 'shape';
  /** A statutory group written as one row (2021 其他处理 as a single row). */
  groupAsRow?: boolean;
  expectedLengths?: number[];
  /** Number of items of a list row as written. */
  listLength?: number;
}

export interface UnknownKey { key: string; start: number; end: number; parentPath: string[]; kind: 'row' | 'column' }
export interface MissingRow { def: NodeDef; parentPath: string[]; at: { start: number; end: number } }
export interface ShapeProblem { path: string[]; start: number; end: number; problem: 'rowExpected' | 'groupExpected' | 'notMapping' }
export interface DuplicateKey { key: string; start: number; end: number }

export interface TableInstance {
  def: TableDef;
  /** Every row present, by path joined with '/'. */
  rows: Map<string, RowInstance>;
  /** Groups present, by path. */
  groups: Map<string, { keyStart: number; keyEnd: number; path: string[] }>;
  unknownKeys: UnknownKey[];
  missingRows: MissingRow[];
  shapeProblems: ShapeProblem[];
  duplicates: DuplicateKey[];
}

export const pathKey = (path: readonly string[]) => path.join('/');

const BLANK_MARKS = new Set(['/', '—', '-', '–', '——', '－', '／', '']);
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);

/** Columns of the rows under a node: the nearest enclosing group's own columns, else the table's. */
function columnsFor(table: TableDef, ancestors: GroupDef[]): Column[] {
  for (let i = ancestors.length - 1; i >= 0; i--) if (ancestors[i].columns) return ancestors[i].columns!;
  return table.columns;
}

export function nodeMatches(def: NodeDef, key: string): boolean {
  const k = normalizeKey(key);
  return normalizeKey(def.key) === k || def.aliases.some((a) => normalizeKey(a) === k);
}

/** Matches a mapping-row key to a column: by key, or by label with its parenthetical unit. */
export function columnMatches(column: Column, key: string): boolean {
  const k = normalizeName(key);
  const strip = (s: string) => normalizeName(s).replace(/\(.*\)$/, '');
  return normalizeName(column.key) === k || normalizeName(column.label) === k || strip(column.label) === strip(key);
}

/** `offset` shifts block-relative YAML offsets to document offsets. */
export function readTable(def: TableDef, root: YNode | undefined, offset: number, fenceStart: number, fenceEnd: number): TableInstance {
  const table: TableInstance = { def, rows: new Map(), groups: new Map(), unknownKeys: [], missingRows: [], shapeProblems: [], duplicates: [] };
  if (root === undefined || (root.kind === 'scalar' && root.empty)) {
    for (const n of def.nodes) table.missingRows.push({ def: n, parentPath: [], at: { start: fenceStart, end: fenceEnd } });
    return table;
  }
  if (root.kind !== 'map') {
    table.shapeProblems.push({ path: [], start: root.start + offset, end: root.end + offset, problem: 'notMapping' });
    return table;
  }
  readChildren(table, def.nodes, [], [], root, offset, { start: fenceStart, end: fenceEnd });
  return table;
}

function readChildren(table: TableInstance, defs: NodeDef[], ancestors: GroupDef[], parentPath: string[], map: YMap, offset: number, missingAt: { start: number; end: number }) {
  const seen = new Set<NodeDef>();
  for (const { key, value } of map.entries) {
    const name = key.kind === 'scalar' ? key.value : '';
    const def = defs.find((d) => nodeMatches(d, name));
    if (!def) {
      table.unknownKeys.push({ key: name, start: key.start + offset, end: key.end + offset, parentPath, kind: 'row' });
      continue;
    }
    if (seen.has(def)) {
      table.duplicates.push({ key: name, start: key.start + offset, end: key.end + offset });
      continue;
    }
    seen.add(def);
    const path = [...parentPath, def.key];
    const keyStart = key.start + offset, keyEnd = key.end + offset;
    if (def.kind === 'group') {
      if (value.kind === 'map' && value.entries.length > 0 && (!isRowMapping(value) || namesChildren(def, value))) {
        table.groups.set(pathKey(path), { keyStart, keyEnd, path });
        readChildren(table, def.children, [...ancestors, def], path, value, offset, { start: keyStart, end: keyEnd });
      } else if (value.kind === 'seq' || value.kind === 'map' || (value.kind === 'scalar' && !value.empty)) {
        // A group written as one row: counted as is, its sub-rows reported missing.
        const row = readRow(def, path, columnsFor(table.def, [...ancestors, def]), key, value, offset, table);
        row.groupAsRow = true;
        table.rows.set(pathKey(path), row);
        for (const child of def.children) table.missingRows.push({ def: child, parentPath: path, at: { start: keyStart, end: keyEnd } });
      } else {
        table.shapeProblems.push({ path, start: keyStart, end: keyEnd, problem: 'groupExpected' });
      }
    } else {
      if (value.kind === 'map' && value.entries.length > 0 && !isRowMapping(value)) {
        table.shapeProblems.push({ path, start: keyStart, end: keyEnd, problem: 'rowExpected' });
        continue;
      }
      table.rows.set(pathKey(path), readRow(def, path, columnsFor(table.def, ancestors), key, value, offset, table));
    }
  }
  for (const def of defs) {
    if (!seen.has(def) && !(def.kind === 'row' && def.computed)) table.missingRows.push({ def, parentPath, at: missingAt });
  }
}

/** Section 二's `行政许可: 5` has scalar values yet is a group: its keys name the group's rows. */
function namesChildren(def: GroupDef, map: YMap): boolean {
  return map.entries.some((e) => e.key.kind === 'scalar' && def.children.some((c) => nodeMatches(c, (e.key as YScalar).value)));
}

/** A mapping whose values are scalars is a row; one whose values are lists or mappings is a group. */
function isRowMapping(map: YMap): boolean {
  return map.entries.every((e) => e.value.kind === 'scalar' || e.value.kind === 'alias');
}

function readRow(def: RowDef | GroupDef, path: string[], columns: Column[], key: YNode, value: YNode, offset: number, table: TableInstance): RowInstance {
  const row: RowInstance = {
    def, path, keyStart: key.start + offset, keyEnd: key.end + offset,
    valueStart: value.start + offset, valueEnd: value.end + offset,
    columns, cells: columns.map(() => undefined), missingColumns: [],
  };
  const hasTotal = columns.length > 0 && columns[columns.length - 1].isTotal;
  if (value.kind === 'seq') {
    row.listLength = value.items.length;
    const lengths = hasTotal ? [columns.length, columns.length - 1] : [columns.length];
    if (!lengths.includes(value.items.length)) {
      row.unusable = 'length';
      row.expectedLengths = lengths;
    }
    value.items.slice(0, columns.length).forEach((item, i) => { row.cells[i] = readCell(columns[i], item, offset); });
  } else if (value.kind === 'map') {
    for (const { key: k, value: v } of value.entries) {
      const name = k.kind === 'scalar' ? k.value : '';
      const i = columns.findIndex((c) => columnMatches(c, name));
      if (i === -1) {
        table.unknownKeys.push({ key: name, start: k.start + offset, end: k.end + offset, parentPath: path, kind: 'column' });
        continue;
      }
      if (row.cells[i]) {
        table.duplicates.push({ key: name, start: k.start + offset, end: k.end + offset });
        continue;
      }
      row.cells[i] = readCell(columns[i], v, offset);
    }
    columns.forEach((c, i) => {
      if (!row.cells[i] && !c.isTotal) {
        row.missingColumns.push({ column: c });
        row.cells[i] = { column: c, value: 0, blank: true, start: row.keyStart, end: row.keyEnd, raw: '' };
      }
    });
  } else if (value.kind === 'scalar' && (columns.length === 1 || (columns.length === 2 && hasTotal))) {
    row.cells[0] = readCell(columns[0], value, offset);
  } else if (value.kind === 'scalar' && value.empty) {
    // `行政复议:` with nothing: every cell blank.
    columns.forEach((c, i) => { if (!c.isTotal) row.cells[i] = { column: c, value: 0, blank: true, start: row.keyStart, end: row.keyEnd, raw: '' }; });
  } else {
    row.unusable = 'shape';
    row.expectedLengths = hasTotal ? [columns.length, columns.length - 1] : [columns.length];
  }
  return row;
}

export function readCell(column: Column, node: YNode, offset: number): Cell {
  const cell: Cell = { column, value: 0, blank: false, start: node.start + offset, end: node.end + offset, raw: '' };
  if (node.kind === 'alias') { cell.invalid = 'alias'; return cell; }
  if (node.kind !== 'scalar') { cell.invalid = 'notNumber'; return cell; }
  const s: YScalar = node;
  cell.raw = s.value;
  const text = normalizeName(s.value);
  if (s.empty || (s.plain && NULL_WORDS.has(s.value.trim())) || BLANK_MARKS.has(text) || BLANK_MARKS.has(s.value.trim())) {
    cell.blank = true;
    return cell;
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) { cell.invalid = 'notNumber'; return cell; }
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) { cell.invalid = 'tooLarge'; return cell; }
  if (n < 0 && column.kind !== 'delta') { cell.invalid = 'negative'; return cell; }
  if (!Number.isInteger(n) && column.kind !== 'money') { cell.invalid = 'notInteger'; return cell; }
  cell.value = n;
  return cell;
}
