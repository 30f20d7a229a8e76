// The statutory tables in their official layout (STATUTE.md §2–4) as a grid of cells with their
// rowspans and colspans: the one computation every renderer (HTML, Word) reads. The template's data
// gives the layout, rows, columns, labels, numbering, captions and widths; this file the spans.
import type { Column, GroupDef, NodeDef, TableDef } from '../statute';
import { Evaluator, rowAmount } from '../evaluate';
import type { Report } from '../parse/model';
import { pathKey } from '../parse/table';
import type { Cell, RowInstance, TableInstance } from '../parse/tableModel';
import { normalizeName } from '../parse/normalize';

export interface GridCell {
  header: boolean;
  text: string;
  colspan?: number;
  rowspan?: number;
  line: number;
  /** The source this cell shows, for findings. */
  source?: { start: number; end: number };
  className?: string;
  /** A total the author left out, shown as computed. */
  computed?: boolean;
  /** Length of a leading numbering (（三）, 1.) that must stay with the first word. */
  keep?: number;
}
export interface GridRow {
  line: number;
  cells: GridCell[];
  className?: string;
}
export interface Grid {
  id: string;
  /** Column widths in percent; their count is the grid width. */
  widths: number[];
  head: GridRow[];
  bodies: GridRow[][];
}

export interface TableContext {
  report: Report;
  instance: TableInstance;
  /** Line of the opening fence: where statutory text without a source of its own points. */
  line: number;
}

export function buildGrid(ctx: TableContext): Grid {
  const def = ctx.instance.def;
  switch (def.layout) {
    case 'columns':
      return columnGroupsGrid(ctx, def);
    case 'blocks':
      return blockGrid(ctx, def);
    case 'rows':
      return rowTreeGrid(ctx, def);
  }
}

// ---------------------------------------------------------------- shared pieces

const lineOf = (ctx: TableContext, offset: number) => ctx.report.lines.position(offset).line;
const label = (def: NodeDef) => `${def.numbering}${def.label}`;

function labelCell(ctx: TableContext, def: NodeDef, path: string[], extra: Partial<GridCell> = {}): GridCell {
  const row = ctx.instance.rows.get(pathKey(path));
  const group = ctx.instance.groups.get(pathKey(path));
  const key = row
    ? { start: row.keyStart, end: row.keyEnd }
    : group
      ? { start: group.keyStart, end: group.keyEnd }
      : undefined;
  return {
    header: true,
    text: label(def),
    keep: def.numbering.length,
    line: key ? lineOf(ctx, key.start) : ctx.line,
    source: key,
    className: 'ogi-label',
    ...extra,
  };
}

function rowLine(ctx: TableContext, path: string[]): number {
  const row = ctx.instance.rows.get(pathKey(path));
  return row ? lineOf(ctx, row.keyStart) : ctx.line;
}

/** The data cells of the row at `path`: as written, computed where a total was left out, else empty. */
function dataCells(ctx: TableContext, def: NodeDef, path: string[], columns: Column[]): GridCell[] {
  const row = ctx.instance.rows.get(pathKey(path));
  return columns.map((column, i) => {
    if (row) return writtenCell(ctx, row, i);
    if (def.kind === 'row' && def.computed) {
      const term = new Evaluator(ctx.instance).amount(path, i);
      if (!term.absent && !term.unusable)
        return numberCell(ctx, formatNumber(term.value, column), ctx.line, undefined, true);
    }
    return numberCell(ctx, '', ctx.line);
  });
}

function writtenCell(ctx: TableContext, row: RowInstance, i: number): GridCell {
  const column = row.columns[i];
  const cell = row.cells[i];
  const line = cell ? lineOf(ctx, cell.start) : lineOf(ctx, row.keyStart);
  // A column missing from a mapping row has no source of its own: its finding shows on the row's key.
  const written = cell && !row.missingColumns.some((m) => m.column === column);
  const source = written ? { start: cell.start, end: cell.end } : undefined;
  if (column.isTotal && (!cell || cell.blank)) {
    const term = rowAmount(row, i);
    return term.unusable
      ? numberCell(ctx, '', line, source)
      : numberCell(ctx, formatNumber(term.value, column), line, source, true);
  }
  if (!cell || cell.blank) return numberCell(ctx, '', line, source);
  return numberCell(ctx, cellText(cell), line, source);
}

function cellText(cell: Cell): string {
  if (cell.invalid) return cell.raw;
  if (cell.column.kind === 'money') return normalizeName(cell.raw).replace(/^\+/, '');
  return String(cell.value);
}

function formatNumber(n: number, column: Column): string {
  return column.kind === 'money' ? String(n) : String(Math.round(n));
}

function numberCell(
  ctx: TableContext,
  text: string,
  line: number,
  source?: { start: number; end: number },
  computed = false,
): GridCell {
  return { header: false, text, line, source, className: 'ogi-num', computed };
}

/** Rows under a node, leaves first-to-last; a group written as one row counts as a leaf. */
function leafCount(ctx: TableContext, def: NodeDef, path: string[]): number {
  if (def.kind !== 'group' || ctx.instance.rows.get(pathKey(path))?.groupAsRow) return 1;
  return def.children.reduce((n, c) => n + leafCount(ctx, c, [...path, c.key]), 0);
}

function depth(nodes: NodeDef[]): number {
  return Math.max(...nodes.map((n) => (n.kind === 'group' ? 1 + depth(n.children) : 1)));
}

// ---------------------------------------------------------------- section 三: rows as a tree

function rowTreeGrid(ctx: TableContext, def: TableDef): Grid {
  const labelColumns = depth(def.nodes);
  const columns = def.columns;
  const caption = def.columnCaption;
  const nested = columns.some((c) => c.parent);
  const headRows = (caption ? 1 : 0) + (nested ? 2 : 1);
  const head: GridRow[] = Array.from({ length: headRows }, () => ({ line: ctx.line, cells: [] }));
  head[0].cells.push({
    header: true,
    text: def.cornerNote ?? '',
    colspan: labelColumns,
    rowspan: headRows,
    line: ctx.line,
    className: 'ogi-corner',
  });
  let level = 0;
  if (caption)
    head[level++].cells.push({
      header: true,
      text: caption,
      colspan: columns.length,
      line: ctx.line,
      className: 'ogi-colhead',
    });
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (!nested || !c.parent) {
      head[level].cells.push({
        header: true,
        text: c.label,
        rowspan: nested ? 2 : 1,
        line: ctx.line,
        className: 'ogi-colhead',
      });
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j].parent === c.parent) j++;
    head[level].cells.push({ header: true, text: c.parent, colspan: j - i, line: ctx.line, className: 'ogi-colhead' });
    for (let k = i; k < j; k++)
      head[level + 1].cells.push({ header: true, text: columns[k].label, line: ctx.line, className: 'ogi-colhead' });
    i = j - 1;
  }

  const body: GridRow[] = [];
  const walk = (nodes: NodeDef[], parent: string[], level: number): GridRow[] => {
    const out: GridRow[] = [];
    for (const node of nodes) {
      const path = [...parent, node.key];
      if (node.kind === 'group' && !ctx.instance.rows.get(pathKey(path))?.groupAsRow) {
        const rows = walk(node.children, path, level + 1);
        // The outermost group label (三、本年度办理结果) stands vertically in its narrow column, as printed.
        rows[0].cells.unshift(
          labelCell(ctx, node, path, {
            rowspan: leafCount(ctx, node, path),
            className: level === 0 ? 'ogi-label ogi-group ogi-vertical' : 'ogi-label ogi-group',
          }),
        );
        out.push(...rows);
      } else {
        out.push({
          line: rowLine(ctx, path),
          cells: [
            labelCell(ctx, node, path, { colspan: labelColumns - level }),
            ...dataCells(ctx, node, path, columns),
          ],
        });
      }
    }
    return out;
  };
  body.push(...walk(def.nodes, [], 0));

  // The printed label widths when the data gives one per label column, else a share of 42 %; equal numbers.
  const labelWidths =
    def.labelWidths?.length === labelColumns
      ? def.labelWidths
      : Array.from({ length: labelColumns }, () => 42 / labelColumns);
  const numberWidth = (100 - labelWidths.reduce((a, b) => a + b, 0)) / columns.length;
  return { id: def.id, widths: [...labelWidths, ...columns.map(() => numberWidth)], head, bodies: [body] };
}

// ---------------------------------------------------------------- section 四: rows as column groups

function columnGroupsGrid(ctx: TableContext, def: TableDef): Grid {
  const columns = def.columns;
  const levels = depth(def.nodes) + 1;
  const head: GridRow[] = Array.from({ length: levels }, () => ({ line: ctx.line, cells: [] }));
  const data: GridCell[] = [];
  const walk = (nodes: NodeDef[], parent: string[], level: number) => {
    for (const node of nodes) {
      const path = [...parent, node.key];
      const isGroup = node.kind === 'group' && !ctx.instance.rows.get(pathKey(path))?.groupAsRow;
      const width = isGroup ? leafCount(ctx, node, path) * columns.length : columns.length;
      head[level].cells.push(labelCell(ctx, node, path, { colspan: width, className: 'ogi-colhead' }));
      if (isGroup) {
        walk((node as GroupDef).children, path, level + 1);
      } else {
        for (const c of columns)
          head[level + 1].cells.push({
            header: true,
            text: c.label,
            rowspan: levels - level - 1,
            line: ctx.line,
            className: 'ogi-colhead',
          });
        data.push(...dataCells(ctx, node, path, columns));
      }
    }
  };
  walk(def.nodes, [], 0);
  const dataLine = data.find((c) => c.source)?.line ?? ctx.line;
  const width = data.length;
  return {
    id: def.id,
    widths: data.map(() => 100 / width),
    head: head.filter((r) => r.cells.length),
    bodies: [[{ line: dataLine, cells: data }]],
  };
}

// ---------------------------------------------------------------- section 二: captioned blocks

function blockGrid(ctx: TableContext, def: TableDef): Grid {
  const groups = def.nodes as GroupDef[];
  const width = 1 + Math.max(...groups.map((g) => g.columns!.length));
  const bodies = groups.map((g): GridRow[] => {
    const path = [g.key];
    const columns = g.columns!;
    const fill = width - columns.length; // the last column spans what the block does not use
    const span = (i: number) => (i === columns.length - 1 && fill > 1 ? fill : undefined);
    const caption = labelCell(ctx, g, path, { colspan: width, className: 'ogi-caption' });
    const rows: GridRow[] = [
      { line: caption.line, cells: [caption], className: 'ogi-caption-row' },
      {
        line: caption.line,
        cells: [
          { header: true, text: def.contentHeader ?? '', line: caption.line, className: 'ogi-colhead' },
          ...columns.map((c, i): GridCell => ({
            header: true,
            text: c.label,
            colspan: span(i),
            line: caption.line,
            className: 'ogi-colhead',
          })),
        ],
      },
    ];
    for (const child of g.children) {
      const childPath = [...path, child.key];
      const cells = dataCells(ctx, child, childPath, columns).map((c, i) => ({ ...c, colspan: span(i) }));
      rows.push({ line: rowLine(ctx, childPath), cells: [labelCell(ctx, child, childPath), ...cells] });
    }
    return rows;
  });
  const labelWidth = width > 2 ? (def.labelWidths?.[0] ?? 31) : 50;
  return {
    id: def.id,
    widths: [labelWidth, ...Array.from({ length: width - 1 }, () => (100 - labelWidth) / (width - 1))],
    head: [],
    bodies,
  };
}
