// Importing a published report: a source file's bytes to `.ogi.md`, by the file's type. Pure: the
// caller reads the file and writes the result.
import { importHtml } from './html';
import { importText, importTextLines } from './text';
import { importDocx } from './word';
import { ImportRefusal, type ImportOptions, type ImportResult, type SourceLine } from './types';

export { importText, importTextLines } from './text';
export { importHtml, importHtmlText } from './html';
export { importDocx } from './word';
export { ImportRefusal } from './types';
export { describeDoubt, describeRefusal, describeSummary, describeWhere } from './describe';
export type * from './types';

/** The source types `importSource` reads, by extension (lower case, with the dot). */
export const SOURCE_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt', '.md'] as const;
/** Types recognised only to be refused with advice (.doc/.wps: save as .docx). */
export const REFUSED_EXTENSIONS = ['.doc', '.wps'] as const;

/** The extension `importSource` dispatches on: `.ogi.md` is a report, not a source. */
export function sourceExtension(fileName: string): string {
  const lower = fileName.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? '' : lower.slice(dot);
}

export async function importSource(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const ext = sourceExtension(fileName);
  switch (ext) {
    case '.txt':
    case '.md':
      return importText(decodeText(bytes), options);
    case '.html':
    case '.htm':
      return importHtml(bytes, options);
    case '.docx':
      return importDocx(bytes, options);
    case '.pdf':
      return importTextLines(await pdfLines(bytes), options, 'pdf');
    case '.doc':
    case '.wps':
      throw new ImportRefusal('legacyWord');
    default:
      throw new ImportRefusal('unsupported', ext || fileName);
  }
}

/** The PDF reader's lines (server/src/import/pdf.ts, `pdfToLines`), wired in by the PDF reader's author. */
async function pdfLines(_bytes: Uint8Array): Promise<SourceLine[]> {
  throw new ImportRefusal('pdfUnavailable');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A text file as UTF-8 (BOM allowed), else as GB18030 (GBK/GB2312 text saved on Chinese Windows). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ImportRefusal('notText', 'NUL');
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
