// Table rows in flat text (copied from a page, or a PDF's lines): a row is a label followed by its
// values on one line; a wrapped label's other parts are the lines without values around it; header
// cells, captions and page markers are lines of their own. Values are read from the end of a line, so
// numbering and digits inside a label (`2.`, `第二十条`) stay in the label.
import type { SourceRow } from './recognize';
import type { SourceLocation } from './types';
import { compact, isValueToken } from './values';

export interface TextLine {
  text: string;
  where: SourceLocation;
  /** Position of the line in the document's items. */
  index: number;
}

export interface TextRow extends SourceRow {
  /** Item index of the line holding the values. */
  index: number;
}

// A cell separator in flat text: spaces of every kind, tabs, and the pipes of a flattened table.
const TOKEN = /[^\s\u00a0\u3000|｜]+/g;
// A Markdown table's delimiter row.
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** A line split into its label (as printed, up to its first trailing value) and its trailing values. */
export function splitRow(text: string): { label: string; values: string[] } {
  const tokens = [...text.matchAll(TOKEN)];
  let k = tokens.length;
  while (k > 0 && isValueToken(tokens[k - 1][0])) k--;
  const values = tokens.slice(k).map((t) => t[0]);
  const label = k > 0 ? text.slice(0, tokens[k - 1].index! + tokens[k - 1][0].length).trim() : '';
  return { label, values };
}

/**
 * The rows of a stretch of lines. `furniture` says whether a line without values can be part of a table
 * (a wrapped label's part, a header cell): only such lines are joined to a row's label.
 */
export function textRows(lines: TextLine[], furniture: (text: string) => boolean): TextRow[] {
  const rows: TextRow[] = [];
  let pending: string[] = [];
  let last: TextRow | undefined;
  for (const line of lines) {
    if (DELIMITER_ROW.test(line.text)) continue;
    const { label, values } = splitRow(line.text);
    if (values.length === 0) {
      if (compact(line.text) === '') continue;
      if (!furniture(line.text)) {
        pending = [];
        last = undefined;
        continue;
      }
      if (last && last.after.length === 0) last.after.push(line.text);
      pending.push(line.text);
      if (pending.length > 3) pending.shift();
      continue;
    }
    const row: TextRow = {
      label,
      before: pending,
      after: [],
      cells: values.map((raw) => ({ raw, where: line.where })),
      positional: false,
      where: line.where,
      index: line.index,
    };
    rows.push(row);
    pending = [];
    last = row;
  }
  return rows;
}

/** Page furniture between a table's rows: `- 3 -`, `—3—`, `第3页`, `第 3 页 共 10 页`, `3/10`. */
export function isPageMarker(text: string): boolean {
  if (text.length > 40) return false;
  const c = compact(text);
  return (
    /^[-—–－~]+\d{1,4}[-—–－~]+$/.test(c) ||
    /^第\d{1,4}页(?:[,，]?共\d{1,4}页)?$/.test(c) ||
    /^\d{1,4}\/\d{1,4}$/.test(c) ||
    /^(?:page)?\d{1,4}of\d{1,4}$/i.test(c)
  );
}
