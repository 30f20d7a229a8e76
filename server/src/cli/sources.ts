// `check` of published documents (IMPORT.md): the inputs that are sources (PDF, Word, web pages, text)
// are imported in memory — on every core when there are many, as the check itself runs — and checked
// as the `.ogi.md` they import to; each finding then also names its place in the source (a PDF page, a
// table's row and column). A source that cannot be imported is an input problem (exit 2), with the reason.
import { readFileSync, statSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { resolveLocale, translator, type Translate } from '../i18n/messages';
import type { Finding, SourceInfo } from '../findings';
import { loadImporter } from '../import/load';
import { describeWhere, packSpans, packedLocationAt } from '../import/locate';
import type { SourceKind } from '../import/types';
import type { FindingSource, InputProblem } from './sarif';
import { MAX_SOURCE_BYTES } from './import';
import { onWorkers, threadsFor } from './workers';

/** Below this many sources, starting workers costs more than it saves. */
const MIN_SOURCES_FOR_WORKERS = 8;

export type Imported =
  { ok: true; text: string; spans: Int32Array; kind: SourceKind } | { ok: false; reason: string; message: string };

interface Job {
  kind: 'ogi-report-import';
  files: { path: string; shown: string }[];
  locale: string;
}

/** Imports one source for checking; never throws (a refusal or a failure is its message). */
export async function importForCheck(path: string, shown: string, locale: string): Promise<Imported> {
  const t = translator(resolveLocale(locale));
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_SOURCE_BYTES)
      return {
        ok: false,
        reason: 'tooLarge',
        message: t('importRefusedTooLarge', { path: shown, detail: `> ${MAX_SOURCE_BYTES} bytes` }),
      };
    bytes = readFileSync(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return { ok: false, reason, message: t('cliUnreadable', { path: shown, reason }) };
  }
  const importer = loadImporter();
  try {
    const r = await importer.importSource(bytes, path, { locale });
    return { ok: true, text: r.text, spans: packSpans(r.spans), kind: r.source };
  } catch (e) {
    if (e instanceof importer.ImportRefusal)
      return { ok: false, reason: e.reason, message: importer.describeRefusal(e.reason, e.detail, shown, t) };
    return { ok: false, reason: 'failed', message: t('importFailed', { path: shown, detail: String(e) }) };
  }
}

/** Imports the sources, in input order, on worker threads when there are many (from the bundle only). */
export async function importAll(files: { path: string; shown: string }[], locale: string): Promise<Imported[]> {
  const threads = threadsFor(files.length, MIN_SOURCES_FOR_WORKERS);
  if (!threads) {
    const out: Imported[] = [];
    for (const f of files) out.push(await importForCheck(f.path, f.shown, locale));
    return out;
  }
  return onWorkers<{ path: string; shown: string }, Imported>(
    files,
    threads,
    (part) => ({ kind: 'ogi-report-import', files: part, locale }) satisfies Job,
  );
}

if (!isMainThread && (workerData as Job | undefined)?.kind === 'ogi-report-import') {
  const job = workerData as Job;
  (async () => {
    const out: Imported[] = [];
    for (const f of job.files) out.push(await importForCheck(f.path, f.shown, job.locale));
    // The packed spans move to the main thread rather than being copied.
    parentPort!.postMessage(
      out,
      out.flatMap((r) => (r.ok ? [r.spans.buffer as ArrayBuffer] : [])),
    );
  })().catch((e) => {
    throw e;
  });
}

type Readable = { file: string; text: string; source: SourceInfo; importPath?: string };
type Order = ['file' | 'problem', number][];

/**
 * The inputs `readInputs` found, with every source imported: a source's entry gets its text and spans,
 * or becomes a problem in its place. Returns new lists (indexes renumbered) and the spans per file.
 */
export async function withImports(
  inputs: { readable: Readable[]; problems: InputProblem[]; order: Order },
  locale: string,
): Promise<{ readable: Readable[]; problems: InputProblem[]; order: Order; spans: (Int32Array | undefined)[] }> {
  const sources = inputs.readable.flatMap((r, i) =>
    r.importPath ? [{ index: i, path: r.importPath, shown: r.file }] : [],
  );
  if (sources.length === 0) return { ...inputs, spans: inputs.readable.map(() => undefined) };
  const imported = await importAll(sources, locale);
  const byIndex = new Map(sources.map((s, k) => [s.index, imported[k]]));
  const readable: Readable[] = [];
  const problems: InputProblem[] = [...inputs.problems];
  const spans: (Int32Array | undefined)[] = [];
  const order: Order = inputs.order.map(([kind, i]) => {
    if (kind === 'problem') return [kind, i];
    const r = inputs.readable[i];
    const result = byIndex.get(i);
    if (result && !result.ok) {
      problems.push({ file: r.file, reason: result.reason, message: result.message });
      return ['problem', problems.length - 1];
    }
    readable.push(result?.ok ? { ...r, text: result.text } : r);
    spans.push(result?.ok ? result.spans : undefined);
    return ['file', readable.length - 1];
  });
  return { readable, problems, order, spans };
}

/** A finding's place in the source its report was imported from, if the imported text knows it. */
export function findingSource(spans: Int32Array, f: Finding, t: Translate): FindingSource | undefined {
  const location = packedLocationAt(spans, f.range.start.line, f.range.start.character);
  return location ? { location, text: describeWhere(location, t) } : undefined;
}
