// Text → report model: the front matter, the Markdown body (markdown.ts), the statutory sections
// (sections.ts) and their table blocks (yamlTree.ts, table.ts), in that order. Pure: whatever is
// cached between parses is the host's, passed in (parseCache.ts).
import { DEFAULT_TEMPLATE_ID, TEMPLATES, getTemplate } from '../statute';
import { locateFrontMatter, readFrontMatter } from './frontMatter';
import { CHUNK_ABOVE, readBody } from './markdown';
import type { Fence, Report, Section, TableBlock } from './model';
import type { ParseCache } from './parseCache';
import { findSections, sectionAt } from './sections';
import { readTable } from './table';
import type { TableInstance } from './tableModel';
import { LineIndex } from './text';
import { parseYamlTree } from './yamlTree';

// The model's types, for the modules that still import them from here.
export type { Fence, Heading, MdTable, MdTableCell, Paragraph, Report, Section, TableBlock } from './model';

export interface ParseOptions {
  /**
   * The document's chunk cache, for a host that parses one document again and again: chunks whose
   * text is unchanged since the last parse with this cache are not parsed again.
   */
  cache?: ParseCache;
  /** The text length from which the body is parsed in chunks (`CHUNK_ABOVE`; 0: always, Infinity: never). */
  chunkAbove?: number;
}

const YAML_INFO = /^(ya?ml)\b/i;

/** The statutory tables that parsed, in document order, with their sections. */
export function parsedTables(report: Report): { section: Section; table: TableInstance }[] {
  return report.sections.flatMap((section) =>
    section.table?.instance ? [{ section, table: section.table.instance }] : [],
  );
}

/** Parses a report. `text` may start with a BOM; it is removed (as an editor does). Never throws. */
export function parseReport(input: string, options: ParseOptions = {}): Report {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);
  const place = locateFrontMatter(text);
  const frontMatter = readFrontMatter(
    text,
    place,
    place.content && parseYamlTree(place.content.text),
    TEMPLATES.map((t) => t.id),
  );
  const template = getTemplate(frontMatter.data.template ?? DEFAULT_TEMPLATE_ID) ?? getTemplate(DEFAULT_TEMPLATE_ID)!;

  const firstBodyLine =
    frontMatter.bodyStart >= text.length ? lines.lineCount : lines.position(frontMatter.bodyStart).line;
  const chunked = text.length >= (options.chunkAbove ?? CHUNK_ABOVE);
  const { headings, fences, paragraphs, mdTables } = readBody(lines, firstBodyLine, chunked, options.cache);

  const sections = findSections(headings, template, text.length);
  for (const p of paragraphs) p.section = sectionAt(sections, p.start)?.number;
  for (const t of mdTables) t.section = sectionAt(sections, lines.lineStarts[t.line])?.number;
  for (const section of sections) {
    const block = tableBlock(section, fences, lines);
    if (block) section.table = block;
  }
  return { text, lines, frontMatter, template, headings, sections, fences, paragraphs, mdTables };
}

/** A section's statutory table: the first YAML block in a section that has one, read. */
function tableBlock(section: Section, fences: readonly Fence[], lines: LineIndex): TableBlock | undefined {
  const tableDef = section.def.table;
  if (!tableDef) return undefined;
  const fence = fences.find((f) => YAML_INFO.test(f.info) && f.start >= section.start && f.start < section.end);
  if (!fence) return undefined;
  const parsed = parseYamlTree(lines.text.slice(fence.contentStart, fence.contentEnd));
  const block: TableBlock = { fence };
  if (!parsed.ok) {
    const at = fence.contentStart + Math.min(parsed.error.offset, fence.contentEnd - fence.contentStart);
    const pos = lines.position(at);
    block.syntaxError = {
      message: parsed.error.message,
      start: at,
      end: Math.max(at, lines.lineEnd(pos.line)),
    };
  } else {
    block.instance = readTable(tableDef, parsed.root, fence.contentStart, fence.start, fence.end);
  }
  return block;
}
