// Matching a global pattern over a text, for the prose rules.

/**
 * Every match of a global regex in `text`. `String#matchAll` copies the regex on every call, which
 * is most of its cost on short paragraphs; this runs the shared one from the start instead.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m);
    if (m[0] === '') pattern.lastIndex++; // an empty match must not hold the scan in place
  }
  return out;
}
