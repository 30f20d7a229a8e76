// Name matching that tolerates what authors actually type: full-/half-width forms, spaces,
// quote styles, and the statutory numbering in front of a name.

// Names are compared against every statutory name: normalise each distinct input once.
// (A pasted 1 MB "key" would otherwise be normalised for every candidate.)
const nameCache = new Map<string, string>();
const keyCache = new Map<string, string>();
const MEMO_LIMIT = 5000;
function memo(cache: Map<string, string>, input: string, compute: () => string): string {
  let out = cache.get(input);
  if (out === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    out = compute();
    cache.set(input, out);
  }
  return out;
}

const QUOTES = /[“”"「」『』‘’']/g;
const SPACES = /[\s\u3000]+/g;
// （一） (一) 一、 一. 1. 1、 (1) — numbering the renderer adds, accepted in keys and headings.
const NUMBERING = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.]|\d+[.、)]|\(\d+\))/;

/** Canonical form for comparing names: NFKC (full-width → half-width), no spaces, one quote style. */
export function normalizeName(name: string): string {
  return memo(nameCache, name, () => name.normalize('NFKC').replace(SPACES, '').replace(QUOTES, '"'));
}

/** Canonical form with leading numbering removed. */
export function normalizeKey(name: string): string {
  return memo(keyCache, name, () => stripNumbering(normalizeName(name)));
}

function stripNumbering(normalized: string): string {
  let s = normalized;
  for (let m = NUMBERING.exec(s); m && m[0].length < s.length; m = NUMBERING.exec(s)) s = s.slice(m[0].length);
  return s;
}

/** Levenshtein distance divided by the longer length: 0 identical, 1 nothing in common. */
export function normalizedDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length,
    m = b.length;
  if (n === 0 || m === 0) return 1;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[m] / Math.max(n, m);
}

/**
 * The candidate nearest to `name`, if it is reasonably near (distance ≤ `limit`) and the only one
 * that near: `第二十条第（十）项` is as near to （一） as to （五）, so it suggests neither.
 */
export function nearest(name: string, candidates: Iterable<string>, limit = 0.6): string | undefined {
  const key = normalizeKey(name);
  if (key.length > 200) return undefined; // edit distance is quadratic: no suggestion for a pasted paragraph
  let best: string | undefined,
    bestDistance = Infinity,
    tied = false;
  for (const c of candidates) {
    const d = normalizedDistance(key, normalizeKey(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && normalizeKey(c) !== normalizeKey(best!)) tied = true;
  }
  return bestDistance <= limit && !tied ? best : undefined;
}
