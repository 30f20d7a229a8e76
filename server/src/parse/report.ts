// Text → report model. Every heading, block, paragraph, key and cell keeps its source offsets.
import MarkdownIt from 'markdown-it';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, getTemplate, type SectionDef, type Template } from '../statute';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { matchSection, type SectionMatch, type SectionNumber } from './sections';
import { readTable, type TableInstance } from './table';
import { LineIndex } from './text';
import { parseYamlTree } from './yamlTree';

export interface Heading { level: number; text: string; line: number; start: number; end: number }
export interface Fence { info: string; line: number; start: number; end: number; contentStart: number; contentEnd: number; closed: boolean }
export interface Paragraph { line: number; start: number; end: number; text: string; section?: SectionNumber }
export interface MdTableCell { text: string; start: number; end: number }
export interface MdTable { line: number; header: MdTableCell[]; rows: { line: number; cells: MdTableCell[] }[]; section?: SectionNumber }

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
}

const md = new MarkdownIt({ html: false });
const YAML_INFO = /^(ya?ml)\b/i;

/** Parses a report. `text` may start with a BOM; it is removed (as an editor does). Never throws. */
export function parseReport(input: string): Report {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(text, TEMPLATES.map((t) => t.id));
  const template = getTemplate(frontMatter.data.template ?? DEFAULT_TEMPLATE_ID) ?? getTemplate(DEFAULT_TEMPLATE_ID)!;
  const report: Report = { text, lines, frontMatter, template, headings: [], sections: [], fences: [], paragraphs: [], mdTables: [] };

  const bodyLine = lines.position(frontMatter.bodyStart).line;
  const body = frontMatter.bodyStart >= text.length ? '' : text.slice(lines.lineStarts[bodyLine]);
  const tokens = md.parse(body, {});
  const lineStart = (l: number) => lines.lineStarts[Math.min(l + bodyLine, lines.lineCount - 1)];
  const lineEnd = (l: number) => lines.lineEnd(Math.min(l + bodyLine, lines.lineCount - 1));

  let table: MdTable | undefined;
  let inHeader = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const map = t.map;
    if (t.type === 'heading_open' && map) {
      const inline = tokens[i + 1];
      report.headings.push({ level: Number(t.tag.slice(1)), text: inline?.content ?? '', line: map[0] + bodyLine, start: lineStart(map[0]), end: lineEnd(map[0]) });
    } else if (t.type === 'fence' && map) {
      const last = map[1] - 1;
      const closed = last > map[0] && /^\s*(`{3,}|~{3,})\s*$/.test(lines.lineText(last + bodyLine));
      const contentStart = map[0] + 1 < map[1] ? lineStart(map[0] + 1) : lineEnd(map[0]);
      const contentEnd = closed ? lineStart(last) : (map[1] + bodyLine >= lines.lineCount ? text.length : lineStart(map[1]));
      report.fences.push({ info: t.info.trim(), line: map[0] + bodyLine, start: lineStart(map[0]), end: lineEnd(closed ? last : map[0]), contentStart, contentEnd: Math.max(contentStart, contentEnd), closed });
    } else if (t.type === 'paragraph_open' && map) {
      const start = lineStart(map[0]), end = lineEnd(map[1] - 1);
      report.paragraphs.push({ line: map[0] + bodyLine, start, end, text: text.slice(start, end) });
    } else if (t.type === 'table_open' && map) {
      table = { line: map[0] + bodyLine, header: [], rows: [] };
      report.mdTables.push(table);
    } else if (t.type === 'table_close') {
      table = undefined;
    } else if (t.type === 'thead_open') {
      inHeader = true;
    } else if (t.type === 'thead_close') {
      inHeader = false;
    } else if (t.type === 'tr_open' && map && table) {
      const cells = tableRowCells(lines.lineText(map[0] + bodyLine), lineStart(map[0]));
      if (inHeader) table.header = cells; else table.rows.push({ line: map[0] + bodyLine, cells });
    }
  }

  assignSections(report, bodyLine);
  return report;
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
    if (line[i] === '\\') { i++; continue; }
    if (line[i] === '|') { push(cellStart, i); cellStart = i + 1; }
  }
  if (line.slice(cellStart).trim() !== '') push(cellStart, line.length);
  return cells;
}

function assignSections(report: Report, _bodyLine: number) {
  const { template, headings, text } = report;
  // Statutory headings are found exactly first; their shallowest level bounds the fuzzy matches.
  // With exact titles present, looser matches may sit as deep as the deepest exact one (a report
  // may mix `#` and `##`); with none, as deep as the shallowest loose candidate, so that
  // `### 二、依申请公开情况` under `## 一、工作基本情况` stays a sub-heading.
  const exactLevels = headings.filter((h) => matchSection(h.text, template, false)).map((h) => h.level);
  const looseLevels = headings.filter((h) => matchSection(h.text, template, true)).map((h) => h.level);
  const maxFuzzyLevel = exactLevels.length ? Math.max(...exactLevels) : looseLevels.length ? Math.min(...looseLevels) : 6;
  const found: { heading: Heading; match: SectionMatch }[] = [];
  for (const h of headings) {
    const match = matchSection(h.text, template, h.level <= maxFuzzyLevel);
    if (match) found.push({ heading: h, match });
  }
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
  // The first YAML block of a section with a statutory table is that table.
  for (const section of report.sections) {
    const tableDef = section.def.table;
    if (!tableDef) continue;
    const fence = report.fences.find((f) => YAML_INFO.test(f.info) && f.start >= section.start && f.start < section.end);
    if (!fence) continue;
    const source = text.slice(fence.contentStart, fence.contentEnd);
    const parsed = parseYamlTree(source);
    const block: TableBlock = { fence };
    if (!parsed.ok) {
      const at = fence.contentStart + Math.min(parsed.error.offset, source.length);
      const pos = report.lines.position(at);
      block.syntaxError = { message: parsed.error.message, start: at, end: Math.max(at, report.lines.lineEnd(pos.line)) };
    } else {
      block.instance = readTable(tableDef, parsed.root, fence.contentStart, fence.start, fence.end);
    }
    section.table = block;
  }
}
