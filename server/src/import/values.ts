// What a published cell holds: a number as printed (full-width digits, thousands separators, decimals,
// a sign), a blank (empty, `/`, `—`, `－`, `-`, `无`), or a value with a unit or words (`251000元`,
// `约5件`) that stays verbatim. Faithful: nothing is rounded, summed or filled in here.

export type CellValue =
  | { kind: 'number'; text: string; raw: string }
  | { kind: 'blank'; raw: string }
  | { kind: 'text'; text: string; raw: string };

// Every space a document may carry: ASCII, no-break (&nbsp;), ideographic (U+3000), zero-width.
const SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const BLANK = /^(?:|\/|-+|—+|–+|─+|无)$/;
const DIGITS = /^\d+$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// A number with a unit or a qualifier, as offices print them in a cell: kept verbatim as a string.
const WORDED_NUMBER = /^(?:约|近|共|计|合计)?[+-]?\d[\d,.]*(?:余|多)?(?:万元|亿元|元|万|件|条|项|个|次|份|%|‰)?$/;

// Cells, labels and lines repeat (the same 0s and labels in every table and report): each text once.
const compacted = new Map<string, string>();
/** NFKC (full-width digits and signs, Kangxi radicals, compatibility forms) without any space. */
export function compact(text: string): string {
  let out = compacted.get(text);
  if (out === undefined) {
    if (compacted.size >= 20000) compacted.clear();
    out = text.normalize('NFKC').replace(SPACE, '');
    if (text.length <= 200) compacted.set(text, out);
  }
  return out;
}

const BLANK_TEXT = /^[\s\u00a0\u3000\u200b\ufeff]*$/;
/** Whether `compact(text)` is empty — spaces of every kind only — without normalising a long paragraph. */
export function isBlankText(text: string): boolean {
  return BLANK_TEXT.test(text);
}

/**
 * Kangxi radicals and CJK compatibility ideographs (what PDFs' fonts often map `一`, `人` to) as the
 * ideographs they stand for. Only those: prose keeps its full-width punctuation and digits as published.
 */
export function fixRadicals(text: string): string {
  // The test (UTF-16 units: U+2F800–U+2FA1F start with U+D87E) is far cheaper than the Unicode replace.
  if (!MAYBE_RADICAL.test(text)) return text;
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]|[\u{2f800}-\u{2fa1f}]/gu, (ch) => ch.normalize('NFKC'));
}
const MAYBE_RADICAL = /[\u2e80-\u2fdf\uf900-\ufaff\ud87e]/;

/** A cell's text as a value. `raw` is the text as published, trimmed. */
export function readValue(text: string): CellValue {
  // Most cells are a plain count (`0`, `12`): read without the normalising below, which gives the same.
  if (DIGITS.test(text)) return { kind: 'number', text, raw: text };
  const raw = text.replace(SPACE, ' ').trim();
  const c = compact(raw)
    .replace(/[−‒]/g, '-') // minus signs NFKC leaves alone
    .replace(/，/g, ',');
  if (BLANK.test(c)) return { kind: 'blank', raw };
  if (PLAIN_NUMBER.test(c)) return { kind: 'number', text: canonicalNumber(c), raw };
  if (GROUPED_NUMBER.test(c)) return { kind: 'number', text: canonicalNumber(c.replace(/,/g, '')), raw };
  return { kind: 'text', text: raw, raw };
}

/** `+3` → `3`, `.5` → `0.5`; decimals keep their printed digits (`96171.60` stays). */
function canonicalNumber(c: string): string {
  let s = c.replace(/^\+/, '');
  if (s.startsWith('.')) s = `0${s}`;
  else if (s.startsWith('-.')) s = `-0${s.slice(1)}`;
  return s;
}

/** Whether a token of a flattened text row reads as a cell value (a number, a blank mark, a worded number). */
export function isValueToken(token: string): boolean {
  const c = compact(token).replace(/[−‒]/g, '-').replace(/，/g, ',');
  if (c === '') return false;
  return BLANK.test(c) || PLAIN_NUMBER.test(c) || GROUPED_NUMBER.test(c) || (WORDED_NUMBER.test(c) && /\d/.test(c));
}

/** Whether a cell of a structured table holds a value rather than a label (blank cells count as values). */
export function isValueCell(text: string): boolean {
  return compact(text) === '' || isValueToken(text);
}
