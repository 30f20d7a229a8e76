// What the PDF worker thread (pdfWorker.ts) and its host (pdf.ts) say to each other: plain data.

/** One text run as pdf.js positions it: its text matrix [a b c d] and origin, in points, y up. */
export interface PdfRun {
  text: string;
  a: number;
  b: number;
  c: number;
  d: number;
  x: number;
  y: number;
  /** Advance along the text direction, in points. */
  width: number;
  /** Position in the page's content stream among the runs with text (0-based). */
  order: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfRun[];
}

export interface PdfJob {
  bytes: Uint8Array;
  maxPages: number;
  /** Compressed streams inflating to more than this in all are refused before pdf.js reads them. */
  maxInflatedBytes: number;
  /** The worker stops between pages after this long (the host also stops the thread, a little later). */
  timeoutMs: number;
}

export type PdfReply =
  | { ok: true; pages: PdfPage[] }
  | { ok: false; reason: 'encrypted' | 'damaged' | 'tooLarge' | 'timeout'; detail: string };
