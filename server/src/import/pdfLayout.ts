// A PDF page's positioned text runs → lines in reading order, as the text importer reads them (a row's
// label, then its values, tab-separated). Pure geometry over what pdf.js gives, no pdf.js here:
// 1. runs → pieces (split at spaces) → lines (one baseline) → cells (split at column gaps);
// 2. cells stacked in one column and written one after the other (a wrapped label, a paragraph, a
//    vertical label printed one character per line) → blocks;
// 3. lines holding values are table rows; a label block whose height spans one row's values is that
//    row's label (a wrapped label has its numbers at its middle height), one spanning several rows,
//    or left of a row's own label, is a group label, written before the first row it covers;
//    an empty cell of a row is marked blank in the column the table's other rows give it;
// 4. page headers, footers and page numbers (`- 3 -`, `—3—`, `第3页`) are dropped, and so is a table
//    header repeated at the top of the next page; a row broken across a page break is joined again.
// Characters are normalised where PDFs differ from what was typed: Kangxi radicals and vertical forms,
// the space word processors set between Chinese and digits.
import type { PdfPage, PdfRun } from './pdfTypes';
import type { SourceLine } from './types';
import { isValueToken } from './values';

// Distances are in multiples of the font size (em).
const SAME_LINE = 0.35; // baselines closer than this are one line
const CELL_GAP = 0.5; // a gap this wide between two runs of text is a column boundary
const VALUE_GAP = 0.8; // a value this far from its neighbours is a table cell
const WORD_GAP = 0.15; // narrower gaps join without a space
// Word processors set a fifth to a quarter of an em between Chinese and Latin letters or digits (`2020 年`)
// that the author never typed: up to this gap such a boundary joins without a space.
const AUTOSPACE = 0.3;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const NEXT_LINE = 1.9; // the next line of a paragraph or cell is at most this far below
const ROW_REACH = 0.4; // how far beyond its first and last line a label block reaches for its row
const TABLE_BREAK = 10; // rows further apart than this are not one table

// Text that begins with numbering starts something (a heading, a row), it continues nothing.
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/;
const DATE_LINE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
// A label numbered 1: `1.`, `1、`, `（1）`, `(1)`.
const FIRST_NUMBER = /^\s*(?:1\s*[.、．]|[（(]\s*1\s*[）)])/;

/** What an empty cell of a table row is written as, for the text importer (which reads it as blank). */
export const BLANK_CELL = '—';

/**
 * Characters PDFs carry for CJK ideographs: Kangxi radicals (U+2F00…), CJK compatibility ideographs
 * (U+F900…, U+2F800…), the vertical forms of punctuation (U+FE10…, U+FE30…: `︑` in a vertical label)
 * → NFKC; the supplement radicals that stand for whole characters → those. The rest (full-width
 * punctuation and digits included) stays as published.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺟': '母',
  '⺠': '民',
  '⻁': '虎',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻑': '長',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};
const IDEOGRAPH_FORMS = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe4f]|\ud87e[\udc00-\ude1f]/g;

export function normalizeIdeographs(text: string): string {
  return text.replace(IDEOGRAPH_FORMS, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
  order: number;
}

interface Line {
  base: number;
  size: number;
  pieces: Piece[];
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
  first: number;
  last: number;
  value: boolean;
  /** Characters, for the one-character-per-line stacks of vertical labels. */
  chars: number;
}

interface Block {
  cells: Cell[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
  value: boolean;
  /** A run printed rotated (vertical text): kept whole. */
  rotated?: string;
  rows: Row[];
  member?: Row;
}

interface Row {
  base: number;
  size: number;
  valueX0: number;
  members: Block[];
  groups: Block[];
}

/** The lines of a whole document, every page's in reading order, each with its page. */
export function layoutLines(pages: PdfPage[]): SourceLine[] {
  const pageLines = pages.map((page) => linesOf(page));
  dropRunningLines(pages, pageLines);
  const texts = pageLines.map((lines) => pageText(lines));
  // A table header repeated at the top of a page (Word's 重复标题行): the text importer would take it for
  // rows. Only lines that are no table row, and only while they repeat the previous page, compared word
  // by word (the repeated header's cells may fall into lines differently).
  const words = (line: OutLine) =>
    line.parts
      .flatMap((p) => p.text.split(/\s+/))
      .filter(Boolean)
      .map(shape);
  for (let i = texts.length - 1; i > 0; i--) {
    const previous = new Set(texts[i - 1].filter((t) => !t.row).flatMap(words));
    let k = 0;
    while (k < texts[i].length && !texts[i][k].row && words(texts[i][k]).every((w) => previous.has(w))) k++;
    texts[i].splice(0, k);
  }
  for (let i = 1; i < texts.length; i++) continueRow(texts[i - 1], texts[i]);
  return texts.flatMap((lines, i) =>
    lines.map((l) => ({ text: l.parts.map((p) => p.text).join('\t'), where: { page: i + 1 } })),
  );
}

/**
 * A table row broken across a page break (Word allows it by default): the text at the top of the next
 * page that falls inside the cells of the previous page's last row, in its type size, is the rest of
 * those cells (`5.要求行政机关确认或重新出具` / `已获取信息`, a date and its `日`).
 */
function continueRow(before: OutLine[], page: OutLine[]): void {
  const last = before[before.length - 1];
  if (!last?.row) return;
  while (page.length && !page[0].row) {
    const used = new Set<Part>();
    const into = page[0].parts.map((part) => {
      const cell = last.parts.find(
        (c) =>
          !c.value &&
          !used.has(c) &&
          part.x0 >= c.x0 - 0.5 * c.size &&
          part.x1 <= c.x1 + 0.5 * c.size &&
          Math.abs(part.size - c.size) <= 0.1 * c.size &&
          !NUMBERED.test(part.text),
      );
      if (cell) used.add(cell);
      return cell;
    });
    if (into.some((c) => !c)) return;
    into.forEach((c, k) => (c!.text = joinWrapped(c!.text, page[0].parts[k].text)));
    page.shift();
  }
}

/** Text with digits made alike, to compare running headers and footers across pages. */
const shape = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/\d+/g, '#');

// ---- 1. pieces and lines ----

interface PageLines {
  lines: Line[];
  rotated: Block[];
}

function linesOf(page: PdfPage): PageLines {
  const pieces: Piece[] = [];
  const rotated: Block[] = [];
  for (const run of page.runs) {
    const text = normalizeIdeographs(run.text);
    const size = Math.hypot(run.c, run.d) || Math.hypot(run.a, run.b);
    if (!(size > 0) || !Number.isFinite(run.x + run.y + run.width)) continue;
    if (Math.abs(run.b) + Math.abs(run.c) > Math.abs(run.a) + Math.abs(run.d)) {
      rotated.push(rotatedBlock(run, text, size));
      continue;
    }
    splitPieces(run, text, size, pieces);
  }
  pieces.sort((p, q) => q.base - p.base || p.x0 - q.x0);
  const lines: Line[] = [];
  let line: Line | undefined;
  for (const p of pieces) {
    if (line && line.base - p.base <= SAME_LINE * Math.min(line.size, p.size)) {
      line.pieces.push(p);
      line.size = Math.max(line.size, p.size);
    } else {
      line = { base: p.base, size: p.size, pieces: [p] };
      lines.push(line);
    }
  }
  for (const l of lines) l.pieces.sort((p, q) => p.x0 - q.x0);
  return { lines, rotated };
}

/** A run's words as pieces, each placed by the share of the run's width its characters take. */
function splitPieces(run: PdfRun, text: string, size: number, out: Piece[]): void {
  const weights = [...text].map((ch) => (/[\u1100-\uffff]/.test(ch) && !/[\uff61-\uffdc]/.test(ch) ? 1 : 0.5));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const dir = run.a >= 0 ? 1 : -1;
  let at = 0;
  let index = 0;
  for (const m of text.matchAll(/\S+/gu)) {
    const start = [...text.slice(0, m.index)].length;
    const len = [...m[0]].length;
    while (index < start) at += weights[index++];
    let w = 0;
    for (let k = start; k < start + len; k++) w += weights[k];
    const from = run.x + (dir * run.width * at) / total;
    const to = run.x + (dir * run.width * (at + w)) / total;
    out.push({
      text: m[0],
      x0: Math.min(from, to),
      x1: Math.max(from, to),
      base: run.y,
      size,
      order: run.order,
    });
    at += w;
    index += len;
  }
}

function rotatedBlock(run: PdfRun, text: string, size: number): Block {
  const len = Math.hypot(run.a, run.b) || 1;
  const ux = run.a / len,
    uy = run.b / len; // along the text
  const up = Math.hypot(run.c, run.d) || 1;
  const vx = run.c / up,
    vy = run.d / up; // towards the glyphs' tops
  const xs = [run.x, run.x + ux * run.width, run.x + vx * size, run.x + ux * run.width + vx * size];
  const ys = [run.y, run.y + uy * run.width, run.y + vy * size, run.y + uy * run.width + vy * size];
  const cell: Cell = {
    text: text.trim(),
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    base: Math.max(...ys),
    size,
    first: run.order,
    last: run.order,
    value: false,
    chars: [...text.trim()].length,
  };
  return {
    cells: [cell],
    x0: cell.x0,
    x1: cell.x1,
    top: Math.max(...ys),
    bottom: Math.min(...ys),
    size,
    value: false,
    rotated: text.trim(),
    rows: [],
  };
}

// ---- page numbers, running headers and footers ----

const PAGE_NUMBER = [
  /^[-—–－―~～_·•.\s]*\d{1,4}[-—–－―~～_·•.\s]*$/,
  /^第\d{1,4}页(?:[,，、/]?共\d{1,4}页)?$/,
  /^(?:共\d{1,4}页[,，、/]?)?第\d{1,4}页$/,
  /^\d{1,4}\/\d{1,4}$/,
  /^(?:page)?\d{1,4}(?:of\d{1,4})?$/i,
];

const lineText = (l: Line) => l.pieces.map((p) => p.text).join(' ');

/** Drops page numbers and the headers and footers repeated on several pages, at a page's top and bottom. */
function dropRunningLines(pages: PdfPage[], pageLines: PageLines[]): void {
  const edge = (page: PdfPage, l: Line) => l.base > page.height * 0.85 || l.base < page.height * 0.15;
  const edgeLines = pageLines.map(({ lines }, i) =>
    [...lines.slice(0, 2), ...lines.slice(-2)].filter((l, k, all) => all.indexOf(l) === k && edge(pages[i], l)),
  );
  // A running header or footer repeats at the same height: a table's header repeated at the top of the
  // next page does not count here (its first appearance, elsewhere on its page, stays).
  const key = (l: Line) => `${shape(lineText(l))}@${Math.round(l.base / 4)}`;
  const counts = new Map<string, number>();
  for (const lines of edgeLines) for (const k of new Set(lines.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeatedOn = Math.max(2, Math.ceil(pages.length * 0.3));
  pageLines.forEach((pl, i) => {
    const drop = new Set(
      edgeLines[i].filter((l) => {
        const compact = lineText(l).normalize('NFKC').replace(/\s+/g, '');
        return PAGE_NUMBER.some((re) => re.test(compact)) || (counts.get(key(l)) ?? 0) >= repeatedOn;
      }),
    );
    pl.lines = pl.lines.filter((l) => !drop.has(l));
  });
}

// ---- 2. cells and blocks ----

function cellsOf(line: Line): Cell[] {
  const ps = line.pieces;
  const s = line.size;
  const gap = (i: number) => (i <= 0 || i >= ps.length ? Infinity : ps[i].x0 - ps[i - 1].x1);
  const candidate = ps.map((p) => isValueToken(p.text) && /[\d/\-—–无]/.test(p.text.normalize('NFKC')));
  const apart = (i: number) => gap(i) >= VALUE_GAP * s && gap(i + 1) >= VALUE_GAP * s;
  // A line is a table row when some value stands apart from everything around it.
  const tabular = ps.some((_, i) => candidate[i] && apart(i));
  // Its values: those not set in running text — a number followed closely by words (`2019 年`, `4 月份`)
  // is part of them; one after a label that fills its cell is still a value.
  const value = ps.map(
    (_, i) =>
      tabular &&
      candidate[i] &&
      gap(i) >= 0.1 * s &&
      gap(i + 1) >= 0.1 * s &&
      !(i + 1 < ps.length && !candidate[i + 1] && gap(i + 1) < VALUE_GAP * s),
  );
  // Letter-spaced text — a title (`年 度 报 告`), a label justified across its cell (`规    章`) —, one
  // character a run, evenly apart, is one cell however wide its gaps: the whole of a line without
  // values, or the label before a row's first value.
  const firstValue = value.indexOf(true);
  const label = firstValue < 0 ? ps.length : firstValue;
  const labelGaps = ps.slice(1, label).map((_, i) => gap(i + 1));
  const spaced =
    label >= (firstValue < 0 ? 3 : 2) &&
    ps.slice(0, label).every((p) => [...p.text].length === 1) &&
    Math.min(...labelGaps) >= 0.2 * s &&
    Math.max(...labelGaps) <= 1.5 * Math.min(...labelGaps);
  const cells: Cell[] = [];
  let cur: Cell | undefined;
  ps.forEach((p, i) => {
    const g = gap(i);
    // Spaces inside one run are word spaces; a wide gap between runs is a column boundary.
    const boundary =
      !cur || value[i] || value[i - 1] || (!(spaced && i < label) && p.order !== ps[i - 1].order && g >= CELL_GAP * s);
    const chars = [...p.text].length;
    if (boundary) {
      cur = {
        text: p.text,
        x0: p.x0,
        x1: p.x1,
        base: line.base,
        size: p.size,
        first: p.order,
        last: p.order,
        value: value[i],
        chars,
      };
      cells.push(cur);
      return;
    }
    const mixed = CJK.test(cur!.text.slice(-1)) !== CJK.test(p.text[0]);
    cur!.text += (g < (mixed ? AUTOSPACE : WORD_GAP) * s ? '' : ' ') + p.text;
    cur!.x1 = Math.max(cur!.x1, p.x1);
    cur!.size = Math.max(cur!.size, p.size);
    cur!.first = Math.min(cur!.first, p.order);
    cur!.last = Math.max(cur!.last, p.order);
    cur!.chars += chars;
  });
  return cells;
}

/** Whether `c` continues the block whose last cell is `l`, one line above it. */
function continues(l: Cell, c: Cell): boolean {
  const s = Math.max(l.size, c.size);
  const dy = l.base - c.base;
  if (dy <= SAME_LINE * s || dy > NEXT_LINE * s) return false;
  if (Math.abs(l.size - c.size) > 0.1 * s) return false;
  if (Math.min(l.x1, c.x1) - Math.max(l.x0, c.x0) <= 0) return false;
  const stacked = l.chars === 1 && c.chars === 1 && Math.abs((l.x0 + l.x1) / 2 - (c.x0 + c.x1) / 2) <= 0.5 * s;
  if (stacked) return true;
  // A date is a line of its own (a signature's, under the agency's name), never a label's continuation.
  if (DATE_LINE.test(c.text)) return false;
  // The line above reaches as far right as this one: it was wrapped, not ended (a heading, a short
  // last line of a paragraph end their block).
  if (l.x1 < c.x1 - 1.0 * s) return false;
  // Aligned as wrapped lines are: on the left, on the centre, or a paragraph's indent in long lines
  // (a right-aligned signature and its date are two lines).
  const left = Math.abs(c.x0 - l.x0) <= 0.6 * s;
  const centred = Math.abs((c.x0 + c.x1) / 2 - (l.x0 + l.x1) / 2) <= 0.6 * s;
  const indented = c.x0 - l.x0 >= -3 * s && c.x0 - l.x0 <= 2.5 * s && l.x1 - l.x0 >= 15 * s;
  if (!left && !centred && !indented) return false;
  // Written right after it in the page's content: one cell's or paragraph's text, not the next row's label.
  return c.first === l.last + 1 || c.first === l.last;
}

function blocksOf(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let open: Block[] = [];
  for (const line of lines) {
    const next: Block[] = [];
    for (const cell of cellsOf(line)) {
      let host: Block | undefined;
      if (!cell.value)
        for (const b of open) {
          const last = b.cells[b.cells.length - 1];
          if (!b.value && !b.rotated && continues(last, cell) && (!host || last.base < host.bottom)) host = b;
        }
      if (host) {
        host.cells.push(cell);
        host.x0 = Math.min(host.x0, cell.x0);
        host.x1 = Math.max(host.x1, cell.x1);
        host.bottom = cell.base;
        next.push(host);
        continue;
      }
      const b: Block = {
        cells: [cell],
        x0: cell.x0,
        x1: cell.x1,
        top: cell.base,
        bottom: cell.base,
        size: cell.size,
        value: cell.value,
        rows: [],
      };
      blocks.push(b);
      next.push(b);
    }
    // Blocks stay open for the next line unless a line has passed them by.
    const lowest = line.base;
    open = [...next, ...open.filter((b) => !next.includes(b) && b.bottom - lowest <= NEXT_LINE * b.size)];
  }
  return blocks;
}

function blockText(b: Block): string {
  if (b.rotated !== undefined) return b.rotated;
  return b.cells.reduce((text, c) => joinWrapped(text, c.text), '');
}

/** A wrapped line joined to the one before: Latin words and numbers keep a space; CJK text joins as printed. */
function joinWrapped(text: string, next: string): string {
  return text && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ${next}` : text + next;
}

// ---- 3. rows and the page's text ----

/** One cell of an output line: a block's text and where it stands. */
interface Part {
  text: string;
  x0: number;
  x1: number;
  size: number;
  value: boolean;
}

interface OutLine {
  parts: Part[];
  row: boolean;
  key: number;
  x: number;
}

const part = (b: Block): Part => ({ text: blockText(b), x0: b.x0, x1: b.x1, size: b.size, value: b.value });

function pageText({ lines, rotated }: PageLines): OutLine[] {
  const blocks = [...blocksOf(lines), ...rotated];
  // Rows: the lines holding values; their values are single-cell blocks.
  const rowsByBase = new Map<number, Row>();
  for (const b of blocks) {
    if (!b.value) continue;
    let row = rowsByBase.get(b.top);
    if (!row) {
      row = { base: b.top, size: b.size, valueX0: b.x0, members: [], groups: [] };
      rowsByBase.set(b.top, row);
    }
    row.valueX0 = Math.min(row.valueX0, b.x0);
    row.size = Math.max(row.size, b.size);
    row.members.push(b);
    b.member = row;
  }
  const rows = [...rowsByBase.values()].sort((p, q) => q.base - p.base);

  // Label blocks: the rows their height spans (a wrapped label has its row's values at its middle).
  for (const b of blocks) {
    if (b.value) continue;
    const reach = ROW_REACH * b.size;
    b.rows = rows.filter((r) => r.base <= b.top + reach && r.base >= b.bottom - reach);
  }
  for (const row of rows) {
    const labels = blocks.filter((b) => !b.value && !b.member && b.rows.includes(row)).sort((p, q) => p.x0 - q.x0);
    const left = (b: Block) => b.x1 <= row.valueX0 + 0.3 * b.size;
    const own = labels.filter((b) => b.rows.length === 1 && left(b)).pop();
    for (const b of labels) {
      if (b.rows.length > 1) {
        // Spanning several rows: left of their values a group label; elsewhere (a merged remark) text.
        if (!left(b)) b.rows = [];
      } else if (!(left(b) && own && b !== own && b.x1 <= own.x0)) {
        b.member = row;
        row.members.push(b);
      }
    }
  }
  placeGroups(
    rows,
    blocks.filter((b) => !b.value && !b.member && b.rows.length > 0),
    blocks.filter((b) => b.rows.length === 0 && !b.member),
  );
  const standalone = blocks.filter((b) => b.rows.length === 0 && !b.member);
  markBlankCells(rows, standalone);

  const out: OutLine[] = [];
  for (const row of rows) {
    const members = row.members.sort((p, q) => p.x0 - q.x0);
    const groups = row.groups.sort((p, q) => p.x0 - q.x0);
    const key = Math.max(row.base, ...members.filter((b) => !b.value).map((b) => b.top));
    out.push({ parts: [...groups, ...members].map(part), row: true, key, x: members[0]?.x0 ?? 0 });
  }
  // Blocks outside the tables: those starting on one line make one line, left to right.
  standalone.sort((p, q) => q.top - p.top || p.x0 - q.x0);
  let cur: { blocks: Block[]; top: number; size: number } | undefined;
  const flush = () => {
    if (cur) out.push({ parts: cur.blocks.map(part), row: false, key: cur.top, x: cur.blocks[0].x0 });
  };
  for (const b of standalone) {
    if (cur && cur.top - b.top <= SAME_LINE * Math.min(cur.size, b.size)) cur.blocks.push(b);
    else {
      flush();
      cur = { blocks: [b], top: b.top, size: b.size };
    }
  }
  flush();
  return out.filter((l) => l.parts.some((p) => p.text.trim() !== '')).sort((p, q) => q.key - p.key || p.x - q.x);
}

/**
 * Empty cells: a row with fewer values than the other rows of its table has its values in the columns
 * they stand in, and an explicit blank in each column it leaves empty. (Flat text loses that: a row
 * `0 0 0 0 0 0` under seven columns cannot say which one is blank; the page can.) Columns are those of
 * the table's fullest rows, when at least two agree; otherwise nothing is changed.
 */
function markBlankCells(rows: Row[], standalone: Block[]): void {
  const values = (r: Row) => r.members.filter((b) => b.value).sort((p, q) => p.x0 - q.x0);
  const centre = (b: Block) => (b.x0 + b.x1) / 2;
  // Tables: consecutive rows near each other with nothing between them across their values.
  const tables: Row[][] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const span = (r: Row) =>
      values(r).reduce((a, b) => [Math.min(a[0], b.x0), Math.max(a[1], b.x1)], [Infinity, -Infinity]);
    const joined =
      prev &&
      prev.base - row.base <= TABLE_BREAK * Math.max(prev.size, row.size) &&
      !standalone.some((b) => {
        const [x0, x1] = [Math.min(span(prev)[0], span(row)[0]), Math.max(span(prev)[1], span(row)[1])];
        return b.top < prev.base && b.top > row.base && b.x0 < x1 && b.x1 > x0;
      });
    if (joined) tables[tables.length - 1].push(row);
    else tables.push([row]);
  });
  for (const table of tables) {
    const most = Math.max(...table.map((r) => values(r).length));
    const full = table.filter((r) => values(r).length === most);
    if (full.length < 2 || most < 2) continue;
    const columns = Array.from(
      { length: most },
      (_, k) => full.reduce((s, r) => s + centre(values(r)[k]), 0) / full.length,
    );
    const pitch = Math.min(...columns.slice(1).map((c, k) => c - columns[k]));
    // The fullest rows must agree on where the columns are.
    if (!full.every((r) => values(r).every((b, k) => Math.abs(centre(b) - columns[k]) <= pitch / 3))) continue;
    for (const row of table) {
      const found = values(row);
      if (found.length === most || found.length === 0) continue;
      const at = found.map((b) => columns.findIndex((c) => Math.abs(centre(b) - c) <= pitch / 3));
      if (at.some((k) => k < 0) || at.some((k, i) => i > 0 && k <= at[i - 1])) continue;
      columns.forEach((c, k) => {
        if (at.includes(k)) return;
        const size = found[0].size;
        const cell: Cell = {
          text: BLANK_CELL,
          x0: c - size / 2,
          x1: c + size / 2,
          base: row.base,
          size,
          first: -1,
          last: -1,
          value: true,
          chars: 1,
        };
        row.members.push({
          cells: [cell],
          x0: cell.x0,
          x1: cell.x1,
          top: row.base,
          bottom: row.base,
          size,
          value: true,
          rows: [],
          member: row,
        });
      });
    }
  }
}

/**
 * A group label (a merged cell's text: `（三）不予公开`, a vertical `三、本年度办理结果`) goes before the
 * first row it covers. The rows of one column's groups: runs of rows with nothing else in that column,
 * cut among the column's labels so that each label sits at the middle height of its rows, as merged
 * cells centre their text. A run open at the top (a page break) may begin with rows of a group whose
 * label is on the previous page; one open at the bottom, end with rows of the next page's.
 */
function placeGroups(rows: Row[], groups: Block[], standalone: Block[]): void {
  const overlap = (a: Block, b: Block) =>
    a.x0 < b.x1 - 0.1 * Math.min(a.size, b.size) && a.x1 > b.x0 + 0.1 * Math.min(a.size, b.size);
  const done = new Set<Block>();
  for (const seed of [...groups].sort((p, q) => q.top - p.top)) {
    if (done.has(seed)) continue;
    // The column: the labels whose widths overlap, transitively.
    const column = [seed];
    for (let k = 0; k < column.length; k++)
      for (const g of groups) if (!column.includes(g) && overlap(g, column[k])) column.push(g);
    column.forEach((g) => done.add(g));
    const inColumn = (b: Block) => column.some((g) => overlap(g, b));
    const occupied = (r: Row) => r.members.some((b) => !b.value && inColumn(b));
    // Rows of one table: near enough, and no text in the column between them (a heading, a caption).
    const joined = (upper: Row, lower: Row) =>
      upper.base - lower.base <= TABLE_BREAK * Math.max(upper.size, lower.size) &&
      !standalone.some((b) => b.top < upper.base && b.top > lower.base && inColumn(b));
    // Runs: consecutive joined rows with the column empty.
    const runs: { rows: number[]; shutTop: boolean; shutBottom: boolean }[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (occupied(rows[i])) continue;
      const run = runs[runs.length - 1];
      if (run && run.rows[run.rows.length - 1] === i - 1 && joined(rows[i - 1], rows[i])) run.rows.push(i);
      else runs.push({ rows: [i], shutTop: i > 0 && joined(rows[i - 1], rows[i]), shutBottom: false });
    }
    for (const run of runs) {
      const last = run.rows[run.rows.length - 1];
      run.shutBottom = last + 1 < rows.length && joined(rows[last], rows[last + 1]);
    }
    for (const run of runs) {
      const labels = column
        .filter((g) => run.rows.includes(rows.indexOf(g.rows[0])))
        .sort((p, q) => q.top + q.bottom - (p.top + p.bottom));
      if (labels.length === 0) continue;
      const starts = splitRun(
        run.rows.map((i) => rows[i].base),
        labels.map((g) => ({
          mid: (g.top + g.bottom) / 2,
          from: run.rows.indexOf(rows.indexOf(g.rows[0])),
          to: Math.max(...g.rows.map((r) => run.rows.indexOf(rows.indexOf(r)))),
        })),
        run.shutTop,
        run.shutBottom,
        run.rows.map((i) => rows[i].members.some((b) => !b.value && FIRST_NUMBER.test(blockText(b)))),
      );
      labels.forEach((g, k) => rows[run.rows[starts[k]]].groups.push(g));
    }
  }
}

/**
 * Where each label's rows start in a run of rows (baselines, top to bottom): consecutive segments, the
 * k-th holding label k's rows [from, to], each centred as nearly as can be on its label's middle height;
 * rows before the first segment (unless the run is shut at the top) and after the last (unless shut at
 * the bottom) belong to groups labelled elsewhere, and as few as can be.
 */
export function splitRun(
  bases: number[],
  labels: { mid: number; from: number; to: number }[],
  shutTop: boolean,
  shutBottom: boolean,
  restarts: boolean[] = [],
): number[] {
  const n = bases.length;
  const ORPHAN = 1e-3; // per row left to another page's label: only a tie-break between equal centrings
  // A row numbered 1 (`1.本机关不掌握…`) begins a group: another group's rows never hold one, unless
  // nothing else fits. With evenly spaced rows, centring alone cannot tell where a group ends.
  const RESTART = 1000;
  const restartsIn = (from: number, to: number) => {
    let k = 0;
    for (let r = from; r <= to; r++) if (restarts[r]) k++;
    return k;
  };
  const memo = new Map<string, { cost: number; starts: number[] }>();
  // Best placing of labels k.. with label k's rows starting at row s.
  const best = (k: number, s: number): { cost: number; starts: number[] } => {
    const key = `${k},${s}`;
    const known = memo.get(key);
    if (known) return known;
    let result = { cost: Infinity, starts: [] as number[] };
    const { mid, from, to } = labels[k];
    if (s <= from) {
      const lastEnd = k + 1 < labels.length ? labels[k + 1].from - 1 : n - 1;
      for (let e = Math.max(to, s); e <= lastEnd; e++) {
        const centring = Math.abs((bases[s] + bases[e]) / 2 - mid) + RESTART * restartsIn(s + 1, e);
        let rest: { cost: number; starts: number[] };
        if (k + 1 < labels.length) {
          if (e + 1 > labels[k + 1].from) continue;
          rest = best(k + 1, e + 1);
        } else {
          if (shutBottom && e !== n - 1) continue;
          rest = { cost: (n - 1 - e) * ORPHAN, starts: [] };
        }
        const cost = centring + rest.cost;
        if (cost < result.cost) result = { cost, starts: [s, ...rest.starts] };
      }
    }
    memo.set(key, result);
    return result;
  };
  let answer = { cost: Infinity, starts: labels.map((l) => l.from) };
  for (let s = 0; s <= (shutTop ? 0 : labels[0].from); s++) {
    const r = best(0, s);
    const cost = r.cost + s * ORPHAN + RESTART * restartsIn(1, s - 1);
    if (cost < answer.cost) answer = { cost, starts: r.starts };
  }
  return answer.starts;
}
