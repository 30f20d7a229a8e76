// What reading a statutory table block records: rows and cells with their source offsets, and the
// facts the rules report (unknown keys, missing rows, shapes, duplicates). Plain data, never changed
// once read.
import type { Column, GroupDef, NodeDef, RowDef, TableDef } from '../statute';

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
  path: readonly string[];
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
  /** The row cannot be used for arithmetic (wrong list length, wrong shape, a YAML alias). */
  unusable?: 'length' | 'shape' | 'alias';
  /** A statutory group written as one row (2021 其他处理 as a single row). */
  groupAsRow?: boolean;
  expectedLengths?: number[];
  /** Number of items of a list row as written. */
  listLength?: number;
}

export interface UnknownKey {
  key: string;
  start: number;
  end: number;
  parentPath: readonly string[];
  kind: 'row' | 'column';
  /**
   * The statutory row/column the key was read as, when it plainly stands for one that is otherwise
   * absent: a near miss (`予已公开`), the other template's name for it (`规范性文件`), or a statutory
   * row in the wrong place. Reported once, as unknown-key, and counted as that row — so a misnamed
   * row does not also come out as missing-row, nor break the totals it belongs to.
   */
  standsFor?: readonly string[];
}
export interface MissingRow {
  def: NodeDef;
  parentPath: readonly string[];
  at: { start: number; end: number };
}
export interface ShapeProblem {
  path: readonly string[];
  start: number;
  end: number;
  problem: 'rowExpected' | 'groupExpected' | 'notMapping';
}
export interface DuplicateKey {
  key: string;
  start: number;
  end: number;
}

export interface TableInstance {
  def: TableDef;
  /** Every row present, by path joined with '/'. */
  rows: Map<string, RowInstance>;
  /** Groups present, by path. */
  groups: Map<string, { keyStart: number; keyEnd: number; path: readonly string[] }>;
  unknownKeys: UnknownKey[];
  missingRows: MissingRow[];
  shapeProblems: ShapeProblem[];
  duplicates: DuplicateKey[];
}
