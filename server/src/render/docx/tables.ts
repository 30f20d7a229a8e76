// Tables in Word: a statutory table from its grid (grid.ts, the computation the HTML renderer also
// reads), and the ordinary Markdown tables of the prose. Merges are written out cell by cell: w:gridSpan
// for a column span; w:vMerge "restart" on a row span's first cell and "continue" on every cell it
// covers below — the library's automatic rowSpan is not used (such helpers go wrong in first columns).
import type { Paragraph, Table, TableCell, TableRow } from 'docx';
import type { Grid, GridCell, GridRow } from '../grid';
import { breakHints } from '../tables';
import type { RunSpec } from './inline';
import type { Docx } from './library';
import { FONTS, SIZE, TEXT_WIDTH, emWidth, halfPoints, runFont } from './page';
import { textRuns } from './runs';

// ---------------------------------------------------------------- placing the grid's cells

/** A grid cell at its place: first grid column, and its spans clipped to its row group. */
export interface PlacedCell {
  cell: GridCell;
  col: number;
  colspan: number;
  rowspan: number;
}
/** What a Word row holds at each place, left to right. */
export type Slot =
  { kind: 'start'; placed: PlacedCell } | { kind: 'continue'; placed: PlacedCell } | { kind: 'empty'; col: number };
export interface LaidRow {
  row: GridRow;
  /** A row of the table's head: repeated at the top of each page. */
  head: boolean;
  /** The last row of its group (the head, or one body). */
  groupEnd: boolean;
  slots: Slot[];
}

/**
 * The grid's rows as Word writes them: each cell at the grid column it takes (as an HTML table lays
 * out), and a `continue` slot wherever a cell from a row above spans down. Row spans stay inside their
 * group (the head, or one body), as in HTML.
 */
export function layoutGrid(grid: Grid): LaidRow[] {
  const width = grid.widths.length;
  const groups = [{ rows: grid.head, head: true }, ...grid.bodies.map((rows) => ({ rows, head: false }))];
  const out: LaidRow[] = [];
  for (const group of groups) {
    const cover: (PlacedCell | undefined)[][] = group.rows.map(() => new Array(width).fill(undefined));
    const starts: PlacedCell[][] = group.rows.map(() => []);
    group.rows.forEach((row, r) => {
      let col = 0;
      for (const cell of row.cells) {
        while (col < width && cover[r][col]) col++;
        const colspan = Math.max(1, Math.min(cell.colspan ?? 1, width - col));
        const rowspan = Math.max(1, Math.min(cell.rowspan ?? 1, group.rows.length - r));
        const placed = { cell, col, colspan, rowspan };
        starts[r].push(placed);
        for (let i = r; i < r + rowspan; i++) for (let j = col; j < col + colspan; j++) cover[i][j] = placed;
        col += colspan;
      }
    });
    group.rows.forEach((row, r) => {
      const slots: Slot[] = [];
      for (let col = 0; col < width;) {
        const placed = cover[r][col];
        if (!placed) {
          slots.push({ kind: 'empty', col });
          col++;
          continue;
        }
        slots.push(starts[r].includes(placed) ? { kind: 'start', placed } : { kind: 'continue', placed });
        col += placed.colspan;
      }
      out.push({ row, head: group.head, groupEnd: r === group.rows.length - 1, slots });
    });
  }
  return out;
}

/** Percent widths → twips of the text block, rounded so that they add up to it exactly. */
export function columnTwips(percents: readonly number[], total = TEXT_WIDTH): number[] {
  const sum = percents.reduce((a, b) => a + b, 0) || 1;
  const exact = percents.map((p) => (p / sum) * total);
  const twips = exact.map(Math.floor);
  let left = total - twips.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    twips[i]++;
  }
  return twips;
}

/**
 * A label's lines in a cell `capacity` ems wide: broken between words only (breakHints, as the HTML
 * preview breaks them), so that 商业企业 never becomes 商业企/业. A word wider than the cell is left to Word.
 */
export function labelLines(text: string, keep: number, capacity: number): string[] {
  if (emWidth(text) <= capacity) return [text];
  const lines: string[] = [];
  let line = '';
  for (const chunk of breakHints(text, keep)) {
    if (line && emWidth(line + chunk) > capacity) {
      lines.push(line);
      line = chunk;
    } else line += chunk;
  }
  if (line) lines.push(line);
  return lines;
}

// ---------------------------------------------------------------- Word tables

/** Left and right padding of a table cell: 1 mm, so that narrow columns keep their words whole. */
const CELL_PADDING = 57;
/** Top and bottom padding: half a millimetre, so that rows of small type do not look cramped. */
const CELL_PADDING_Y = 28;

export interface GridTableOptions {
  /** Type size in points: 五号 (10.5), or 小五 (9) for the tall table of section 三. */
  size: number;
}

/** A statutory table as Word writes it, from its grid. */
export function gridTable(d: Docx, grid: Grid, options: GridTableOptions): Table {
  const columns = columnTwips(grid.widths);
  const laid = layoutGrid(grid);
  const spanWidth = (col: number, span: number) => columns.slice(col, col + span).reduce((a, b) => a + b, 0);
  const rows = laid.map(
    (r, i): TableRow =>
      new d.TableRow({
        tableHeader: r.head || undefined,
        cantSplit: true,
        // Each row group stays on one page (the head with the first body): a page may break only
        // between the captioned blocks of section 二, never inside a block or inside 三's or 四's table.
        keepNext: i < laid.length - 1 && (!r.groupEnd || r.head) ? true : undefined,
        children: r.slots.map((slot): TableCell => {
          if (slot.kind === 'empty')
            return new d.TableCell({
              width: { size: columns[slot.col], type: d.WidthType.DXA },
              children: [cellParagraph(d, '', d.AlignmentType.CENTER, options.size)],
            });
          const { cell, col, colspan, rowspan } = slot.placed;
          const width = spanWidth(col, colspan);
          const common = {
            width: { size: width, type: d.WidthType.DXA },
            columnSpan: colspan > 1 ? colspan : undefined,
            verticalAlign: d.VerticalAlignTable.CENTER,
            textDirection: isVertical(cell) ? d.TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
          };
          if (slot.kind === 'continue')
            return new d.TableCell({
              ...common,
              verticalMerge: d.VerticalMergeType.CONTINUE,
              children: [cellParagraph(d, '', alignment(d, cell), options.size)],
            });
          const capacity = ((width - 2 * CELL_PADDING) / 20 / options.size) * 0.96;
          const lines =
            cell.header && !isVertical(cell) ? labelLines(cell.text, cell.keep ?? 0, capacity) : [cell.text];
          return new d.TableCell({
            ...common,
            verticalMerge: rowspan > 1 ? d.VerticalMergeType.RESTART : undefined,
            children: [
              cellParagraph(d, lines, alignment(d, cell), options.size, cell.className?.includes('ogi-caption')),
            ],
          });
        }),
      }),
  );
  return fixedTable(d, rows, columns);
}

/** A table across the text width, its columns fixed, centred, with the cells' padding and the borders. */
function fixedTable(d: Docx, rows: TableRow[], columns: number[]): Table {
  return new d.Table({
    rows,
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: columns,
    layout: d.TableLayoutType.FIXED,
    alignment: d.AlignmentType.CENTER,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: CELL_PADDING_Y, bottom: CELL_PADDING_Y },
    borders: tableBorders(d),
  });
}

const isVertical = (cell: GridCell) => !!cell.className?.includes('ogi-vertical');

/** As the preview aligns them: row labels and the corner note left, group labels and the rest centred. */
function alignment(d: Docx, cell: GridCell) {
  const names = cell.className?.split(/\s+/) ?? [];
  if (names.includes('ogi-corner')) return d.AlignmentType.LEFT;
  if (names.includes('ogi-label') && !names.includes('ogi-group')) return d.AlignmentType.LEFT;
  return d.AlignmentType.CENTER;
}

function cellParagraph(
  d: Docx,
  text: string | string[],
  align: (typeof d.AlignmentType)[keyof typeof d.AlignmentType],
  size: number,
  bold = false,
): Paragraph {
  const lines = typeof text === 'string' ? [text] : text;
  return new d.Paragraph({
    style: TABLE_STYLE,
    alignment: align,
    children: lines.map(
      (line, i) =>
        new d.TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: bold || undefined,
          size: halfPoints(size),
          font: runFont(FONTS.table),
        }),
    ),
  });
}

/** Borders of every table: single lines of 0.5 pt (w:sz is in eighths of a point). */
function tableBorders(d: Docx) {
  const line = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

/** The paragraph style of table text (single spacing, no indent): defined with the document's styles. */
export const TABLE_STYLE = 'OgiTable';

// ---------------------------------------------------------------- Markdown tables of the prose

export interface ItemsCell {
  runs: RunSpec[];
  header: boolean;
  align?: 'left' | 'center' | 'right';
}
export interface ItemsTable {
  rows: ItemsCell[][];
}

/** An ordinary Markdown table (a list of published items): full width, its head repeated on each page. */
export function itemsTable(d: Docx, table: ItemsTable): Table {
  const width = Math.max(1, ...table.rows.map((r) => r.length));
  // Columns as wide as their longest text (within 2 and 24 ems): 序号 narrow, 名称 wide.
  const ems = Array.from({ length: width }, (_, c) =>
    Math.min(24, Math.max(2, ...table.rows.map((r) => emWidth(r[c]?.runs.map((s) => s.text).join('') ?? '') + 1))),
  );
  const columns = columnTwips(ems);
  const headRows = table.rows.findIndex((r) => !r.every((c) => c.header));
  const rows = table.rows.map(
    (row, i) =>
      new d.TableRow({
        tableHeader: headRows < 0 || i < headRows ? true : undefined,
        cantSplit: true,
        children: Array.from({ length: width }, (_, c) => {
          const cell = row[c];
          const align =
            cell?.align === 'center' || (cell?.header && !cell.align)
              ? d.AlignmentType.CENTER
              : cell?.align === 'right'
                ? d.AlignmentType.RIGHT
                : d.AlignmentType.LEFT;
          return new d.TableCell({
            width: { size: columns[c], type: d.WidthType.DXA },
            verticalAlign: d.VerticalAlignTable.CENTER,
            children: [
              new d.Paragraph({
                style: TABLE_STYLE,
                alignment: align,
                children: textRuns(d, cell?.runs ?? [], {
                  font: FONTS.table,
                  size: SIZE.wu,
                  bold: cell?.header,
                }),
              }),
            ],
          });
        }),
      }),
  );
  return fixedTable(d, rows, columns);
}
