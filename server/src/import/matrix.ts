// The one rowspan/colspan expander, for every structured source (HTML, and Word through mammoth's
// HTML): a table's rows of cells with their spans become a rectangular matrix in which every slot
// knows the cell that covers it. The inverse of render/grid.ts's spans.
import type { SourceLocation } from './types';

export interface RawCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** Where the cell is in the source besides its table, row and column (an HTML source line). */
  line?: number;
}

export interface MatrixCell {
  text: string;
  /** Top-left slot, zero-based. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  where: SourceLocation;
}

export interface Matrix {
  cells: MatrixCell[];
  /** slots[row][col]: the index in `cells` of the cell covering it, or -1 (a ragged row's end). */
  slots: number[][];
  width: number;
  where: SourceLocation;
}

// Spans and sizes beyond these are damage, not a report's table (HTML itself caps colspan at 1000):
// the matrix stays small whatever the markup says (at most MAX_ROWS × MAX_WIDTH slots).
const MAX_COLSPAN = 256;
const MAX_WIDTH = 256;
const MAX_ROWS = 4000;

/**
 * Expands rows of cells with spans as HTML does: each cell takes the next free slot of its row, and
 * its spans reserve the slots below and to the right; rowspan="0" (or beyond the table) runs to the
 * last row. `table` is the table's number in the document, for the cells' locations.
 */
export function expandMatrix(rows: RawCell[][], table: number, line?: number): Matrix {
  if (rows.length > MAX_ROWS) rows = rows.slice(0, MAX_ROWS);
  const cells: MatrixCell[] = [];
  const slots: number[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const raw of row) {
      while (slots[r][col] !== undefined) col++;
      if (col >= MAX_WIDTH) break;
      const colspan = clamp(raw.colspan, MAX_COLSPAN, Math.max(1, MAX_WIDTH - col));
      const left = rows.length - r;
      const rowspan = raw.rowspan === 0 ? left : clamp(raw.rowspan, left, left);
      const index = cells.length;
      const where: SourceLocation = { table, row: r + 1, column: col + 1 };
      if (raw.line !== undefined) where.line = raw.line;
      cells.push({ text: raw.text, row: r, col, rowspan, colspan, where });
      for (let y = r; y < r + rowspan; y++) for (let x = col; x < col + colspan; x++) slots[y][x] ??= index;
      col += colspan;
      width = Math.max(width, col);
    }
  });
  for (const row of slots) for (let x = 0; x < width; x++) row[x] ??= -1;
  for (const row of slots) row.length = width;
  return { cells, slots, width, where: { table, ...(line !== undefined ? { line } : {}) } };
}

function clamp(n: number | undefined, max: number, limit: number): number {
  const v = n === undefined || !Number.isFinite(n) || n < 1 ? 1 : Math.floor(n);
  return Math.min(v, max, limit);
}

/** The distinct cells starting in a row, left to right. */
export function rowCells(m: Matrix, r: number): MatrixCell[] {
  const out: MatrixCell[] = [];
  const slots = m.slots[r];
  for (let x = 0; x < slots.length; x++) {
    // A cell is taken at its top-left slot only: once, and only in the row it starts in.
    const cell = slots[x] < 0 ? undefined : m.cells[slots[x]];
    if (cell && cell.row === r && cell.col === x) out.push(cell);
  }
  return out;
}
