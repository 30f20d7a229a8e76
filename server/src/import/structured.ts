// Statutory tables in structured sources (HTML, Word): the expanded matrix's header cells that name
// a statutory column give each matrix column its column; a data row's label is its cells left of the
// values, and its values are the cells under the named columns — blanks included, so a blank cell
// never shifts the others. Without a readable header, the cells after the label stand in printed order.
import type { TableDef } from '../statute';
import { normalizeName } from '../parse/normalize';
import { labelKey, tableLayout, type TableLayout } from './layout';
import { rowCells, type Matrix, type MatrixCell } from './matrix';
import { recognizeFlat, recognizeRows, type ReadTable, type SourceCell, type SourceRow } from './recognize';
import type { SourceLocation } from './types';
import { compact, isValueCell } from './values';

/** A data row of a matrix, with the header names over its value cells. */
export interface MatrixRow extends SourceRow {
  /** Which table (index in the list given) and matrix row it is. */
  table: number;
  row: number;
}

/** The column a header cell names: its label or key exactly, else the longest (≥ 3 characters) it contains. */
function headerName(layout: TableLayout, text: string): string | undefined {
  // Column headers carry no numbering: `3.其他` is a row (2021's 其他处理), `其他` the column.
  const key = normalizeName(compact(text));
  if (key === '') return undefined;
  if (layout.columnNames.has(key)) return key;
  // Numbers and short words name no column by containing one (a column name of three characters at least).
  if (key.length < 3 || /^[\d.,/-]+$/.test(key)) return undefined;
  let best: string | undefined;
  for (const name of layout.columnNames.keys())
    if (name.length >= 3 && key.includes(name) && (!best || name.length > best.length)) best = name;
  return best;
}

/** The rows of the matrices that hold values, each with the names of the columns its cells sit under. */
export function matrixRows(def: TableDef, matrices: Matrix[]): MatrixRow[] {
  const layout = tableLayout(def);
  const out: MatrixRow[] = [];
  matrices.forEach((m, t) => {
    // Column names by matrix column; a header row after data rows starts a new header (section 二's blocks).
    let names: (string | undefined)[] = new Array(m.width).fill(undefined);
    let sawData = false;
    for (let r = 0; r < m.slots.length; r++) {
      const cells = rowCells(m, r);
      if (cells.length === 0) continue;
      const named = cells.map((c) => headerName(layout, c.text));
      // A header names columns; its other cells are words or empty (a blank corner, an empty extra column).
      const isHeader =
        named.some((n) => n !== undefined) &&
        cells.every((c, i) => named[i] || compact(c.text) === '' || !isValueCell(c.text));
      if (isHeader) {
        if (sawData) {
          names = new Array(m.width).fill(undefined);
          sawData = false;
        }
        cells.forEach((c, i) => {
          if (named[i]) for (let x = c.col; x < c.col + c.colspan; x++) names[x] = named[i];
        });
        continue;
      }
      const row = dataRow(m, r, cells, names, t);
      if (row) {
        out.push(row);
        sawData = true;
      }
    }
  });
  return out;
}

function dataRow(
  m: Matrix,
  r: number,
  cells: MatrixCell[],
  names: (string | undefined)[],
  table: number,
): MatrixRow | undefined {
  const under = (c: MatrixCell) => {
    for (let x = c.col; x < c.col + c.colspan; x++) if (names[x] !== undefined) return true;
    return false;
  };
  let labelCells: MatrixCell[];
  let valueCells: MatrixCell[];
  let columnNames: (string | undefined)[] | undefined;
  if (names.some((n) => n !== undefined)) {
    labelCells = cells.filter((c) => !under(c));
    valueCells = cells.filter(under);
    columnNames = valueCells.map((c) => names[c.col] ?? names.slice(c.col, c.col + c.colspan).find((n) => n));
  } else {
    // No header read: the label is the leading cells that are not values, the rest are values in order.
    let k = 0;
    while (k < cells.length && !isValueCell(cells[k].text)) k++;
    labelCells = cells.slice(0, k);
    valueCells = cells.slice(k);
  }
  if (valueCells.length === 0) return undefined;
  // Under a header, a labelled row is a data row whatever its cells hold (`四件` stays, verbatim); a cell
  // across the whole width (a caption, a note) is not. Without a header, values are what make a row.
  if (columnNames ? labelCells.length === 0 : !valueCells.every((c) => isValueCell(c.text))) return undefined;
  // A row of blanks only is a data row when it has a label of its own (a row left empty), not a spacer.
  if (labelCells.length === 0 && valueCells.every((c) => compact(c.text) === '')) return undefined;
  const label = labelCells.map((c) => c.text).join('');
  return {
    label,
    before: [],
    after: [],
    cells: valueCells.map((c): SourceCell => ({ raw: c.text, where: c.where })),
    columnNames,
    positional: true,
    where: labelCells[0]?.where ?? valueCells[0].where,
    group: table,
    table,
    row: r,
  };
}

/** Reads a rows- or blocks-layout table (sections 二, 三) from the matrices of its region. */
export function readMatrixRows(
  def: TableDef,
  matrices: Matrix[],
  where: SourceLocation,
): { read: ReadTable; rows: MatrixRow[] } {
  const rows = matrixRows(def, matrices);
  return { read: recognizeRows(def, rows, where), rows };
}

/**
 * Reads a columns-layout table (section 四): the header cells that name its rows (行政复议,
 * 未经复议直接起诉, 复议后起诉) and its columns (结果维持 …) locate every value of the one data row.
 */
export function readMatrixColumns(def: TableDef, m: Matrix, where: SourceLocation): ReadTable | undefined {
  const layout = tableLayout(def);
  const leaves = layout.leaves.filter((l) => !l.groupAsRow);
  const leafAt: (number | undefined)[] = new Array(m.width).fill(undefined);
  const columnAt: (number | undefined)[] = new Array(m.width).fill(undefined);
  let dataRow = -1;
  for (let r = 0; r < m.slots.length && dataRow < 0; r++) {
    const cells = rowCells(m, r);
    // The data row: values only — an empty one too, once the header has named every column it spans.
    // Under a header that named every column, whatever the row holds (`三` too, verbatim) unless it names more.
    const mapped = cells.every((c) => leafAt[c.col] !== undefined && columnAt[c.col] !== undefined);
    const names = cells.some(
      (c) => leaves.some((l) => l.names.includes(labelKey(c.text))) || layout.columnNames.has(labelKey(c.text)),
    );
    const values = cells.every((c) => isValueCell(c.text));
    if (cells.length && !names && (mapped || (values && cells.some((c) => compact(c.text) !== '')))) {
      dataRow = r;
      break;
    }
    for (const c of cells) {
      const key = labelKey(c.text);
      const leaf = leaves.findIndex((l) => l.names.includes(key));
      const column = layout.columnNames.get(key);
      for (let x = c.col; x < c.col + c.colspan; x++) {
        if (leaf >= 0) leafAt[x] = leaf;
        if (column !== undefined) columnAt[x] = column;
      }
    }
  }
  if (dataRow < 0) return undefined;
  const values = rowCells(m, dataRow);
  const mapped = values.every((c) => leafAt[c.col] !== undefined && columnAt[c.col] !== undefined);
  if (!mapped)
    return recognizeFlat(
      def,
      values.map((c) => ({ raw: c.text, where: c.where })),
      where,
    );
  // One row per statutory row, its cells in its columns' order: the rows reader then places them exactly.
  const rows: SourceRow[] = leaves.map((leaf, j) => {
    const cells = leaf.columns.map((_, k) => values.find((c) => leafAt[c.col] === j && columnAt[c.col] === k));
    return {
      label: leaf.def.label,
      before: [],
      after: [],
      cells: cells.filter((c) => c !== undefined).map((c) => ({ raw: c.text, where: c.where })),
      positional: true,
      where: cells.find((c) => c)?.where ?? where,
    };
  });
  const read = recognizeRows(def, rows, where);
  return read.rows.length ? read : undefined;
}
