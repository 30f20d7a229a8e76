// What importing a published report deals in: where a piece of the source is, the lines a source
// reader hands the text importer, and what an import gives back. The boundary between the source
// readers (text, HTML, Word, PDF) and the statutory recognition; plain data.
import type { SectionNumber } from '../parse/model';

/** Where something is in the source: PDF page; HTML or Word table, row and column; a text line. 1-based. */
export interface SourceLocation {
  page?: number;
  table?: number;
  row?: number;
  column?: number;
  line?: number;
}

/** One line of a source's text, with where it came from (a PDF page's line, a text file's line). */
export interface SourceLine {
  text: string;
  where: SourceLocation;
}

/** What the caller knows better than the document (the command line's --template, --agency, --year). */
export interface ImportOptions {
  template?: string;
  agency?: string;
  year?: number;
  /** Language of the comments the importer writes into the text (zh-cn unless English). */
  locale?: string;
}

/**
 * Something in the source the importer could not read with certainty. `kind`:
 * - `rowValues`: a row whose numbers cannot be placed in its columns (a flat row with a blank cell);
 * - `rowUnplaced`: a row whose place in the statutory table is not certain (kept under its label);
 * - `rowMissing`: a statutory row not found in the source;
 * - `tableMissing`: a statutory table not found in the source;
 * - `cellUnreadable`: a cell whose text is not a value of any kind.
 */
export type DoubtKind = 'rowValues' | 'rowUnplaced' | 'rowMissing' | 'tableMissing' | 'cellUnreadable';

export interface ImportDoubt {
  kind: DoubtKind;
  /** The statutory table's id (`requests`, …). */
  table: string;
  /** The row: its statutory path joined with `/`, or its label as published when unplaced. */
  row?: string;
  column?: string;
  /** The source text concerned, as published (a row's numbers, a cell). */
  text?: string;
  /** Values found and values expected, for `rowValues`. */
  found?: number;
  expected?: number;
  where: SourceLocation;
}

/** Metadata the importer found, and where the value came from. */
export type TemplateBasis = 'option' | 'tables' | 'year' | 'default';

export interface ImportSummary {
  template: string;
  /** How the template was chosen: the command line, the tables' shape and labels, the year, the default. */
  templateFrom: TemplateBasis;
  agency?: string;
  year?: number;
  issued?: string;
  contact?: string;
  /** Statutory sections found in the source, in the order found. */
  sections: SectionNumber[];
  /** Each statutory table: found or not, and where. */
  tables: { id: string; found: boolean; where?: SourceLocation }[];
  /** Statutory cells: read (a number, or a value kept verbatim), blank as published, not readable. */
  cells: { read: number; blank: number; unreadable: number };
  doubts: ImportDoubt[];
}

/** A stretch of the imported text (zero-based line, UTF-16 characters [start, end)) and its source. */
export interface SourceSpan {
  line: number;
  start: number;
  end: number;
  where: SourceLocation;
}

export interface ImportResult {
  /** The `.ogi.md` text. */
  text: string;
  summary: ImportSummary;
  /** Where each imported line (and each table cell within its line) came from, for check's locations. */
  spans: SourceSpan[];
  /** What the source was: the kind of reader that read it. */
  source: SourceKind;
}

export type SourceKind = 'text' | 'html' | 'word' | 'pdf';

/**
 * Why a source cannot be imported at all (exit 2, nothing written). The host says what it is and
 * what to do through the message `importRefused` + the reason with its first letter capitalised.
 */
export type RefusalReason =
  | 'unsupported' // not a type the importer reads
  | 'legacyWord' // .doc / .wps: save as .docx
  | 'scanned' // a PDF without a text layer (图片版)
  | 'encrypted' // a password-protected PDF
  | 'damaged' // a file that does not open as its type
  | 'tooLarge' // beyond the importer's limits (size, zip entries, pages)
  | 'scriptBody' // a web page whose report is loaded by script
  | 'noTables' // no statutory table anywhere in the document
  | 'notText' // a text file that is not text
  | 'pdfUnavailable'; // the PDF reader is not part of this build

export class ImportRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** A detail for the message (a limit, an underlying error), not translated. */
    readonly detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'ImportRefusal';
  }
}
