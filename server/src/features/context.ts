// Where the cursor is, in the terms of the format: front matter, a heading, or a place inside a
// statutory table block (with the statutory path of the enclosing groups).
import { placeAt, topPlaces, type Column, type NodeDef, type TableDef } from '../statute';
import type { Report, Section } from '../parse/model';
import { nodeMatches } from '../parse/table';
import type { Position } from '../parse/text';

export type CursorContext =
  | { kind: 'frontMatterKey'; typedStart: number; present: string[] }
  | { kind: 'frontMatterValue'; key: string; valueStart: number }
  | { kind: 'heading'; level: number; textStart: number; lineEnd: number; section?: Section }
  | {
      kind: 'tableKey';
      section: Section;
      table: TableDef;
      path: string[];
      indent: number;
      typedStart: number;
      present: NodeDef[];
    }
  | {
      kind: 'tableValue';
      section: Section;
      table: TableDef;
      def: NodeDef;
      columns: Column[];
      valueStart: number;
      lineEnd: number;
    }
  | {
      kind: 'tableColumn';
      section: Section;
      table: TableDef;
      def: NodeDef;
      columns: Column[];
      used: string[];
      typedStart: number;
    }
  | { kind: 'none' };

const KEY_LINE = /^(\s*)([^\s:#][^:#]*?)\s*:\s*(?:#.*)?$/;

export function cursorContext(report: Report, position: Position): CursorContext {
  const { lines, frontMatter } = report;
  const offset = lines.offset(position);
  const lineStart = lines.lineStarts[position.line] ?? 0;
  const prefix = report.text.slice(lineStart, offset);
  const lineEnd = lines.lineEnd(position.line);

  // Front matter: between the opening and the closing ---.
  if (
    frontMatter.end > 0 &&
    position.line > 0 &&
    offset < frontMatter.end &&
    !frontMatter.problems.some((p) => p.id === 'fmMissing')
  ) {
    const value = /^(\w+):\s*(\S*)$/.exec(prefix);
    if (value) return { kind: 'frontMatterValue', key: value[1], valueStart: offset - value[2].length };
    if (/^\w*$/.test(prefix))
      return { kind: 'frontMatterKey', typedStart: lineStart, present: frontMatter.fields.map((f) => f.key) };
    return { kind: 'none' };
  }

  const heading = /^(#{1,6})(\s*)/.exec(prefix);
  if (heading && !insideFence(report, offset)) {
    const section = sectionAt(report, offset);
    return { kind: 'heading', level: heading[1].length, textStart: lineStart + heading[0].length, lineEnd, section };
  }

  const section = report.sections.find(
    (s) =>
      s.table &&
      s.table.fence.contentStart <= offset &&
      offset <= s.table.fence.contentEnd &&
      lineStart >= s.table.fence.contentStart,
  );
  const table = section?.def.table;
  if (!section || !table) return { kind: 'none' };

  const blockFirstLine = lines.position(section.table!.fence.contentStart).line;
  const indent = /^\s*/.exec(prefix)![0].length;
  const parentKeys = enclosingKeys(report, blockFirstLine, position.line, indent);
  const parentDefs = resolvePath(table, parentKeys);
  if (!parentDefs) return { kind: 'none' };
  const path = parentDefs.map((d) => d.key);

  const flow = /^(\s*)([^:#\s][^:#]*?)\s*:\s*\{([^}]*)$/.exec(prefix);
  if (flow) {
    const def = childAt(table, path, flow[2]);
    if (!def) return { kind: 'none' };
    const used = [...flow[3].matchAll(/([^,{:\s][^,{:]*?)\s*:/g)].map((m) => m[1].trim());
    const typed = /[^,{\s]*$/.exec(flow[3])![0];
    return {
      kind: 'tableColumn',
      section,
      table,
      def,
      columns: columnsAt(table, [...path, def.key]),
      used,
      typedStart: offset - typed.length,
    };
  }
  const value = /^(\s*)([^:#\s][^:#]*?)\s*:(\s*)(\[?[^\]]*)$/.exec(prefix);
  if (value) {
    const def = childAt(table, path, value[2]);
    if (!def) return { kind: 'none' };
    return {
      kind: 'tableValue',
      section,
      table,
      def,
      columns: columnsAt(table, [...path, def.key]),
      valueStart: offset - value[4].length,
      lineEnd,
    };
  }
  if (/^\s*[^:#[\]{}]*$/.test(prefix)) {
    const siblings = siblingKeys(
      report,
      blockFirstLine,
      lines.position(section.table!.fence.contentEnd).line,
      position.line,
      indent,
    );
    const children = parentDefs.length
      ? ((parentDefs[parentDefs.length - 1] as { children?: NodeDef[] }).children ?? [])
      : table.nodes;
    const present = children.filter((c) => siblings.some((k) => nodeMatches(c, k)));
    return { kind: 'tableKey', section, table, path, indent, typedStart: lineStart + indent, present };
  }
  return { kind: 'none' };
}

function insideFence(report: Report, offset: number): boolean {
  return report.fences.some((f) => f.contentStart <= offset && offset < f.contentEnd);
}

function sectionAt(report: Report, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const s of report.sections) if (s.start <= offset) found = s;
  return found;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;
const meaningful = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');

/** Keys of the lines above that open a group enclosing `indent` (nearest last). */
function enclosingKeys(report: Report, firstLine: number, line: number, indent: number): string[] {
  const keys: string[] = [];
  let limit = indent;
  for (let l = line - 1; l >= firstLine && limit > 0; l--) {
    const text = report.lines.lineText(l);
    if (!meaningful(text)) continue;
    const i = indentOf(text);
    if (i >= limit) continue;
    const m = KEY_LINE.exec(text);
    if (!m) return keys; // a row line with a value cannot enclose anything
    keys.unshift(m[2]);
    limit = i;
  }
  return keys;
}

/** Keys written at `indent` within the same parent as `line`. */
function siblingKeys(report: Report, firstLine: number, lastLine: number, line: number, indent: number): string[] {
  const keys: string[] = [];
  const collect = (from: number, step: 1 | -1) => {
    for (let l = from; l >= firstLine && l < lastLine; l += step) {
      const text = report.lines.lineText(l);
      if (!meaningful(text)) continue;
      const i = indentOf(text);
      if (i < indent) break;
      if (i === indent) {
        const m = /^\s*([^:#\s][^:#]*?)\s*:/.exec(text);
        if (m) keys.push(m[1]);
      }
    }
  };
  collect(line - 1, -1);
  collect(line + 1, 1);
  return keys;
}

function resolvePath(table: TableDef, keys: string[]): NodeDef[] | undefined {
  const defs: NodeDef[] = [];
  let nodes = table.nodes;
  for (const k of keys) {
    const def = nodes.find((n) => nodeMatches(n, k));
    if (!def || def.kind !== 'group') return undefined;
    defs.push(def);
    nodes = def.children;
  }
  return defs;
}

function childAt(table: TableDef, path: string[], key: string): NodeDef | undefined {
  const siblings = path.length ? placeAt(table, path)?.children : topPlaces(table);
  return siblings?.find((p) => nodeMatches(p.def, key))?.def;
}

export function columnsAt(table: TableDef, path: string[]): Column[] {
  return placeAt(table, path)?.columns ?? table.columns;
}
