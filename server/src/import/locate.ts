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
