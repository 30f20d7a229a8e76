// Importing a published report: a source file's bytes to `.ogi.md`, by the file's type. Pure: the
// caller reads the file and writes the result.
import { sourceExtension } from './extensions';
import { decodeUndeclared, importHtml } from './html';
import { pdfToLines } from './pdf';
import { importText, importTextLines } from './text';
import { importDocx } from './word';
import { ImportRefusal, type ImportOptions, type ImportResult } from './types';

export { importText, importTextLines } from './text';
export { importHtml, importHtmlText } from './html';
export { importDocx } from './word';
export { ImportRefusal } from './types';
export { describeDoubt, describeRefusal, describeSummary, describeWhere } from './describe';
export type * from './types';

export { SOURCE_EXTENSIONS, REFUSED_EXTENSIONS, sourceExtension, isImportSource } from './extensions';

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
      return importTextLines(await pdfToLines(bytes), options, 'pdf');
    case '.doc':
    case '.wps':
      throw new ImportRefusal('legacyWord');
    default:
      throw new ImportRefusal('unsupported', ext || fileName);
  }
}

/** A text file as UTF-8 (BOM allowed), else as GB18030 (GBK/GB2312 text saved on Chinese Windows). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ImportRefusal('notText', 'NUL');
  return decodeUndeclared(bytes);
}
