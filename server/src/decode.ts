// A report file's bytes as text, the way FORMAT.md §1 and §7 want every input answered: UTF-8 (with or
// without a BOM) as is; a NUL or an invalid UTF-8 byte kept (invalid bytes as U+FFFD) and said where it
// first is; UTF-16 (with a BOM, or plainly so) and GB18030/GBK decoded and named — a report saved by an
// old Windows editor is still checked, with an `encoding` finding saying how to convert it. Only bytes
// that are not text at all (an image, a zip, zeros) are refused. Pure: bytes in, text out.
import type { SourceInfo } from './findings';

export type Decoded = { text: string; source: SourceInfo } | { binary: true };

/** Above this share of characters that are not text (controls, invalid bytes), a file is binary. */
const BINARY_SHARE = 0.1;

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'UTF-16BE');
  const bad = firstBadUtf8(bytes);
  const nul = bytes.indexOf(0);
  if (bad === -1 && nul === -1) return { text: new TextDecoder('utf-8').decode(bytes), source: {} };
  const bom16 = utf16WithoutBom(bytes);
  if (bom16) return utf16(bytes, bom16);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (bad !== -1 && !mostlyUtf8(text)) {
    const gb = gb18030(bytes);
    if (gb !== undefined) return { text: gb, source: { encoding: 'GB18030' } };
  }
  if (notTextShare(text) > BINARY_SHARE) return { binary: true };
  const first = bad === -1 ? nul : nul === -1 ? bad : Math.min(bad, nul);
  return { text, source: { badByte: { value: bytes[first], offset: first } } };
}

function utf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): Decoded {
  const text = new TextDecoder(encoding.toLowerCase()).decode(bytes);
  return notTextShare(text) > BINARY_SHARE ? { binary: true } : { text, source: { encoding } };
}

/** UTF-16 without a BOM: mostly ASCII text has a NUL in every other byte, on one side only. */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 4) return undefined;
  let even = 0,
    odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  const half = bytes.length / 2;
  if (odd > half * 0.3 && even * 10 < odd) return 'UTF-16LE';
  if (even > half * 0.3 && odd * 10 < even) return 'UTF-16BE';
  return undefined;
}

/** UTF-8 with a few bad bytes, not another encoding: the valid non-ASCII characters far outnumber them. */
function mostlyUtf8(text: string): boolean {
  let valid = 0,
    replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) valid++;
  }
  return valid >= replaced * 4;
}

/** The text in GB18030 (which GBK and GB2312 are subsets of), when the bytes are that and read as text. */
function gb18030(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return /[\u3400-\u9fff]/.test(text) && notTextShare(text) === 0 ? text : undefined;
}

/** The share of characters that no text file holds: controls other than white space, and U+FFFD. */
function notTextShare(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd) count++;
  }
  return text.length ? count / text.length : 0;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (as TextDecoder reads it), or -1. */
export function firstBadUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number,
      lo = 0x80,
      hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
