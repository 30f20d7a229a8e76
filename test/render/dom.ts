// A few DOM helpers over parse5's tree: the renderer's output read as a browser parses it.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

const isElement = (n: Node): n is Element => 'tagName' in n;

export function parseDocument(html: string): Element {
  const doc = parse(html);
  return doc.childNodes.find(isElement)!;
}

export function parseHtmlFragment(html: string): Element {
  const fragment = parseFragment(html);
  // A synthetic root so the helpers below see one element.
  return {
    nodeName: 'root',
    tagName: 'root',
    attrs: [],
    namespaceURI: 'http://www.w3.org/1999/xhtml',
    childNodes: fragment.childNodes,
    parentNode: null,
  } as unknown as Element;
}

export function all(root: Element, pred: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n)) {
      if (pred(n)) out.push(n);
      const content = (n as Element & { content?: { childNodes: Node[] } }).content;
      for (const c of n.childNodes) visit(c);
      if (content) for (const c of content.childNodes) visit(c);
    }
  };
  for (const c of root.childNodes) visit(c);
  return out;
}

export const byTag = (root: Element, tag: string) => all(root, (e) => e.tagName === tag);
export const byClass = (root: Element, cls: string) => all(root, (e) => classList(e).includes(cls));

export function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

export function classList(e: Element): string[] {
  return (attr(e, 'class') ?? '').split(/\s+/).filter(Boolean);
}

export function text(n: Node): string {
  if ('value' in n && n.nodeName === '#text') return (n as { value: string }).value;
  if (!isElement(n)) return '';
  return n.childNodes.map(text).join('');
}

export const span = (e: Element, name: 'colspan' | 'rowspan') => Number(attr(e, name) ?? 1);

export const cells = (tr: Element) =>
  tr.childNodes.filter(isElement).filter((e) => e.tagName === 'td' || e.tagName === 'th');

/**
 * The HTML table model, simplified: places every cell of a table in a grid by its colspan/rowspan
 * and returns, per row, the number of grid slots it fills (-1 when it leaves a hole). Throws on overlaps.
 */
export function gridWidths(table: Element): number[] {
  const rows = byTag(table, 'tr');
  const taken: boolean[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of cells(tr)) {
      while (taken[r][c]) c++;
      for (let dr = 0; dr < span(cell, 'rowspan'); dr++) {
        for (let dc = 0; dc < span(cell, 'colspan'); dc++) {
          if (r + dr >= rows.length) throw new Error(`rowspan of “${text(cell)}” runs past the table`);
          if (taken[r + dr][c + dc])
            throw new Error(`cells overlap at row ${r + dr}, column ${c + dc} (“${text(cell)}”)`);
          taken[r + dr][c + dc] = true;
        }
      }
      c += span(cell, 'colspan');
    }
  });
  return taken.map((row) => (row.filter(Boolean).length === row.length ? row.length : -1));
}
