// Writing the imported report as `.ogi.md` (FORMAT.md): the front matter, the preamble, the sections
// with their prose as published, and each statutory table as a YAML block in the list form with a
// comment naming its columns, in statutory order. Every line and table cell written records where in
// the source it came from. Faithful: blanks are `null`, words and units stay strings, labels that are
// not the statute's stay as published.
import type { Column, NodeDef, Template } from '../statute';
import type { SectionNumber } from '../parse/model';
import type { Translate } from '../i18n/messages';
import { describeWhere } from './locate';
import type { ReadRow, ReadTable } from './recognize';
import type { SourceLocation, SourceSpan } from './types';
import type { CellValue } from './values';

export interface Part {
  text: string;
  where?: SourceLocation;
}

export type OutBlock =
  | { kind: 'heading'; level: number; text: string; where?: SourceLocation }
  | { kind: 'para'; parts: Part[] }
  | { kind: 'mdtable'; rows: Part[][] }
  | { kind: 'table'; read: ReadTable };

export interface Located<T> {
  value: T;
  where?: SourceLocation;
}

export interface Composition {
  template: Template;
  agency?: Located<string>;
  year?: Located<number>;
  issued?: Located<string>;
  contact?: Located<string>;
  preamble: OutBlock[];
  sections: { number: SectionNumber; heading: { text: string; where?: SourceLocation }; blocks: OutBlock[] }[];
}

class Writer {
  readonly lines: string[] = [];
  readonly spans: SourceSpan[] = [];
  line(parts: Part[] | string, where?: SourceLocation): number {
    const list = typeof parts === 'string' ? [{ text: parts, where }] : parts;
    const n = this.lines.length;
    let text = '';
    for (const p of list) {
      if (p.where && p.text.length)
        this.spans.push({ line: n, start: text.length, end: text.length + p.text.length, where: p.where });
      text += p.text;
    }
    this.lines.push(text);
    return n;
  }
  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
}

export function compose(c: Composition, t: Translate): { text: string; spans: SourceSpan[] } {
  const w = new Writer();
  w.line('---');
  w.line(`template: ${c.template.id}`);
  if (c.agency) w.line([{ text: 'agency: ' }, { text: yamlScalar(c.agency.value), where: c.agency.where }]);
  if (c.year) w.line([{ text: 'year: ' }, { text: String(c.year.value), where: c.year.where }]);
  if (c.issued) w.line([{ text: 'issued: ' }, { text: c.issued.value, where: c.issued.where }]);
  if (c.contact) w.line([{ text: 'contact: ' }, { text: yamlScalar(c.contact.value), where: c.contact.where }]);
  w.line('---');
  w.blank();
  writeBlocks(w, c.preamble, t);
  for (const s of c.sections) {
    w.blank();
    w.line([{ text: '## ' }, { text: escapeInline(s.heading.text), where: s.heading.where }]);
    w.blank();
    writeBlocks(w, s.blocks, t);
  }
  while (w.lines.length && w.lines[w.lines.length - 1] === '') w.lines.pop();
  return { text: `${w.lines.join('\n')}\n`, spans: w.spans };
}

function writeBlocks(w: Writer, blocks: OutBlock[], t: Translate): void {
  for (const b of blocks) {
    w.blank();
    switch (b.kind) {
      case 'heading':
        w.line([{ text: `${'#'.repeat(b.level)} ` }, { text: escapeInline(b.text), where: b.where }]);
        break;
      case 'para':
        w.line(escapeParagraph(b.parts));
        break;
      case 'mdtable':
        writeMdTable(w, b.rows);
        break;
      case 'table':
        writeTable(w, b.read, t);
        break;
    }
    w.blank();
  }
}

// ---------------------------------------------------------------- prose

/** A paragraph's first characters that Markdown would read as syntax (a heading, a quote, a fence, a rule). */
function escapeParagraph(parts: Part[]): Part[] {
  const out = parts.map((p) => ({ text: p.text.replace(/\s*\n\s*/g, ' '), where: p.where }));
  if (out.length === 0) return out;
  const first = out[0].text;
  if (/^(?:#|>|={3,}|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|`{3,}|~{3,}|\+\+\+)/.test(first)) out[0].text = `\\${first}`;
  else if (/^\s{4,}/.test(first)) out[0].text = first.trimStart();
  return out;
}

function escapeInline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/^#+\s*/, '');
}

function writeMdTable(w: Writer, rows: Part[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (p: Part | undefined): Part => ({
    text:
      (p?.text ?? '')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\|/g, '\\|')
        .trim() || ' ',
    where: p?.where,
  });
  const line = (r: Part[]) => {
    const parts: Part[] = [{ text: '|' }];
    for (let i = 0; i < width; i++) parts.push({ text: ' ' }, cell(r[i]), { text: ' |' });
    w.line(parts);
  };
  line(rows[0]);
  w.line(`|${' --- |'.repeat(width)}`);
  rows.slice(1).forEach(line);
}

// ---------------------------------------------------------------- tables

function writeTable(w: Writer, read: ReadTable, t: Translate): void {
  const def = read.def;
  w.line('```yaml', read.where);
  if (def.layout !== 'blocks') w.line(`# ${columnList(def.columns)}`);
  const byPath = new Map<string, ReadRow>();
  for (const row of read.rows) if (row.leaf) byPath.set(row.leaf.path.join('/'), row);
  const unplacedIn = (path: string[]) => read.unplaced.filter((u) => (u.parent ?? []).join('/') === path.join('/'));
  // The groups that hold a row or an unplaced row: every prefix of their paths, once.
  const occupied = new Set<string>();
  const occupy = (path: string[]) => {
    let prefix = '';
    for (const key of path) occupied.add((prefix = prefix ? `${prefix}/${key}` : key));
  };
  for (const row of read.rows) if (row.leaf) occupy(row.leaf.path);
  for (const u of read.unplaced) occupy(u.parent ?? []);
  const has = (path: string[]): boolean => occupied.has(path.join('/'));
  // Keys are unique in each mapping: a repeated published label (two rows printed alike, two rows without a
  // label) gets its place in the source after it, so the block stays valid YAML and every row is kept.
  const unique = (used: Set<string>, key: string, row: ReadRow) => {
    let name = key || t('importNoLabel');
    if (used.has(name)) name = `${name}（${describeWhere(row.where, t)}）`;
    for (let n = 2; used.has(name); n++) name = `${key || t('importNoLabel')}（${n}）`;
    used.add(name);
    return name;
  };
  const emit = (nodes: NodeDef[], parent: string[], indent: string) => {
    const used = new Set<string>(nodes.map((n) => n.key));
    for (const node of nodes) {
      const path = [...parent, node.key];
      const row = byPath.get(path.join('/'));
      if (row) {
        // A row under its statutory key, or its published label when that is not a sibling's key already.
        const key = row.published ?? node.key;
        const name = key === node.key ? key : unique(used, key, row);
        writeRow(w, indent, name, row, t);
        continue;
      }
      if (node.kind !== 'group' || !has(path)) continue;
      w.line(`${indent}${yamlKey(node.key)}:`);
      if (def.layout === 'blocks' && node.columns) w.line(`${indent}  # ${columnList(node.columns)}`);
      emit(node.children, path, `${indent}  `);
    }
    for (const u of unplacedIn(parent)) writeRow(w, indent, unique(used, u.published ?? '', u), u, t);
  };
  emit(def.nodes, [], '');
  w.line('```');
}

function columnList(columns: Column[]): string {
  return columns.map((c) => c.label).join(', ');
}

function writeRow(w: Writer, indent: string, key: string, row: ReadRow, t: Translate): void {
  const parts: Part[] = [{ text: indent }, { text: yamlKey(key), where: row.where }, { text: ': ' }];
  const cells = row.values.map((v, i) => ({ text: yamlValue(v), where: row.cellWhere[i] }));
  if (cells.length === 1) parts.push(cells[0]);
  else {
    parts.push({ text: '[' });
    cells.forEach((c, i) => {
      if (i) parts.push({ text: ', ' });
      parts.push(c);
    });
    parts.push({ text: ']' });
  }
  const comments: string[] = [];
  if (row.ambiguous)
    comments.push(
      t('importCommentAmbiguous', {
        found: row.ambiguous.found,
        expected: row.ambiguous.expected,
        text: row.ambiguous.text,
      }),
    );
  if (row.parent !== undefined) comments.push(t('importCommentUnplaced'));
  // A comment is part of the YAML stream too: what YAML does not print is shown as U+FFFD.
  if (comments.length) parts.push({ text: `  # ${printable(comments.join('；').replace(/\s*\n\s*/g, ' '))}` });
  w.line(parts);
}

function yamlValue(v: CellValue | undefined): string {
  if (!v || v.kind === 'blank') return 'null';
  if (v.kind === 'number') return v.text;
  return quoted(v.text);
}

// ---------------------------------------------------------------- YAML scalars

const YAML_WORDS = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

/** A mapping key as plain YAML when it reads back as the same string, else double-quoted. */
export function yamlKey(key: string): string {
  return plainSafe(key) ? key : quoted(key);
}

/** A string value as plain YAML when it reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  return plainSafe(value) && !/^[\d+.-]/.test(value) ? value : quoted(value);
}

// What YAML does not accept in a stream, even quoted: DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF
// (damaged extraction produces them). Escaped in double quotes, they read back as the same string.
const NON_PRINTABLE =
  /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function printable(s: string): string {
  return [...s]
    .map((ch) => (ch.charCodeAt(0) < 32 ? '\ufffd' : ch))
    .join('')
    .replace(NON_PRINTABLE, '\ufffd');
}

/** Double-quoted YAML (JSON's escapes, plus YAML's for the characters YAML does not print). */
function quoted(s: string): string {
  return JSON.stringify(s).replace(NON_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function plainSafe(s: string): boolean {
  if (s === '' || s !== s.trim() || YAML_WORDS.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/:\s|\s#|:$|[\u2028\u2029\ufeff]/.test(s)) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 32) return false;
  NON_PRINTABLE.lastIndex = 0;
  if (NON_PRINTABLE.test(s)) return false;
  return !/^[+-]?(?:\d|\.\d)/.test(s) || /[^\d.+\-eE_:]/.test(s);
}
