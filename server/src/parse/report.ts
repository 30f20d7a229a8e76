// Text → report model. Every heading, block, paragraph, key and cell keeps its source offsets.
import MarkdownIt, { type Token } from 'markdown-it';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, getTemplate, type SectionDef, type Template } from '../statute';
import { locateFrontMatter, readFrontMatter, type FrontMatter } from './frontMatter';
import { matchHeading, type SectionMatch, type SectionNumber } from './sections';
import { readTable } from './table';
import type { TableInstance } from './tableModel';
import { LineIndex } from './text';
import { parseYamlTree, parseYamlTrees, type YamlResult } from './yamlTree';

export interface Heading {
  level: number;
  text: string;
  line: number;
  start: number;
  end: number;
}
export interface Fence {
  info: string;
  line: number;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  closed: boolean;
}
export interface Paragraph {
  line: number;
  start: number;
  end: number;
  text: string;
  section?: SectionNumber;
}
export interface MdTableCell {
  text: string;
  start: number;
  end: number;
}
export interface MdTable {
  line: number;
  header: MdTableCell[];
  rows: { line: number; cells: MdTableCell[] }[];
  section?: SectionNumber;
}

export interface TableBlock {
  fence: Fence;
  syntaxError?: { message: string; start: number; end: number };
  instance?: TableInstance;
}

export interface Section {
  number: SectionNumber;
  def: SectionDef;
  heading: Heading;
  match: SectionMatch;
  /** From the heading to the next statutory heading (or the end of the text). */
  start: number;
  end: number;
  table?: TableBlock;
}

export interface Report {
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter;
  template: Template;
  headings: Heading[];
  /** Statutory section headings, in document order (a repeated one appears twice). */
  sections: Section[];
  fences: Fence[];
  paragraphs: Paragraph[];
  mdTables: MdTable[];
  /** `parsedTables(report)`, once asked for. */
  parsedTables?: { section: Section; table: TableInstance }[];
}

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
const YAML_INFO = /^(ya?ml)\b/i;

/** The statutory tables that parsed, in document order, with their sections. */
export function parsedTables(report: Report): { section: Section; table: TableInstance }[] {
  // Every table rule asks; a report does not change once parsed.
  return (report.parsedTables ??= report.sections.flatMap((section) =>
    section.table?.instance ? [{ section, table: section.table.instance }] : [],
  ));
}

/** Parses a report. `text` may start with a BOM; it is removed (as an editor does). Never throws. */
export function parseReport(input: string): Report {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const frontMatterPlace = locateFrontMatter(text);
  // The front matter is read once the body's YAML blocks are known: they are parsed in one go.
  const report: Report = {
    text,
    lines,
    frontMatter: frontMatterPlace.fm,
    template: getTemplate(DEFAULT_TEMPLATE_ID)!,
    headings: [],
    sections: [],
    fences: [],
    paragraphs: [],
    mdTables: [],
  };
  const frontMatter = frontMatterPlace.fm;

  const bodyLine = lines.position(frontMatter.bodyStart).line;
  const firstBodyLine = frontMatter.bodyStart >= text.length ? lines.lineCount : bodyLine;
  const lineStart = (l: number) => lines.lineStarts[Math.min(l, lines.lineCount - 1)];
  const lineEnd = (l: number) => lines.lineEnd(Math.min(l, lines.lineCount - 1));

  const wholeBody = firstBodyLine < lines.lineCount ? [{ line: firstBodyLine, end: text.length }] : [];
  // A short report is parsed as one chunk: splitting pays off only when an edit would otherwise
  // re-parse a long text, and each markdown-it call has a fixed cost.
  const chunked = parseCache.enabled && text.length >= parseCache.chunkAbove;
  const chunks = chunked ? markdownChunks(lines, firstBodyLine) : wholeBody;
  for (const chunk of chunks) {
    const base = chunk.line;
    // Only chunks are cached: the server keeps each version's report, so a short text parsed whole
    // is not parsed again unless it changed.
    for (const r of blockRecords(text.slice(lineStart(chunk.line), chunk.end), chunked)) {
      if (r.kind === 'heading') {
        report.headings.push({
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
        report.fences.push({
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
        report.paragraphs.push({ line: r.line + base, start, end, text: text.slice(start, end) });
      } else {
        const table: MdTable = { line: r.line + base, header: [], rows: [] };
        for (const row of r.rows) {
          const cells = tableRowCells(lines.lineText(row.line + base), lineStart(row.line + base));
          if (row.header) table.header = cells;
          else table.rows.push({ line: row.line + base, cells });
        }
        report.mdTables.push(table);
      }
    }
  }

  // One YAML parse for the front matter and every block that can be a statutory table: a table is
  // the first YAML block of its section, so it is the first YAML block after some heading (which
  // headings are statutory depends on the template, which the front matter names).
  const yamlBlocks = firstYamlBlockAfterEachHeading(report);
  const fmContent = frontMatterPlace.content;
  const trees = parseYamlTrees([
    ...(fmContent ? [fmContent.text] : []),
    ...yamlBlocks.map((f) => text.slice(f.contentStart, f.contentEnd)),
  ]);
  const treeOf = new Map(yamlBlocks.map((f, k) => [f, trees[k + (fmContent ? 1 : 0)]]));
  report.frontMatter = readFrontMatter(
    text,
    frontMatterPlace,
    fmContent && trees[0],
    TEMPLATES.map((t) => t.id),
  );
  report.template = getTemplate(report.frontMatter.data.template ?? DEFAULT_TEMPLATE_ID) ?? report.template;
  assignSections(report, treeOf);
  return report;
}

function firstYamlBlockAfterEachHeading(report: Report): Fence[] {
  const blocks: Fence[] = [];
  let h = 0,
    taken = false; // headings and fences both ascend
  for (const fence of report.fences) {
    if (!YAML_INFO.test(fence.info)) continue;
    let passedHeading = false;
    while (h < report.headings.length && report.headings[h].start < fence.start) {
      h++;
      passedHeading = true;
    }
    if (passedHeading) taken = false;
    if (!taken && h > 0) {
      blocks.push(fence);
      taken = true;
    }
  }
  return blocks;
}

/**
 * What markdown-it finds in a chunk, in chunk-relative lines: small records, cached by the chunk's
 * text, so an edit re-parses only the chunk it touches (a 1 MB report has hundreds of chunks).
 */
type BlockRecord =
  | { kind: 'heading'; line: number; level: number; text: string }
  | { kind: 'fence'; line: number; endLine: number; info: string }
  | { kind: 'paragraph'; line: number; endLine: number }
  | { kind: 'table'; line: number; rows: { line: number; header: boolean }[] };

const recordCache = new Map<string, BlockRecord[]>();
/** Characters of chunk text the cache may hold (least recently used evicted first). */
const CACHE_CHARS = 8_000_000;
let cachedChars = 0;

/**
 * `enabled` off: the body is parsed whole, as one markdown-it parse, and nothing is cached — the
 * reference the fuzz tests compare chunked parsing against. `chunkAbove`: the text length from which
 * the body is split into chunks (the fuzz tests set 0, so that short reports are split too).
 */
export const parseCache = {
  enabled: true,
  chunkAbove: 16 * 1024,
  clear: () => {
    recordCache.clear();
    cachedChars = 0;
  },
};

function blockRecords(chunk: string, cache: boolean): BlockRecord[] {
  const hit = cache ? recordCache.get(chunk) : undefined;
  if (hit) {
    recordCache.delete(chunk); // refresh its place in the LRU order
    recordCache.set(chunk, hit);
    return hit;
  }
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
  if (cache && chunk.length <= CACHE_CHARS / 4) {
    recordCache.set(chunk, records);
    cachedChars += chunk.length;
    for (const [key] of recordCache) {
      if (cachedChars <= CACHE_CHARS) break;
      recordCache.delete(key);
      cachedChars -= key.length;
    }
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

function assignSections(report: Report, treeOf: Map<Fence, YamlResult>) {
  const { template, headings, text } = report;
  // Statutory headings are found exactly first; their shallowest level bounds the fuzzy matches.
  // With exact titles present, looser matches may sit as deep as the deepest exact one (a report
  // may mix `#` and `##`); with none, as deep as the shallowest loose candidate, so that
  // `### 二、依申请公开情况` under `## 一、工作基本情况` stays a sub-heading.
  const matches = headings.map((h) => matchHeading(h.text, template));
  const exact = matches.map((m) => m.exact);
  const loose = matches.map((m) => m.loose);
  const exactLevels = headings.filter((_, k) => exact[k]).map((h) => h.level);
  const looseLevels = headings.filter((_, k) => loose[k]).map((h) => h.level);
  const maxFuzzyLevel = exactLevels.length
    ? Math.max(...exactLevels)
    : looseLevels.length
      ? Math.min(...looseLevels)
      : 6;
  const found: { heading: Heading; match: SectionMatch }[] = [];
  headings.forEach((h, k) => {
    const match = h.level <= maxFuzzyLevel ? loose[k] : exact[k];
    if (match) found.push({ heading: h, match });
  });
  found.forEach(({ heading, match }, k) => {
    const end = k + 1 < found.length ? found[k + 1].heading.start : text.length;
    const def = template.sections.find((s) => s.number === match.number)!;
    report.sections.push({ number: match.number, def, heading, match, start: heading.start, end });
  });
  const sectionAt = (offset: number) => {
    let result: Section | undefined;
    for (const s of report.sections) if (s.start <= offset && offset < s.end) result = s;
    return result;
  };
  for (const p of report.paragraphs) p.section = sectionAt(p.start)?.number;
  for (const t of report.mdTables) t.section = sectionAt(report.lines.lineStarts[t.line])?.number;
  // The first YAML block of a section with a statutory table is that table (parsed with the front
  // matter, in `parseReport`).
  for (const section of report.sections) {
    const tableDef = section.def.table;
    if (!tableDef) continue;
    const fence = report.fences.find(
      (f) => YAML_INFO.test(f.info) && f.start >= section.start && f.start < section.end,
    );
    if (!fence) continue;
    const parsed = treeOf.get(fence) ?? parseYamlTree(text.slice(fence.contentStart, fence.contentEnd));
    const block: TableBlock = { fence };
    if (!parsed.ok) {
      const at = fence.contentStart + Math.min(parsed.error.offset, fence.contentEnd - fence.contentStart);
      const pos = report.lines.position(at);
      block.syntaxError = {
        message: parsed.error.message,
        start: at,
        end: Math.max(at, report.lines.lineEnd(pos.line)),
      };
    } else {
      block.instance = readTable(tableDef, parsed.root, fence.contentStart, fence.start, fence.end);
    }
    section.table = block;
  }
}
