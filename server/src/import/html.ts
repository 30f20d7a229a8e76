// The HTML reader: a government CMS page (or mammoth's HTML of a Word file) to the importer's items.
// The page is parsed by parse5 and never run: no script executes, nothing is fetched. The report is
// found by its statutory headings and tables (the rest of the page is chrome); its paragraphs become
// lines and its data tables matrices (matrix.ts expands their spans). Layout tables — tables that
// hold tables — are read as containers. Pages declaring GBK/GB2312 are decoded as GB18030.
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { TEMPLATES } from '../statute';
import { assemble, type Item } from './assemble';
import { sectionHeading } from './headings';
import { labelKey, tableLayout, templateTables } from './layout';
import { HtmlLines } from './htmlLines';
import { expandMatrix, type RawCell } from './matrix';
import { ImportRefusal, type ImportOptions, type ImportResult, type SourceKind, type SourceLocation } from './types';
import { compact, fixRadicals } from './values';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Beyond this a page is not a report (the largest real ones are a few hundred KB). */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
/** Element nesting read (real pages stay under 60). */
const MAX_DEPTH = 400;

const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'audio',
  'video',
  'img',
  'map',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export function importHtml(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  if (bytes.length > MAX_HTML_BYTES) throw new ImportRefusal('tooLarge', `${bytes.length} > ${MAX_HTML_BYTES} bytes`);
  return importHtmlText(decodeHtml(bytes), options, 'html');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030');

/** Decodes a page by its BOM or declared charset (GBK/GB2312 as GB18030), else UTF-8, else GB18030. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const declared = /<meta[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1].toLowerCase();
  if (declared) {
    const gbk = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|chinese)$/.test(declared);
    if (gbk) return GB18030.decode(bytes);
    // Declared UTF-8 but not (a GBK file on a CMS that declares UTF-8 for every page): as if undeclared.
    if (/^utf-?8$/.test(declared)) return decodeUndeclared(bytes);
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label: decoded as if undeclared
    }
  }
  return decodeUndeclared(bytes);
}

/** Bytes without a declared encoding: UTF-8 when they are (BOM allowed), else GB18030 (GBK/GB2312 on Chinese Windows). */
export function decodeUndeclared(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return GB18030.decode(bytes);
  }
}

interface Found {
  item: Item;
  /** The elements the item sits in, outermost first. */
  path: Element[];
}

/** Reads a page's report: the part of the page with the report's headings and tables. */
export function importHtmlText(html: string, options: ImportOptions = {}, source: SourceKind = 'html'): ImportResult {
  // Lines from a scan of the markup (htmlLines.ts), not parse5's location tracking: the parse stays fast.
  const doc = parse(html);
  const scan = new HtmlLines(html);
  let reader = new Reader(source === 'html' ? scan : undefined, scan);
  reader.walk(doc);
  reader.flush();
  // The markup's scan told layout tables from data tables; where it does not count the tree's tables
  // (damaged markup the parser repaired), the page is read again with the tree's own answer.
  if (reader.allTables !== scan.tables.length) {
    reader = new Reader(undefined, undefined);
    reader.markLayout(doc);
    reader.walk(doc);
    reader.flush();
  }
  const found = reader.found;

  // The report: the smallest element holding its statutory headings and tables; the rest is chrome.
  const markers = found.filter((f) => isMarker(f.item));
  let inside = found;
  let outside: Found[] = [];
  if (markers.length) {
    const root = commonAncestor(markers.map((m) => m.path));
    inside = found.filter((f) => root.every((e, k) => f.path[k] === e));
    const firstInside = found.indexOf(inside[0]);
    // Chrome before the report, nearest first: where a page puts the report's title.
    outside = found.slice(0, firstInside).reverse();
  }
  const outsideLines: { text: string; where: SourceLocation }[] = [];
  for (const { item } of outside) if (item.kind === 'line') outsideLines.push({ text: item.text, where: item.where });
  if (reader.title) outsideLines.push({ text: reader.title, where: {} });
  return assemble(
    { items: inside.map((f) => f.item), source, outside: outsideLines, scripted: reader.scripts > 0 },
    options,
  );
}

/** A statutory heading, or a table with statutory row labels. */
function isMarker(item: Item): boolean {
  if (item.kind === 'line') return sectionHeading(item.text) !== undefined;
  let hits = 0;
  for (const c of item.matrix.cells) if (STATUTORY_NAMES().has(labelKey(c.text)) && ++hits >= 3) return true;
  return false;
}

let names: Set<string> | undefined;
function STATUTORY_NAMES(): Set<string> {
  if (!names) {
    names = new Set();
    for (const template of TEMPLATES)
      for (const table of templateTables(template))
        for (const leaf of tableLayout(table).leaves) for (const n of leaf.names) names.add(n);
  }
  return names;
}

function commonAncestor(paths: Element[][]): Element[] {
  const out: Element[] = [];
  for (let k = 0; ; k++) {
    const e = paths[0][k];
    if (!e || !paths.every((p) => p[k] === e)) return out;
    out.push(e);
  }
}

/** An empty inline element (`<wbr>`, an anchor's `<a name>`): it adds no text and ends no line. */
function emptyInline(e: Element): boolean {
  return e.childNodes.length === 0 && e.tagName !== 'br' && !BLOCK.has(e.tagName);
}

function hidden(e: Element): boolean {
  // One pass over the attributes: this runs for every element of the page.
  for (const { name, value } of e.attrs)
    if (
      name === 'hidden' ||
      (name === 'aria-hidden' && value === 'true') ||
      (name === 'style' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(value))
    )
      return true;
  return false;
}

function children(node: Node): Node[] {
  return 'childNodes' in node ? (node as ParentNode).childNodes : [];
}

class Reader {
  readonly found: Found[] = [];
  title = '';
  scripts = 0;
  private tables = 0;
  private text = '';
  private where: SourceLocation = {};
  private path: Element[] = [];
  private level: number | undefined;
  /** Every table element in document order, data or layout: the index into the scan's tables. */
  allTables = 0;
  /** Tables that hold tables: read as layout (containers of blocks), not as data. */
  private layout = new Set<Element>();
  constructor(
    private readonly lines: HtmlLines | undefined,
    /** The markup's scan, which says which tables hold tables (without it, markLayout's tree pass). */
    private readonly scan: HtmlLines | undefined,
  ) {}

  /** Marks the tables that hold a table, in one pass over the tree (a table's parent table holds it). */
  markLayout(root: Node): void {
    const tables: Element[] = [];
    const visit = (n: Node, depth: number) => {
      if (depth > MAX_DEPTH || !('childNodes' in n)) return;
      const isTable = 'tagName' in n && n.tagName === 'table';
      if (isTable) {
        if (tables.length) this.layout.add(tables[tables.length - 1]);
        tables.push(n as Element);
      }
      for (const c of (n as ParentNode).childNodes) visit(c, depth + 1);
      if (isTable) tables.pop();
    };
    visit(root, 0);
  }

  /** The elements the walk is in, outermost first: copied only when an item starts there. */
  private readonly stack: Element[] = [];

  walk(node: Node): void {
    // Markup nested deeper than any page's layout is damage: its text is not read (and the stack holds).
    if (this.stack.length > MAX_DEPTH) return;
    if (node.nodeName === '#text') {
      this.append((node as DefaultTreeAdapterMap['textNode']).value);
      return;
    }
    if (!('tagName' in node)) {
      for (const c of children(node)) this.walk(c);
      return;
    }
    const e = node as Element;
    const tag = e.tagName;
    if (tag === 'script') this.scripts++;
    if (emptyInline(e)) return;
    if (tag === 'head') {
      const title = children(e).find((c) => c.nodeName === 'title');
      if (title && !this.title) this.title = textOf(title as Element);
    }
    if (SKIP.has(tag) || hidden(e)) return;
    if (tag === 'br') {
      this.flush();
      return;
    }
    if (tag === 'table') {
      const index = this.allTables++;
      const layout = this.scan ? this.scan.tables[index]?.holdsTable : this.layout.has(e);
      if (!layout) {
        this.flush();
        this.table(e, [...this.stack, e], index);
        return;
      }
    }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    const heading = HEADING_LEVEL.get(tag);
    if (heading) this.level = heading;
    this.stack.push(e);
    for (const c of children(e)) this.walk(c);
    this.stack.pop();
    if (block) this.flush();
    if (heading) this.level = undefined;
  }

  private append(value: string): void {
    if (this.text === '') {
      if (BLANK.test(value)) return;
      this.where = this.textLocation(value);
      this.path = this.stack.slice();
    }
    this.text += value;
  }

  flush(): void {
    const text = this.text === '' ? '' : fixRadicals(this.text.replace(SPACES, ' ').trim());
    if (text)
      this.found.push({
        item: { kind: 'line', text, where: this.where, level: this.level, block: true },
        path: this.path,
      });
    this.text = '';
  }

  private textLocation(text: string): SourceLocation {
    const line = this.lines?.lineOfText(text);
    return line !== undefined ? { line } : {};
  }

  private table(e: Element, path: Element[], index: number): void {
    const scanned = this.lines?.tables[index];
    const rows: RawCell[][] = [];
    const collect = (n: Node) => {
      for (const c of children(n)) {
        if (!('tagName' in c)) continue;
        const el = c as Element;
        if (el.tagName === 'tr') {
          const cells: RawCell[] = [];
          const lines = scanned?.rows[rows.length];
          for (const cell of children(el))
            if ('tagName' in cell && (cell.tagName === 'td' || cell.tagName === 'th')) {
              const ce = cell as Element;
              // Every field in the literal: cells of one shape are read fast by the matrix's expander.
              const read: RawCell = {
                text: fixRadicals(cellText(ce)),
                colspan: undefined,
                rowspan: undefined,
                line: undefined,
              };
              for (const { name, value } of ce.attrs)
                if (name === 'colspan') read.colspan = span(value);
                else if (name === 'rowspan') read.rowspan = span(value, true);
              const line = lines?.[cells.length];
              if (line !== undefined) read.line = line;
              cells.push(read);
            }
          rows.push(cells);
        } else if (ROW_GROUPS.has(el.tagName)) collect(el);
      }
    };
    collect(e);
    // A scan that does not agree with the tree (damaged markup) gives no lines rather than wrong ones.
    const agrees =
      scanned && scanned.rows.length === rows.length && rows.every((r, k) => scanned.rows[k].length === r.length);
    if (!agrees) for (const r of rows) for (const c of r) c.line = undefined;
    if (rows.length === 0) return;
    const number = ++this.tables;
    const matrix = expandMatrix(rows, number, agrees ? scanned.line : undefined);
    this.found.push({ item: { kind: 'table', matrix, where: matrix.where }, path });
  }
}

const HEADING_LEVEL = new Map(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag, k) => [tag, k + 1]));
const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

function span(value: string, row = false): number | undefined {
  const n = parseInt(value, 10);
  if (Number.isNaN(n)) return undefined;
  return row && n === 0 ? 0 : n;
}

/** A cell's text: its paragraphs and line breaks as newlines (`商业<br>企业`), spaces collapsed. */
function cellText(e: Element): string {
  // Most cells hold one text node (a number): read it directly.
  const only = e.childNodes.length === 1 ? e.childNodes[0] : undefined;
  if (only?.nodeName === '#text') return (only as DefaultTreeAdapterMap['textNode']).value.replace(SPACES, ' ').trim();
  let out = '';
  const walk = (n: Node, depth = 0) => {
    if (depth > MAX_DEPTH) return;
    if (n.nodeName === '#text') {
      out += (n as DefaultTreeAdapterMap['textNode']).value.replace(SPACES, ' ');
      return;
    }
    if (!('tagName' in n)) return;
    const el = n as Element;
    if (emptyInline(el)) return;
    if (SKIP.has(el.tagName) || hidden(el)) return;
    if (el.tagName === 'br') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) out += '\n';
    for (const c of children(el)) walk(c, depth + 1);
    if (block) out += '\n';
  };
  for (const c of children(e)) walk(c);
  // A label broken only by `<wbr>` or markup has no line breaks to tidy.
  return out.includes('\n') ? out.replace(/ *\n[\n ]*/g, '\n').trim() : out.trim();
}
const SPACES = /[\s\u00a0]+/g;
const BLANK = /^[\s\u00a0]*$/;

function textOf(e: Element): string {
  let out = '';
  const walk = (n: Node, depth = 0) => {
    if (depth > MAX_DEPTH) return;
    if (n.nodeName === '#text') out += (n as DefaultTreeAdapterMap['textNode']).value;
    else for (const c of children(n)) walk(c, depth + 1);
  };
  walk(e);
  return compact(out) ? out.replace(/\s+/g, ' ').trim() : '';
}
