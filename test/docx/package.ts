// Reading a .docx back as Word would: its parts (jszip), their XML (a small parser for the plain XML
// a package holds: elements, attributes, text; no DTD), and the statutory tables as rows of cells
// with their spans rebuilt from w:gridSpan and w:vMerge.
import JSZip from 'jszip';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/** Parses one XML document; throws on a tag that does not close as it opened. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack = [root];
  const token =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) {
      if (top.name !== m[2]) throw new Error(`XML: </${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[3] ?? a[4]);
      const element: XmlElement = { name: m[3], attrs, children: [] };
      top.children.push(element);
      if (!m[5]) stack.push(element);
    } else if (m[6] !== undefined && !m[0].startsWith('<')) top.children.push(decode(m[6]));
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  return root;
}

const isElement = (n: XmlNode): n is XmlElement => typeof n !== 'string';

/** Every element named `name` under `root`, in document order (not looking inside matches). */
export function all(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children.filter(isElement)) {
      if (c.name === name) out.push(c);
      else visit(c);
    }
  };
  visit(root);
  return out;
}
/** Every element named `name` under `root`, nested matches too. */
export function deep(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    for (const c of e.children.filter(isElement)) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}
export const child = (e: XmlElement | undefined, name: string) =>
  e?.children.find((c): c is XmlElement => isElement(c) && c.name === name);
export const children = (e: XmlElement, name: string) =>
  e.children.filter((c): c is XmlElement => isElement(c) && c.name === name);
/** `w:val` (or another attribute) of a child element. */
export const val = (e: XmlElement | undefined, name: string, attr = 'w:val') => child(e, name)?.attrs[attr];

/** The text of a paragraph, cell or run: w:t contents, a w:br as a line break. */
export function text(e: XmlElement): string {
  let out = '';
  const visit = (n: XmlElement) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.name === 'w:t') out += c.children.filter((t): t is string => typeof t === 'string').join('');
      else if (c.name === 'w:br') out += '\n';
      else if (c.name === 'w:tab') out += '\t';
      else visit(c);
    }
  };
  visit(e);
  return out;
}

export interface Package {
  files: string[];
  xml(path: string): Promise<XmlElement>;
  raw(path: string): Promise<string>;
}

export async function openPackage(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const cache = new Map<string, Promise<XmlElement>>();
  const raw = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`no ${path} in the package`);
    return file.async('string');
  };
  return {
    files: Object.keys(zip.files).filter((f) => !zip.files[f].dir),
    raw,
    xml: (path) => {
      if (!cache.has(path)) cache.set(path, raw(path).then(parseXml));
      return cache.get(path)!;
    },
  };
}

export interface ReadCell {
  text: string;
  colspan: number;
  rowspan: number;
  /** First grid column. */
  col: number;
}
export interface ReadRow {
  cells: ReadCell[];
  header: boolean;
  cantSplit: boolean;
  /** Grid columns the row's cells take, w:gridSpan summed (covered cells included). */
  width: number;
}
export interface ReadTable {
  element: XmlElement;
  grid: number[];
  rows: ReadRow[];
}

/**
 * A w:tbl as rows of the cells that start in them: colspan from w:gridSpan; rowspan counted from a
 * w:vMerge "restart" down the continue cells written at the same grid column in the rows below. A
 * continue cell with nothing above it to continue is an error.
 */
export function readTable(tbl: XmlElement): ReadTable {
  const grid = all(child(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
  const open = new Map<number, ReadCell>();
  const rows = children(tbl, 'w:tr').map((tr, r): ReadRow => {
    const trPr = child(tr, 'w:trPr');
    const cells: ReadCell[] = [];
    let col = 0;
    for (const tc of children(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const colspan = Number(val(tcPr, 'w:gridSpan') ?? 1);
      const vMerge = child(tcPr, 'w:vMerge');
      const merge = vMerge ? (vMerge.attrs['w:val'] ?? 'continue') : undefined;
      if (merge === 'continue') {
        const above = open.get(col);
        if (!above || above.colspan !== colspan)
          throw new Error(`row ${r}, column ${col}: a vMerge continue cell with no cell above it to continue`);
        above.rowspan++;
      } else {
        const cell = { text: text(tc), colspan, rowspan: 1, col };
        cells.push(cell);
        if (merge === 'restart') open.set(col, cell);
        else open.delete(col);
      }
      col += colspan;
    }
    return { cells, header: !!child(trPr, 'w:tblHeader'), cantSplit: !!child(trPr, 'w:cantSplit'), width: col };
  });
  return { element: tbl, grid, rows };
}
