// A statutory table block: the YAML tree read against the template's table definition.
// Records facts (cells, rows, unknown keys, blanks, bad values); the rules turn them into findings.
// The shapes of what it records are in tableModel.ts.
import {
  TEMPLATES,
  placeAt,
  topPlaces,
  walkNodes,
  type Column,
  type GroupDef,
  type NodeDef,
  type NodePlace,
  type RowDef,
  type TableDef,
} from '../statute';
import { fillComputedBlanks } from '../evaluate';
import type { Cell, RowInstance, TableInstance, UnknownKey } from './tableModel';
import { nearest, normalizeKey, normalizeName } from './normalize';
import type { YMap, YNode, YScalar } from './yamlTree';

export const pathKey = (path: readonly string[]) => path.join('/');

/** A row's name for messages: its key, or the statute's name for it where the key alone is ambiguous. */
export function rowName(row: { def: RowDef | GroupDef }): string {
  return (row.def.kind === 'row' && row.def.name) || row.def.key;
}

const BLANK_MARKS = new Set(['/', '—', '-', '–', '——', '－', '／', '']);
const NULL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);

// The statutory side of every comparison is normalised once per name, not once per comparison.
const nodeNames = new WeakMap<NodeDef, Set<string>>();
const columnNames = new WeakMap<Column, { names: Set<string>; stripped: string }>();
const stripUnit = (normalized: string) => normalized.replace(/\(.*\)$/, '');

export function nodeMatches(def: NodeDef, key: string): boolean {
  return nodeMatchesNormalized(def, normalizeKey(key));
}
/** `nodeMatches` for a key already through `normalizeKey` (a key is compared with many nodes). */
function nodeMatchesNormalized(def: NodeDef, normalizedKey: string): boolean {
  let names = nodeNames.get(def);
  if (!names) nodeNames.set(def, (names = new Set([def.key, ...def.aliases].map(normalizeKey))));
  return names.has(normalizedKey);
}

/** Matches a mapping-row key to a column: by key, or by label with its parenthetical unit. */
export function columnMatches(column: Column, key: string): boolean {
  const k = normalizeName(key);
  return columnMatchesNormalized(column, k, stripUnit(k));
}
function columnMatchesNormalized(column: Column, normalizedKey: string, strippedKey: string): boolean {
  let c = columnNames.get(column);
  if (!c)
    columnNames.set(
      column,
      (c = {
        names: new Set([normalizeName(column.key), normalizeName(column.label)]),
        stripped: stripUnit(normalizeName(column.label)),
      }),
    );
  return c.names.has(normalizedKey) || c.stripped === strippedKey;
}

/** `offset` shifts block-relative YAML offsets to document offsets. */
export function readTable(
  def: TableDef,
  root: YNode | undefined,
  offset: number,
  fenceStart: number,
  fenceEnd: number,
): TableInstance {
  const table: TableInstance = {
    def,
    rows: new Map(),
    groups: new Map(),
    unknownKeys: [],
    missingRows: [],
    shapeProblems: [],
    duplicates: [],
  };
  if (root === undefined || (root.kind === 'scalar' && root.empty)) {
    for (const n of def.nodes)
      table.missingRows.push({ def: n, parentPath: [], at: { start: fenceStart, end: fenceEnd } });
    return table;
  }
  if (root.kind !== 'map') {
    table.shapeProblems.push({ path: [], start: root.start + offset, end: root.end + offset, problem: 'notMapping' });
    return table;
  }
  const misplaced: Misplaced[] = [];
  readChildren(table, topPlaces(def), [], root, offset, { start: fenceStart, end: fenceEnd }, misplaced);
  rehome(table, misplaced, offset);
  fillComputedBlanks(table);
  return table;
}

/** A statutory name found outside its place, kept until the whole table is read. */
interface Misplaced {
  unknown: UnknownKey;
  key: YNode;
  value: YNode;
  target: readonly string[];
}

/** Reads a mapping against the statutory nodes that may stand in it (`places`, siblings). */
function readChildren(
  table: TableInstance,
  places: readonly NodePlace[],
  parentPath: readonly string[],
  map: YMap,
  offset: number,
  missingAt: { start: number; end: number },
  misplaced: Misplaced[],
) {
  const seen = new Set<NodePlace>();
  const unknown: { record: UnknownKey; key: YNode; value: YNode }[] = [];
  for (const { key, value } of map.entries) {
    const name = key.kind === 'scalar' ? key.value : '';
    // Most keys are the statutory name exactly: compare before normalising (once).
    let place = places.find((p) => p.def.key === name);
    if (!place) {
      const normalized = normalizeKey(name);
      place = places.find((p) => nodeMatchesNormalized(p.def, normalized));
    }
    if (!place) {
      const record: UnknownKey = {
        key: name,
        start: key.start + offset,
        end: key.end + offset,
        parentPath,
        kind: 'row',
      };
      table.unknownKeys.push(record);
      unknown.push({ record, key, value });
      continue;
    }
    if (seen.has(place)) {
      table.duplicates.push({ key: name, start: key.start + offset, end: key.end + offset });
      continue;
    }
    seen.add(place);
    readEntry(table, place, key, value, offset, misplaced);
  }
  // An unknown key that plainly stands for a statutory row absent here is read as that row.
  for (const u of unknown) {
    const elsewhere = walkNodes(table.def).find((n) => nodeMatches(n.def, u.record.key));
    if (elsewhere) {
      misplaced.push({ unknown: u.record, key: u.key, value: u.value, target: elsewhere.path });
      continue;
    }
    const candidates = places.filter((p) => !seen.has(p) && !(p.def.kind === 'row' && p.def.computed));
    const name = otherTemplateHas(table.def, u.record.key)
      ? renamedSibling(
          u.record.key,
          candidates.map((p) => p.def.key),
        )
      : // Strictly nearer than half: `行政检查` is not read as `行政强制` (it only gets the suggestion).
        nearest(
          u.record.key,
          candidates.map((p) => p.def.key),
          0.49,
        );
    const place = name === undefined ? undefined : candidates.find((p) => p.def.key === name);
    if (!place) continue;
    seen.add(place);
    u.record.standsFor = place.path;
    readEntry(table, place, u.key, u.value, offset, misplaced);
  }
  for (const p of places) {
    if (!seen.has(p) && !(p.def.kind === 'row' && p.def.computed))
      table.missingRows.push({ def: p.def, parentPath, at: missingAt });
  }
}

function readEntry(
  table: TableInstance,
  place: NodePlace,
  key: YNode,
  value: YNode,
  offset: number,
  misplaced: Misplaced[],
) {
  const { def, path, columns } = place;
  const keyStart = key.start + offset,
    keyEnd = key.end + offset;
  if (def.kind === 'group') {
    if (
      value.kind === 'map' &&
      value.entries.length > 0 &&
      (!isRowMapping(value) || (namesChildren(def, value) && !namesOnlyColumns(columns, value)))
    ) {
      table.groups.set(place.key, { keyStart, keyEnd, path });
      readChildren(table, place.children, path, value, offset, { start: keyStart, end: keyEnd }, misplaced);
    } else if (value.kind === 'seq' || value.kind === 'map' || (value.kind === 'scalar' && !value.empty)) {
      // A group written as one row: counted as is, its sub-rows reported missing.
      const row = readRow(def, path, columns, key, value, offset, table);
      row.groupAsRow = true;
      table.rows.set(place.key, row);
      for (const child of def.children)
        table.missingRows.push({ def: child, parentPath: path, at: { start: keyStart, end: keyEnd } });
    } else {
      table.shapeProblems.push({ path, start: keyStart, end: keyEnd, problem: 'groupExpected' });
    }
  } else {
    if (value.kind === 'map' && value.entries.length > 0 && !isRowMapping(value)) {
      table.shapeProblems.push({ path, start: keyStart, end: keyEnd, problem: 'rowExpected' });
      return;
    }
    table.rows.set(place.key, readRow(def, path, columns, key, value, offset, table));
  }
}

/**
 * A statutory row written in the wrong place (`予以公开` at the top level) is counted in its own
 * place when that place exists and lacks it: unknown-key says where it belongs, and the totals
 * it belongs to are not broken twice over.
 */
function rehome(table: TableInstance, misplaced: Misplaced[], offset: number) {
  for (const m of misplaced) {
    const parent = m.target.slice(0, -1);
    const taken = table.rows.has(pathKey(m.target)) || table.groups.has(pathKey(m.target));
    if (taken || (parent.length > 0 && !table.groups.has(pathKey(parent)))) continue;
    const place = placeAt(table.def, m.target);
    if (!place) continue;
    const missing = table.missingRows.findIndex(
      (r) => r.def === place.def && pathKey(r.parentPath) === pathKey(parent),
    );
    if (missing !== -1) table.missingRows.splice(missing, 1);
    m.unknown.standsFor = m.target;
    readEntry(table, place, m.key, m.value, offset, []);
  }
}

const otherNames = new WeakMap<TableDef, Set<string>>();

/** Whether another template's table of the same kind has this row name, which this table lacks. */
export function otherTemplateHas(def: TableDef, key: string): boolean {
  let names = otherNames.get(def);
  if (!names) {
    const here = new Set(walkNodes(def).flatMap((n) => [n.def.key, ...n.def.aliases].map(normalizeKey)));
    names = new Set();
    for (const tpl of TEMPLATES) {
      for (const s of tpl.sections) {
        if (!s.table || s.table.id !== def.id || s.table === def) continue;
        for (const n of walkNodes(s.table))
          for (const k of [n.def.key, ...n.def.aliases].map(normalizeKey)) if (!here.has(k)) names.add(k);
      }
    }
    otherNames.set(def, names);
  }
  return names.has(normalizeKey(key));
}

/**
 * The sibling another template's name was renamed to: one name contains the other
 * (规范性文件 → 行政规范性文件). Removed names (第二十条第（九）项) have none.
 */
export function renamedSibling(key: string, siblings: string[]): string | undefined {
  const k = normalizeKey(key);
  const found = siblings.filter((s) => {
    const n = normalizeKey(s);
    return n !== k && (n.includes(k) || k.includes(n));
  });
  return found.length === 1 ? found[0] : undefined;
}

/** Section 二's `行政许可: 5` has scalar values yet is a group: its keys name the group's rows. */
function namesChildren(def: GroupDef, map: YMap): boolean {
  return map.entries.some(
    (e) => e.key.kind === 'scalar' && def.children.some((c) => nodeMatches(c, (e.key as YScalar).value)),
  );
}

/** 2021 `其他处理: {自然人: 1, …, 其他: 0}`: `其他` is a column and a sub-row; all keys being columns makes it a row. */
function namesOnlyColumns(columns: Column[], map: YMap): boolean {
  return map.entries.every(
    (e) => e.key.kind === 'scalar' && columns.some((c) => columnMatches(c, (e.key as YScalar).value)),
  );
}

/** A mapping whose values are scalars is a row; one whose values are lists or mappings is a group. */
function isRowMapping(map: YMap): boolean {
  return map.entries.every((e) => e.value.kind === 'scalar' || e.value.kind === 'alias');
}

function readRow(
  def: RowDef | GroupDef,
  path: readonly string[],
  columns: Column[],
  key: YNode,
  value: YNode,
  offset: number,
  table: TableInstance,
): RowInstance {
  const row: RowInstance = {
    def,
    path,
    keyStart: key.start + offset,
    keyEnd: key.end + offset,
    valueStart: value.start + offset,
    valueEnd: value.end + offset,
    columns,
    cells: new Array<Cell | undefined>(columns.length).fill(undefined),
    missingColumns: [],
    unusable: undefined,
    groupAsRow: undefined,
    expectedLengths: undefined,
    listLength: undefined,
  };
  const hasTotal = columns.length > 0 && columns[columns.length - 1].isTotal;
  if (value.kind === 'seq') {
    row.listLength = value.items.length;
    const lengths = hasTotal ? [columns.length, columns.length - 1] : [columns.length];
    if (!lengths.includes(value.items.length)) {
      row.unusable = 'length';
      row.expectedLengths = lengths;
    }
    const n = Math.min(value.items.length, columns.length);
    for (let i = 0; i < n; i++) row.cells[i] = readCell(columns[i], value.items[i], offset);
  } else if (value.kind === 'map') {
    const unknown: { record: UnknownKey; value: YNode }[] = [];
    for (const { key: k, value: v } of value.entries) {
      const name = k.kind === 'scalar' ? k.value : '';
      let i = columns.findIndex((c) => c.key === name);
      if (i === -1) {
        const normalized = normalizeName(name),
          stripped = stripUnit(normalized);
        i = columns.findIndex((c) => columnMatchesNormalized(c, normalized, stripped));
      }
      if (i === -1) {
        const record: UnknownKey = {
          key: name,
          start: k.start + offset,
          end: k.end + offset,
          parentPath: path,
          kind: 'column',
        };
        table.unknownKeys.push(record);
        unknown.push({ record, value: v });
        continue;
      }
      if (row.cells[i]) {
        table.duplicates.push({ key: name, start: k.start + offset, end: k.end + offset });
        continue;
      }
      row.cells[i] = readCell(columns[i], v, offset);
    }
    // A near miss of a column not otherwise given (`合计` for 总计) is read as that column.
    for (const u of unknown) {
      const free = columns.filter((_, i) => !row.cells[i]).map((c) => c.key);
      const name = nearest(u.record.key, free, 0.5);
      const i = name === undefined ? -1 : columns.findIndex((c) => c.key === name);
      if (i === -1) continue;
      u.record.standsFor = [...path, columns[i].key];
      row.cells[i] = readCell(columns[i], u.value, offset);
    }
    columns.forEach((c, i) => {
      if (!row.cells[i] && !c.isTotal) {
        row.missingColumns.push({ column: c });
        row.cells[i] = blankCell(c, row);
      }
    });
  } else if (value.kind === 'alias') {
    row.unusable = 'alias';
  } else if (value.kind === 'scalar' && (columns.length === 1 || (columns.length === 2 && hasTotal))) {
    row.cells[0] = readCell(columns[0], value, offset);
  } else if (value.kind === 'scalar' && value.empty) {
    // `行政复议:` with nothing: every cell blank.
    columns.forEach((c, i) => {
      if (!c.isTotal) row.cells[i] = blankCell(c, row);
    });
  } else {
    row.unusable = 'shape';
    row.expectedLengths = hasTotal ? [columns.length, columns.length - 1] : [columns.length];
  }
  return row;
}

// Every cell and every row is made with all its fields, optional ones undefined: objects of one
// shape keep the property reads of the rules and the sums monomorphic.
function blankCell(column: Column, row: RowInstance): Cell {
  return { column, value: 0, blank: true, invalid: undefined, start: row.keyStart, end: row.keyEnd, raw: '' };
}

export function readCell(column: Column, node: YNode, offset: number): Cell {
  const cell: Cell = {
    column,
    value: 0,
    blank: false,
    invalid: undefined,
    start: node.start + offset,
    end: node.end + offset,
    raw: '',
  };
  if (node.kind === 'alias') {
    cell.invalid = 'alias';
    return cell;
  }
  if (node.kind !== 'scalar') {
    cell.invalid = 'notNumber';
    return cell;
  }
  const s: YScalar = node;
  cell.raw = s.value;
  // Nearly every cell is a plain run of ASCII digits: read it without normalising or matching.
  if (s.plain && isAsciiDigits(s.value)) {
    cell.value = Number(s.value);
    return cell;
  }
  const text = normalizeName(s.value);
  if (
    s.empty ||
    (s.plain && NULL_WORDS.has(s.value.trim())) ||
    BLANK_MARKS.has(text) ||
    BLANK_MARKS.has(s.value.trim())
  ) {
    cell.blank = true;
    return cell;
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    cell.invalid = 'notNumber';
    return cell;
  }
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    cell.invalid = 'tooLarge';
    return cell;
  }
  if (n < 0 && column.kind !== 'delta') {
    cell.invalid = 'negative';
    return cell;
  }
  if (!Number.isInteger(n) && column.kind !== 'money') {
    cell.invalid = 'notInteger';
    return cell;
  }
  cell.value = n;
  return cell;
}

/** 1–15 ASCII digits: a count that is exactly a safe integer (no sign, point or leading junk). */
function isAsciiDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
