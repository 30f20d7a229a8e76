// The PDF reader: a PDF's text layer → lines in reading order, each with its page, for the text
// importer. pdf.js (pdfjs-dist's legacy build, the last line on Node 20) reads the PDF in a worker
// thread (pdfWorker.ts, bundled alone as dist/pdf-worker.js), so it is loaded only when a PDF is
// imported, and a PDF that takes too long or too much memory is stopped whatever pdf.js is doing;
// the page geometry → lines is pdfLayout.ts. A PDF without text (a scan), with a password, or that
// does not open is refused.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { layoutLines } from './pdfLayout';
import type { PdfJob, PdfPage, PdfReply } from './pdfTypes';
import { ImportRefusal, type SourceLine } from './types';

export interface PdfLimits {
  /** Larger files are refused before pdf.js sees them. */
  maxBytes: number;
  maxPages: number;
  /** What its compressed streams but images may inflate to, in all (kilobytes can inflate to gigabytes). */
  maxInflatedBytes: number;
  /** Time for one PDF, from start to the last page's text. */
  timeoutMs: number;
  /** The worker's heap: a PDF that needs more is refused, the host stays up. */
  maxMemoryMb: number;
}

export const PDF_LIMITS: PdfLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxPages: 200,
  maxInflatedBytes: 128 * 1024 * 1024,
  timeoutMs: 30_000,
  maxMemoryMb: 512,
};

// Past the worker's own deadline (checked between pages), the thread is stopped from outside.
const STOP_GRACE_MS = 2_000;
// Workers kept for the next PDF (a folder of PDFs loads pdf.js once per worker, not per file), for a
// while: the language server gives their memory back soon after an import.
const KEEP_IDLE = 2;
// Less text than this per page, page numbers and running headers aside, is a scan (a report's page of
// prose or table holds hundreds of characters).
const MIN_CHARS_PER_PAGE = 30;
const IDLE_MS = 10_000;

export async function pdfToLines(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<SourceLine[]> {
  const pages = await pdfPages(bytes, limits);
  const lines = layoutLines(pages);
  const text = lines.map((l) => l.text).join('');
  // A scan with a page number or a stamp in text: what is left once those are dropped is no report.
  const visible = text.replace(/\s+/g, '').length;
  if (visible < MIN_CHARS_PER_PAGE * pages.length)
    throw new ImportRefusal('scanned', `${visible} characters on ${pages.length} pages`);
  // Fonts without a Unicode mapping come out as private-use or replacement characters: as unreadable
  // as a scan.
  const unmapped = [...text].filter((ch) => {
    const c = ch.codePointAt(0)!;
    return (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd || (c < 0x20 && c !== 0x09);
  }).length;
  if (unmapped > 0.3 * visible)
    throw new ImportRefusal('scanned', `${unmapped} of ${text.length} characters have no Unicode mapping`);
  return lines;
}

/** Every page's text runs as pdf.js positions them; refused as `pdfToLines` refuses. */
export async function pdfPages(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<PdfPage[]> {
  const lim = { ...PDF_LIMITS, ...limits };
  if (bytes.length > lim.maxBytes) throw new ImportRefusal('tooLarge', `${bytes.length} > ${lim.maxBytes} bytes`);
  const reply = await extract(bytes, lim);
  if (!reply.ok) {
    if (reply.reason === 'timeout') throw new ImportRefusal('tooLarge', `> ${Math.round(lim.timeoutMs / 100) / 10} s`);
    throw new ImportRefusal(reply.reason, reply.detail);
  }
  const chars = reply.pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.replace(/\s+/g, '').length, 0), 0);
  if (chars === 0) throw new ImportRefusal('scanned', `${reply.pages.length} pages, no text`);
  return reply.pages;
}

// ---- the worker threads ----

const idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];

function workerScript(): string | undefined {
  // Bundled: dist/pdf-worker.js beside this bundle. From the TypeScript sources (tests): the .ts file.
  if (__filename.endsWith('.ts')) return join(__dirname, 'pdfWorker.ts');
  const bundled = join(__dirname, 'pdf-worker.js');
  return existsSync(bundled) ? bundled : undefined;
}

function startWorker(maxMemoryMb: number): Worker {
  const script = workerScript();
  if (!script) throw new ImportRefusal('pdfUnavailable', 'dist/pdf-worker.js');
  const options = {
    // Never onto the host's stdout (the CLI's JSON, the server's stdio). Not read: the worker prints
    // nothing (pdfWorker.ts silences pdf.js), and a stream being read would keep the process alive.
    stdout: true,
    stderr: true,
    // Node's usual young generation, whatever the host's (the language server runs with a small one):
    // pdf.js allocates much and briefly.
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 48 },
  };
  const worker = script.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { ...options, eval: true })
    : new Worker(script, options);
  // While it waits in `idle` no job listens to it: an end there only takes it out of the pool.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    const k = idle.findIndex((w) => w.worker === worker);
    if (k >= 0) idle.splice(k, 1).forEach((w) => clearTimeout(w.timer));
  });
  return worker;
}

function extract(bytes: Uint8Array, lim: PdfLimits): Promise<PdfReply> {
  const kept = idle.pop();
  if (kept) clearTimeout(kept.timer);
  const worker = kept?.worker ?? startWorker(lim.maxMemoryMb);
  worker.ref();
  // The caller's bytes stay theirs: the worker gets a copy it owns.
  const copy = bytes.slice();
  const job: PdfJob = {
    bytes: copy,
    maxPages: lim.maxPages,
    maxInflatedBytes: lim.maxInflatedBytes,
    timeoutMs: lim.timeoutMs,
  };
  return new Promise<PdfReply>((resolve) => {
    let done = false;
    const finish = (reply: PdfReply, keep: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep && idle.length < KEEP_IDLE) {
        worker.unref();
        const timer = setTimeout(() => void worker.terminate(), IDLE_MS);
        timer.unref();
        idle.push({ worker, timer });
      } else void worker.terminate();
      resolve(reply);
    };
    const onMessage = (reply: PdfReply) => finish(reply, reply.ok || reply.reason !== 'timeout');
    const onError = (e: Error & { code?: string }) =>
      finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, reason: 'tooLarge', detail: `> ${lim.maxMemoryMb} MB` }
          : { ok: false, reason: 'damaged', detail: String(e.message).slice(0, 200) },
        false,
      );
    const onExit = (code: number) => finish({ ok: false, reason: 'damaged', detail: `reader exited (${code})` }, false);
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', detail: 'stopped' }, false),
      lim.timeoutMs + STOP_GRACE_MS,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job, [copy.buffer]);
  });
}
