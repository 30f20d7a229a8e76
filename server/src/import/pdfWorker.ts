// The PDF text reader's worker thread: pdf.js (pdfjs-dist's legacy build) opens the bytes and hands
// back every page's positioned text runs. It runs in a thread of its own so that the host can stop
// it at any moment (a time limit that holds even inside pdf.js's synchronous parsing) and cap its
// memory; pdf.js and its globals never enter the language server's or the CLI's own thread.
// Bundled on its own (dist/pdf-worker.js, with pdf.js inside); server/src/import/pdf.ts starts it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { PdfJob, PdfPage, PdfReply, PdfRun } from './pdfTypes';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** pdf.js's data files: copied beside the bundle by scripts/build.mjs, else the package's own. */
function dataDir(): string {
  const bundled = join(__dirname, 'pdfjs');
  if (existsSync(join(bundled, 'cmaps'))) return bundled;
  return dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
}

let loaded: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // pdf.js builds one DOMMatrix at load time (for canvas rendering, which text extraction never
    // uses); without the optional native canvas package there is none in Node.
    const g = globalThis as Record<string, unknown>;
    // pdf.js prints warnings about fonts and missing canvas support with console.log: this thread's
    // console is its own, and nothing it could say would reach the user usefully.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;
    g.DOMMatrix ??= class DOMMatrix {};
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The "fake worker": pdf.js's parsing side runs in this thread, taken from here rather than
    // imported from a file path at run time.
    g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return pdfjs;
  })();
  return loaded;
}

/**
 * What a PDF's compressed streams, images aside, inflate to, counted before pdf.js reads it and given up
 * past `cap`: pdf.js holds a decoded stream whole, outside the heap limit, so a few kilobytes inflating
 * to gigabytes would take the host's memory before the time limit stopped it. Streams that do not
 * inflate (other filters, encrypted data, damage) are pdf.js's to judge.
 */
export function inflatedSize(bytes: Uint8Array, cap: number): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const STREAM = />>\s*stream\r?\n/g;
  let total = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    const dict = dictionaryBefore(text, m.index);
    // Images are never decoded for text (a scan's pages may inflate to hundreds of megabytes).
    if (!/\/(?:FlateDecode|Fl)\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      total += inflateSync(bytes.subarray(start, end), {
        maxOutputLength: cap - total + 1,
        finishFlush: constants.Z_SYNC_FLUSH,
      }).length;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
    }
    if (total > cap) return total;
    STREAM.lastIndex = end;
  }
  return total;
}

/** The dictionary whose `>>` is at `end`, nested ones included (a stream's /DecodeParms). */
function dictionaryBefore(text: string, end: number): string {
  let depth = 0;
  for (let i = end; i >= Math.max(0, end - 4096); i--) {
    if (text.startsWith('>>', i)) {
      depth++;
      i--;
    } else if (text.startsWith('<<', i)) {
      depth--;
      if (depth === 0) return text.slice(i, end + 2);
      i--;
    }
  }
  return text.slice(Math.max(0, end - 4096), end + 2);
}

async function extract(job: PdfJob): Promise<PdfReply> {
  if (inflatedSize(job.bytes, job.maxInflatedBytes) > job.maxInflatedBytes)
    return { ok: false, reason: 'tooLarge', detail: `> ${job.maxInflatedBytes} bytes inflated` };
  const pdfjs = await loadPdfJs();
  const dir = dataDir();
  const task = pdfjs.getDocument({
    data: job.bytes,
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    isEvalSupported: false,
    // Nothing is fetched and nothing is drawn: no font faces, no system fonts, no image decoders.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const deadline = Date.now() + job.timeoutMs;
  try {
    const doc = await task.promise;
    if (doc.numPages > job.maxPages) {
      return { ok: false, reason: 'tooLarge', detail: `${doc.numPages} > ${job.maxPages} pages` };
    }
    const pages: PdfPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      if (Date.now() > deadline) return { ok: false, reason: 'timeout', detail: `page ${p}` };
      let page;
      try {
        page = await doc.getPage(p);
      } catch (e) {
        return { ok: false, reason: 'damaged', detail: `page ${p}: ${message(e)}` };
      }
      // The page as it is shown: its crop box's origin, and its /Rotate (a landscape table page turned).
      const viewport = page.getViewport({ scale: 1 });
      let content;
      try {
        content = await page.getTextContent();
      } catch (e) {
        return { ok: false, reason: 'damaged', detail: `page ${p}: ${message(e)}` };
      }
      const runs: PdfRun[] = [];
      let order = 0;
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        // Into the shown page's space (y down), then y up again as PDF's.
        const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform as number[]);
        runs.push({
          text: item.str,
          a,
          b: -b,
          c,
          d: -d,
          x: e,
          y: viewport.height - f,
          width: item.width,
          order: order++,
        });
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (e) {
    // Without an onPassword callback, pdf.js rejects a password-protected PDF with this exception.
    const name = (e as Error)?.name;
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted', detail: '' };
    return { ok: false, reason: 'damaged', detail: message(e) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function message(e: unknown): string {
  return String((e as Error)?.message ?? e).slice(0, 200);
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (job: PdfJob) => {
    extract(job).then(
      (reply) => port.postMessage(reply),
      (e) => port.postMessage({ ok: false, reason: 'damaged', detail: message(e) } satisfies PdfReply),
    );
  });
}
