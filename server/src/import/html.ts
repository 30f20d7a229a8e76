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

/** Decodes a page by its BOM or declared charset (GBK/GB2312 as GB18030), else UTF-8, else GB18030. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1].toLowerCase();
  if (declared) {
    const label = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|chinese)$/.test(declared)
      ? 'gb18030'
      : declared;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: decoded as if undeclared
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

interface Found {
  item: Item;
  /** The elements the item sits in, outermost first. */
  path: Element[];
}

/** Reads a page's report: the part of the page with the report's headings and tables. */
export function importHtmlText(html: string, options: ImportOptions = {}, source: SourceKind = 'html'): ImportResult {
  const withLines = source === 'html';
  const doc = parse(html, { sourceCodeLocationInfo: withLines });
  const reader = new Reader(withLines);
  reader.walk(doc, []);
  reader.flush();
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
  const outsideLines = [
    ...outside.flatMap((f) => (f.item.kind === 'line' ? [{ text: f.item.text, where: f.item.where }] : [])),
    ...(reader.title ? [{ text: reader.title, where: {} }] : []),
  ];
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

const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function hidden(e: Element): boolean {
  if (attr(e, 'hidden') !== undefined || attr(e, 'aria-hidden') === 'true') return true;
  const style = attr(e, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function children(node: Node): Node[] {
  return 'childNodes' in node ? (node as ParentNode).childNodes : [];
}

function hasTable(e: Element, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const c of children(e)) if ('tagName' in c && (c.tagName === 'table' || hasTable(c, depth + 1))) return true;
  return false;
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
  constructor(private readonly withLines: boolean) {}

  walk(node: Node, path: Element[]): void {
    // Markup nested deeper than any page's layout is damage: its text is not read (and the stack holds).
    if (path.length > MAX_DEPTH) return;
    if (node.nodeName === '#text') {
      this.append((node as DefaultTreeAdapterMap['textNode']).value, node, path);
      return;
    }
    if (!('tagName' in node)) {
      for (const c of children(node)) this.walk(c, path);
      return;
    }
    const e = node as Element;
    const tag = e.tagName;
    if (tag === 'script') this.scripts++;
    if (tag === 'head') {
      const title = children(e).find((c) => c.nodeName === 'title');
      if (title && !this.title) this.title = textOf(title as Element);
    }
    if (SKIP.has(tag) || hidden(e)) return;
    if (tag === 'br') {
      this.flush();
      return;
    }
    const inner = [...path, e];
    if (tag === 'table' && !hasTable(e)) {
      this.flush();
      this.table(e, inner);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) this.flush();
    const heading = /^h[1-6]$/.test(tag) ? Number(tag[1]) : undefined;
    if (heading) this.level = heading;
    for (const c of children(e)) this.walk(c, inner);
    if (block) this.flush();
    if (heading) this.level = undefined;
  }

  private append(value: string, node: Node, path: Element[]): void {
    const text = value.replace(/[\s\u00a0]+/g, ' ');
    if (text.trim() === '' && this.text === '') return;
    if (this.text === '') {
      this.where = this.location(node);
      this.path = path;
    }
    this.text += text;
  }

  flush(): void {
    const text = fixRadicals(this.text.trim());
    if (text)
      this.found.push({
        item: { kind: 'line', text, where: this.where, level: this.level, block: true },
        path: this.path,
      });
    this.text = '';
  }

  private location(node: Node): SourceLocation {
    const loc = this.withLines
      ? (node as { sourceCodeLocation?: { startLine: number } | null }).sourceCodeLocation
      : null;
    return loc ? { line: loc.startLine } : {};
  }

  private table(e: Element, path: Element[]): void {
    const rows: RawCell[][] = [];
    const collect = (n: Node) => {
      for (const c of children(n)) {
        if (!('tagName' in c)) continue;
        const el = c as Element;
        if (el.tagName === 'tr') {
          const cells: RawCell[] = [];
          for (const cell of children(el))
            if ('tagName' in cell && (cell.tagName === 'td' || cell.tagName === 'th')) {
              const ce = cell as Element;
              const line = this.location(ce).line;
              cells.push({
                text: fixRadicals(cellText(ce)),
                colspan: span(attr(ce, 'colspan')),
                rowspan: span(attr(ce, 'rowspan'), true),
                ...(line !== undefined ? { line } : {}),
              });
            }
          rows.push(cells);
        } else if (['thead', 'tbody', 'tfoot'].includes(el.tagName)) collect(el);
      }
    };
    collect(e);
    if (rows.length === 0) return;
    const number = ++this.tables;
    const where = this.location(e);
    const matrix = expandMatrix(rows, number, where.line);
    this.found.push({ item: { kind: 'table', matrix, where: matrix.where }, path });
  }
}

function span(value: string | undefined, row = false): number | undefined {
  if (value === undefined) return undefined;
  const n = parseInt(value, 10);
  if (Number.isNaN(n)) return undefined;
  return row && n === 0 ? 0 : n;
}

/** A cell's text: its paragraphs and line breaks as newlines (`商业<br>企业`), spaces collapsed. */
function cellText(e: Element): string {
  const parts: string[] = [];
  const walk = (n: Node, depth = 0) => {
    if (depth > MAX_DEPTH) return;
    if (n.nodeName === '#text') {
      parts.push((n as DefaultTreeAdapterMap['textNode']).value.replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (!('tagName' in n)) return;
    const el = n as Element;
    if (SKIP.has(el.tagName) || hidden(el)) return;
    if (el.tagName === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) parts.push('\n');
    for (const c of children(el)) walk(c, depth + 1);
    if (block) parts.push('\n');
  };
  for (const c of children(e)) walk(c);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

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
