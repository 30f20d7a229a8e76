// Where in the source a place of the imported text came from: the narrowest span holding it (a table
// cell within its row's line), else the line's own span; and such a place in words. Pure and small: hosts
// use it without loading the importer.
import type { Translate } from '../i18n/messages';
import type { SourceLocation, SourceSpan } from './types';

export function sourceLocationAt(
  spans: readonly SourceSpan[],
  line: number,
  character: number,
): SourceLocation | undefined {
  let best: SourceSpan | undefined;
  let onLine: SourceSpan | undefined;
  for (const s of spans) {
    if (s.line !== line) continue;
    if (!onLine || s.end - s.start > onLine.end - onLine.start) onLine = s;
    if (s.start <= character && character < Math.max(s.end, s.start + 1))
      if (!best || s.end - s.start < best.end - best.start) best = s;
  }
  return (best ?? onLine)?.where;
}

/**
 * Spans packed eight numbers each (line, start, end, page, table, row, column, source line; -1 for none):
 * what crosses between threads when many sources are imported — a few bytes a span, no objects to clone.
 */
export function packSpans(spans: readonly SourceSpan[]): Int32Array {
  const out = new Int32Array(spans.length * 8);
  spans.forEach((s, i) => {
    const w = s.where;
    out.set([s.line, s.start, s.end, w.page ?? -1, w.table ?? -1, w.row ?? -1, w.column ?? -1, w.line ?? -1], i * 8);
  });
  return out;
}

/** `sourceLocationAt` over packed spans. */
export function packedLocationAt(packed: Int32Array, line: number, character: number): SourceLocation | undefined {
  const spans: SourceSpan[] = [];
  const keys = ['page', 'table', 'row', 'column', 'line'] as const;
  for (let i = 0; i < packed.length; i += 8) {
    if (packed[i] !== line) continue;
    const where: SourceLocation = {};
    keys.forEach((k, j) => {
      if (packed[i + 3 + j] >= 0) where[k] = packed[i + 3 + j];
    });
    spans.push({ line, start: packed[i + 1], end: packed[i + 2], where });
  }
  return sourceLocationAt(spans, line, character);
}

/** `第3页`, `表2 第5行 第9列`, `第12行`: a source location as a reader looks for it. */
export function describeWhere(where: SourceLocation, t: Translate): string {
  const parts: string[] = [];
  if (where.page !== undefined) parts.push(t('importWherePage', { page: where.page }));
  if (where.table !== undefined) {
    parts.push(t('importWhereTable', { table: where.table }));
    if (where.row !== undefined) parts.push(t('importWhereRow', { row: where.row }));
    if (where.column !== undefined) parts.push(t('importWhereColumn', { column: where.column }));
  } else if (where.line !== undefined) parts.push(t('importWhereLine', { line: where.line }));
  return parts.length ? parts.join(' ') : t('importWhereDocument');
}
