// The Markdown body → headings, fenced blocks, paragraphs and tables, with their source offsets.
// Block structure only, through markdown-it; a long body is parsed in chunks.
import MarkdownIt, { type Token } from 'markdown-it';
import type { Fence, Heading, MdTable, MdTableCell, Paragraph } from './model';
import type { BlockRecord, ParseCache } from './parseCache';
import type { LineIndex } from './text';

// Block structure only: the checker reads headings, fences, paragraphs and tables by their source
// lines and never looks inside inline content (a heading's raw text is set by the block phase), so
// markdown-it's inline phase, and the core rules that walk its output, are switched off. This is
// about 40% of markdown-it's time on report prose.
export const INLINE_CORE_RULES = ['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'];
const md = new MarkdownIt({ html: false });
md.core.ruler.disable(INLINE_CORE_RULES);

type TokenNesting = Token['nesting'];
const StockStateBlock = md.block.State;
// markdown-it's published build defines each of a token's 13 fields with `Object.defineProperty`
// (a transpiler's class-field helper): ~0.7 µs per token, a third of a block parse of report
// prose. This instance makes its tokens with plain assignments instead: the same fields in the same
// order, the same prototype (a test compares its tokens with a stock instance's).
function PlainToken(this: Token, type: string, tag: string, nesting: TokenNesting) {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = false;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
}
PlainToken.prototype = MarkdownIt.Token.prototype;
const makeToken = PlainToken as unknown as new (type: string, tag: string, nesting: TokenNesting) => Token;
md.block.State = class extends StockStateBlock {
  // StateBlock#push, with the plain token (markdown-it's own push names its Token class directly).
  override push(type: string, tag: string, nesting: TokenNesting): Token {
    const token = new makeToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }
};
/** For the test that the checker's tokens are markdown-it's: the block-only parser it uses. */
export const blockParser = md;

/**
 * The text length from which the body is parsed in chunks. A short report is parsed as one chunk:
 * each markdown-it call has a fixed cost, and splitting pays off only for a long text (parsed cold,
 * and after an edit, when only the touched chunk is parsed again).
 */
export const CHUNK_ABOVE = 16 * 1024;

export interface Body {
  headings: Heading[];
  fences: Fence[];
  paragraphs: Paragraph[];
  mdTables: MdTable[];
}

/**
 * Reads the body, from `firstLine` to the end of the text: whole, or `chunked` at headings. With a
 * cache, chunks cached by the last parse are not parsed again, and the cache then holds this
 * parse's chunks (none when the body is read whole).
 */
export function readBody(lines: LineIndex, firstLine: number, chunked: boolean, cache?: ParseCache): Body {
  const text = lines.text;
  const body: Body = { headings: [], fences: [], paragraphs: [], mdTables: [] };
  const lineStart = (l: number) => lines.lineStarts[Math.min(l, lines.lineCount - 1)];
  const lineEnd = (l: number) => lines.lineEnd(Math.min(l, lines.lineCount - 1));
  const chunks = chunked
    ? markdownChunks(lines, firstLine)
    : firstLine < lines.lineCount
      ? [{ line: firstLine, end: text.length }]
      : [];
  const kept = cache && chunked ? new Map<string, readonly BlockRecord[]>() : undefined;
  for (const chunk of chunks) {
    const base = chunk.line;
    const source = text.slice(lineStart(chunk.line), chunk.end);
    let records = kept && (cache!.get(source) ?? kept.get(source));
    records ??= blockRecords(source);
    kept?.set(source, records);
    for (const r of records) {
      if (r.kind === 'heading') {
        body.headings.push({
          level: r.level,
          text: r.text,
          line: r.line + base,
          start: lineStart(r.line + base),
          end: lineEnd(r.line + base),
        });
      } else if (r.kind === 'fence') {
        const first = r.line + base,
          last = r.endLine + base - 1;
        const closed = last > first && /^\s*(`{3,}|~{3,})\s*$/.test(lines.lineText(last));
        const contentStart = first + 1 <= last ? lineStart(first + 1) : lineEnd(first);
        const contentEnd = closed ? lineStart(last) : last + 1 >= lines.lineCount ? text.length : lineStart(last + 1);
        body.fences.push({
          info: r.info,
          line: first,
          start: lineStart(first),
          end: lineEnd(closed ? last : first),
          contentStart,
          contentEnd: Math.max(contentStart, contentEnd),
          closed,
        });
      } else if (r.kind === 'paragraph') {
        const start = lineStart(r.line + base),
          end = lineEnd(r.endLine + base - 1);
        body.paragraphs.push({ line: r.line + base, start, end, text: text.slice(start, end) });
      } else {
        const table: MdTable = { line: r.line + base, header: [], rows: [] };
        for (const row of r.rows) {
          const cells = tableRowCells(lines.lineText(row.line + base), lineStart(row.line + base));
          if (row.header) table.header = cells;
          else table.rows.push({ line: row.line + base, cells });
        }
        body.mdTables.push(table);
      }
    }
  }
  cache?.replace(kept ?? new Map());
  return body;
}

/** What markdown-it finds in one chunk: small records, which a host's cache keeps per chunk text. */
function blockRecords(chunk: string): BlockRecord[] {
  const records: BlockRecord[] = [];
  const tokens = md.parse(chunk, {});
  let table: Extract<BlockRecord, { kind: 'table' }> | undefined;
  let inHeader = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const map = t.map;
    if (t.type === 'heading_open' && map)
      records.push({
        kind: 'heading',
        line: map[0],
        level: Number(t.tag.slice(1)),
        text: tokens[i + 1]?.content ?? '',
      });
    else if (t.type === 'fence' && map)
      records.push({ kind: 'fence', line: map[0], endLine: map[1], info: t.info.trim() });
    else if (t.type === 'paragraph_open' && map) records.push({ kind: 'paragraph', line: map[0], endLine: map[1] });
    else if (t.type === 'table_open' && map) records.push((table = { kind: 'table', line: map[0], rows: [] }));
    else if (t.type === 'table_close') table = undefined;
    else if (t.type === 'thead_open') inHeader = true;
    else if (t.type === 'thead_close') inHeader = false;
    else if (t.type === 'tr_open' && map && table) table.rows.push({ line: map[0], header: inHeader });
  }
  return records;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Splits the body at ATX headings that start a line outside any fenced block. CommonMark ends every
 * open block (paragraph, list, quote, table) at such a line, so each chunk parses exactly as it does
 * inside the whole text. Doubtful lines are never split at: a longer chunk is only slower.
 */
function markdownChunks(lines: LineIndex, firstLine: number): { line: number; end: number }[] {
  const chunks: { line: number; end: number }[] = [];
  let chunkLine = firstLine;
  let fence: { char: string; length: number } | undefined;
  for (let l = firstLine; l < lines.lineCount; l++) {
    const line = lines.lineText(l);
    const first = line.charCodeAt(0);
    if (fence) {
      const m = FENCE_OPEN.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && m[2].trim() === '') fence = undefined;
      continue;
    }
    // Cheap pre-tests: only lines starting with a space, a backtick, a tilde or # can matter here.
    if (first === 35 /* # */ && l > chunkLine && ATX_HEADING.test(line)) {
      chunks.push({ line: chunkLine, end: lines.lineStarts[l] });
      chunkLine = l;
    } else if (first === 32 || first === 96 || first === 126) {
      const m = FENCE_OPEN.exec(line);
      if (m && !(m[1][0] === '`' && m[2].includes('`'))) fence = { char: m[1][0], length: m[1].length };
    }
  }
  if (chunkLine < lines.lineCount) chunks.push({ line: chunkLine, end: lines.text.length });
  return chunks;
}

/** Splits a Markdown table row line into cells with offsets (pipes escaped as `\|` stay inside). */
function tableRowCells(line: string, lineOffset: number): MdTableCell[] {
  const cells: MdTableCell[] = [];
  let cellStart = 0;
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const textValue = raw.trim();
    cells.push({ text: textValue, start: lineOffset + from + lead, end: lineOffset + from + lead + textValue.length });
  };
  const trimmed = line.trimStart();
  let i = line.length - trimmed.length;
  if (line[i] === '|') i++;
  cellStart = i;
  for (; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '|') {
      push(cellStart, i);
      cellStart = i + 1;
    }
  }
  if (line.slice(cellStart).trim() !== '') push(cellStart, line.length);
  return cells;
}
