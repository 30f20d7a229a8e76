// yaml-syntax: a table block is not valid YAML (at the error position), or repeats a key.
import type { RawFinding, Rule } from './types';

export const yamlSyntaxRule: Rule = {
  code: 'yaml-syntax',
  severity: 'error',
  description: 'A table block is not valid YAML',
  check({ report, t }) {
    const out: RawFinding[] = [];
    for (const s of report.sections) {
      const block = s.table;
      if (!block) continue;
      if (block.syntaxError) {
        const err = block.syntaxError;
        // js-yaml notices an unclosed `[`, `{` or quote only on the next line ("deficient indentation"):
        // point at the opener itself, the thing to fix.
        const open =
          err.message === 'deficient indentation'
            ? unclosedOpener(report.text, block.fence.contentStart, err.start)
            : undefined;
        const separator = /^more than one YAML document/.test(err.message)
          ? secondDocument(report.text, block.fence.contentStart, block.fence.contentEnd)
          : undefined;
        if (separator) {
          out.push({ start: separator.start, end: separator.end, message: t('yamlSyntax', { reason: err.message }) });
        } else if (open) {
          const lineEnd = report.lines.lineEnd(report.lines.position(open.at).line);
          out.push({
            start: open.at,
            end: Math.max(open.at + 1, lineEnd),
            message: t('yamlUnclosed', { open: open.char, close: CLOSER[open.char] }),
          });
        } else {
          out.push({ start: err.start, end: err.end, message: t('yamlSyntax', { reason: err.message }) });
        }
      }
      for (const d of block.instance?.duplicates ?? [])
        out.push({ start: d.start, end: d.end, message: t('yamlDuplicate', { key: d.key }) });
      for (const p of block.instance?.shapeProblems ?? []) {
        if (p.problem === 'notMapping') out.push({ start: p.start, end: p.end, message: t('yamlNotMapping') });
      }
    }
    return out;
  },
};

const CLOSER: Record<string, string> = { '[': ']', '{': '}', '"': '"', "'": "'" };

/**
 * The innermost flow collection or quoted scalar still open at `end`, scanning `text` from `start`.
 * An opener counts only where YAML reads one: at the start of a value (after `: `, `- `, `,`, `[`, `{`
 * or at the start of a line), so brackets and quotes inside plain text are ignored.
 */
export function unclosedOpener(text: string, start: number, end: number): { at: number; char: string } | undefined {
  const stack: { at: number; char: string }[] = [];
  let quote: { at: number; char: string } | undefined;
  let prev = '\n'; // the last significant character outside quotes
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (quote.char === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        quote = undefined;
        prev = c;
      }
      continue;
    }
    if (c === '#' && (prev === '\n' || /\s/.test(text[i - 1] ?? '\n'))) {
      // a comment runs to the end of the line
      while (i < end && text[i] !== '\n') i++;
      prev = '\n';
      continue;
    }
    const valueStart =
      prev === '\n' || prev === ':' || prev === '-' || prev === ',' || prev === '[' || prev === '{' || prev === '?';
    if ((c === '[' || c === '{') && valueStart) stack.push({ at: i, char: c });
    else if ((c === '"' || c === "'") && valueStart) quote = { at: i, char: c };
    else if ((c === ']' || c === '}') && stack.length && CLOSER[stack[stack.length - 1].char] === c) stack.pop();
    if (c === '\n') prev = '\n';
    else if (c !== ' ' && c !== '\t' && c !== '\r') prev = c;
  }
  return quote ?? stack[stack.length - 1];
}

/** The `---` (or `...`) line that starts a second YAML document in a block: the first one after content. */
export function secondDocument(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let seenContent = false;
  for (let at = start; at < end;) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(line)) {
      if (seenContent) return { start: at, end: at + 3 };
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#') && !line.startsWith('%')) {
      seenContent = true;
    }
    at = lineEnd + 1;
  }
  return undefined;
}
