// The files the editor's "Export to Word" and "Export to PDF" write: made here, in the language
// server (the client stays thin), the PDF printed by Chromium as the CLI prints it.
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { resolveLocale, translator } from '../i18n/messages';
import { printPdf } from '../output/pdf';
import { OutputError } from '../output/write';
import type { ExportParams } from '../protocol';
import { renderDocument, renderDocx, type Report } from '../service';

/** The file's bytes; a failure the user must read (no Chromium) as a ResponseError with that message. */
export async function exportFile(
  report: Report,
  format: ExportParams['format'],
  locale: string | undefined,
): Promise<Uint8Array> {
  try {
    if (format === 'docx') return await renderDocx(report);
    if (format === 'pdf')
      return await printPdf(renderDocument(report, { mode: 'export', locale }), translator(resolveLocale(locale)));
  } catch (e) {
    if (e instanceof OutputError) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
    throw e;
  }
  throw new ResponseError(ErrorCodes.InvalidParams, `ogiReport/export: unknown format ${String(format)}`);
}
