// The grid of a statutory table (grid.ts) as an HTML table, findings marked on their cells in preview.
import { attrs, classes, escapeHtml } from './html';
import { findingAttrs, type Marks } from './marks';
import type { Grid, GridCell, GridRow } from './grid';

// ---------------------------------------------------------------- serialisation

export interface GridHtmlOptions {
  marks: Marks;
  /** HTML placed after the table, rendered after the cells and before the table takes what is left. */
  after?: () => string;
  /** The source of the whole block: findings no cell shows go on the table. */
  source: { start: number; end: number };
  line: number;
  computedTitle?: string;
}

export function gridToHtml(grid: Grid, o: GridHtmlOptions): string {
  const cell = (c: GridCell) => {
    const tag = c.header ? 'th' : 'td';
    const found = c.source ? o.marks.at(c.source.start, c.source.end) : [];
    const fa = findingAttrs(found, classes(c.className, c.computed && 'ogi-computed'));
    const title = fa.title ?? (c.computed && o.marks.enabled ? o.computedTitle : undefined);
    const scope = c.header && c.className?.includes('ogi-label') ? 'row' : c.header ? 'col' : undefined;
    const content = c.header
      ? breakHints(c.text, c.keep)
          .map(escapeHtml)
          .join(`<wbr${attrs({ 'data-line': c.line })}>`)
      : escapeHtml(c.text);
    const span = (n: number | undefined) => (n && n > 1 ? n : undefined);
    const cellAttrs = attrs({
      class: fa.class,
      title,
      colspan: span(c.colspan),
      rowspan: span(c.rowspan),
      scope,
      'data-line': c.line,
    });
    return `<${tag}${cellAttrs}>${content}</${tag}>`;
  };
  const row = (r: GridRow) =>
    `<tr${attrs({ class: r.className, 'data-line': r.line })}>${r.cells.map(cell).join('')}</tr>\n`;
  const cols = grid.widths
    .map((w) => `<col${attrs({ style: `width:${w.toFixed(2)}%`, 'data-line': o.line })}>`)
    .join('');
  const head = grid.head.length
    ? `<thead${attrs({ 'data-line': o.line })}>\n${grid.head.map(row).join('')}</thead>\n`
    : '';
  const bodies = grid.bodies
    .map((b) => `<tbody${attrs({ 'data-line': b[0]?.line ?? o.line })}>\n${b.map(row).join('')}</tbody>\n`)
    .join('');
  // Cells first: the table takes only what no cell shows.
  const inner = `<colgroup${attrs({ 'data-line': o.line })}>${cols}</colgroup>\n${head}${bodies}`;
  const after = o.after?.() ?? '';
  const fa = findingAttrs(o.marks.unusedAt(o.source.start, o.source.end), `ogi-table ogi-table-${grid.id}`);
  return `<table${attrs({ ...fa, 'data-line': o.line })}>\n${inner}</table>\n${after}`;
}

// Header cells break lines between words only (CSS word-break: keep-all + <wbr>): 商业/企业, not 商业企/业.
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;
const OPENING = /^[（(“‘《【〔]+$/;
const CLOSING = /^[）)”’》】〕、，。：；！？.,:;!?%]+$/;

/** The words of a label, punctuation kept with its word and the numbering with the first word. */
export function breakHints(text: string, keep = 0): string[] {
  if (!segmenter) return [text];
  const chunks: string[] = [];
  let pending = text.slice(0, keep);
  for (const { segment } of segmenter.segment(text.slice(keep))) {
    if (OPENING.test(segment)) pending += segment;
    else if (CLOSING.test(segment) && chunks.length && !pending) chunks[chunks.length - 1] += segment;
    else {
      chunks.push(pending + segment);
      pending = '';
    }
  }
  if (pending) chunks.push(pending);
  return chunks;
}
