// The text importer: lines of a report's text (copied from a page, a text file, or a PDF's lines from
// the PDF reader) to `.ogi.md`. Rows are found as a label followed by its values; wrapped labels,
// header cells one per line, page markers between rows, pipe-flattened rows, full-width digits,
// thousands separators and Kangxi radicals (NFKC) are all read; the statute's labels and their order
// anchor every row.
import { assemble, type Item } from './assemble';
import { fixRadicals } from './values';
import type { ImportOptions, ImportResult, SourceKind, SourceLine } from './types';

/** Imports a report from its lines, each with where it is in the source. */
export function importTextLines(
  lines: SourceLine[],
  options: ImportOptions = {},
  source: SourceKind = 'text',
): ImportResult {
  const items: Item[] = lines.map((l) => ({ kind: 'line', text: fixRadicals(l.text), where: l.where }));
  return assemble({ items, source }, options);
}

/** Imports a report from its text: split into lines (numbered from 1) and read as `importTextLines`. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  return importTextLines(
    lines.map((t, i) => ({ text: t, where: { line: i + 1 } })),
    options,
  );
}
