// The PDF row of `npm run bench` (issue 15): importing a 10-page report (test/fixtures/import/pdf/
// township-2019.pdf) through the bundle the hosts load — pdf.js in its worker thread, the page geometry,
// the text importer — against the floor: pdf.js's own text extraction of the same pages in this thread
// (getDocument, then getTextContent page by page), with the same options.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Importer from '../../server/src/import/index';
import { percentile } from './measure';

const ROOT = join(__dirname, '..', '..');
export const PDF_FILE = join(ROOT, 'test', 'fixtures', 'import', 'pdf', 'township-2019.pdf');

export interface PdfBench {
  pages: number;
  bytes: number;
  floorMs: number;
  importMs: number;
  ratio: number;
  rounds: number;
}

/** Interleaved rounds (extraction, import), the median of the rounds' ratios: the machine's drift cancels. */
export async function pdfVsPdfjs(quick: boolean): Promise<PdfBench> {
  const importer = require(join(ROOT, 'dist', 'import.js')) as typeof Importer;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = dirname(require.resolve('pdfjs-dist/package.json'));
  const bytes = new Uint8Array(readFileSync(PDF_FILE));
  let pages = 0;
  const extract = async () => {
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      cMapUrl: join(data, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(data, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    const doc = await task.promise;
    pages = doc.numPages;
    for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
    await task.destroy();
  };
  const load = () => importer.importSource(bytes, 'report.pdf');
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  // Warm-up: pdf.js loaded and optimised in both threads (the import's worker is kept between files).
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    await extract();
    await load();
  }
  const floors: number[] = [],
    imports: number[] = [],
    ratios: number[] = [];
  const start = performance.now();
  while (ratios.length < (quick ? 3 : 10) || performance.now() - start < (quick ? 1000 : 10_000)) {
    const f = await timed(extract);
    const m = await timed(load);
    floors.push(f);
    imports.push(m);
    ratios.push(m / f);
  }
  return {
    pages,
    bytes: bytes.length,
    floorMs: percentile(floors, 50),
    importMs: percentile(imports, 50),
    ratio: percentile(ratios, 50),
    rounds: ratios.length,
  };
}
