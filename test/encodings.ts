// Reports in the byte forms FORMAT.md §7 wants answered: a stray NUL, an invalid UTF-8 byte, GBK
// (what old Windows editors save Chinese text as), UTF-16. Shared by the engine and CLI tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLEAN_2021 = readFileSync(join(__dirname, '..', 'examples', 'clean-2021.ogi.md'), 'utf8');

let table: Map<string, number[]> | undefined;
/** Text encoded as GBK: every character of the text must be ASCII or in GBK's two-byte range. */
export function gbkBytes(text: string): Buffer {
  if (!table) {
    // Node has no GBK encoder, but its decoder (full ICU) gives the table: decode every two-byte code.
    table = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = decoder.decode(Uint8Array.from([lead, trail]));
          if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
        } catch {
          /* not a GBK code */
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** The UTF-8 bytes of `text` with `bytes` inserted before the first occurrence of `before`. */
export function withBytes(text: string, before: string, bytes: number[]): { bytes: Buffer; offset: number } {
  const at = text.indexOf(before);
  if (at === -1) throw new Error(`not in the text: ${before}`);
  const head = Buffer.from(text.slice(0, at), 'utf8');
  return { bytes: Buffer.concat([head, Buffer.from(bytes), Buffer.from(text.slice(at), 'utf8')]), offset: head.length };
}
