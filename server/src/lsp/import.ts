// "OGI Report: Import…" in the language server: the editor sends a source file's bytes (it reads them,
// from whatever file system the workspace is on) and writes the `.ogi.md` it gets back. The importer is
// loaded on the first import only, so the server's start and its memory stay those of a checker.
import { translator, resolveLocale } from '../i18n/messages';
import { loadImporter } from '../import/load';
import type { ImportParams, ImportReply } from '../protocol';

/** Sources larger than this are refused before being decoded (the readers' own limits are smaller). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export async function importForEditor(params: ImportParams, locale: string | undefined): Promise<ImportReply> {
  const t = translator(resolveLocale(locale));
  const name = params.fileName.replace(/^.*[\\/]/, '');
  const importer = loadImporter();
  const bytes = Buffer.from(params.data, 'base64');
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      refused: t('importRefusedTooLarge', { path: name, detail: `> ${MAX_IMPORT_BYTES} bytes` }),
      summary: [],
      doubts: 0,
    };
  try {
    const r = await importer.importSource(bytes, name, { locale });
    return { text: r.text, summary: importer.describeSummary(r.summary, t), doubts: r.summary.doubts.length };
  } catch (e) {
    if (e instanceof importer.ImportRefusal)
      return { refused: importer.describeRefusal(e.reason, e.detail, name, t), summary: [], doubts: 0 };
    return {
      refused: t('importFailed', { path: name, detail: String((e as Error)?.message ?? e) }),
      summary: [],
      doubts: 0,
    };
  }
}
