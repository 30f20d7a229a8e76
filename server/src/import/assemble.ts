// From a source's items (lines of text, structured tables) to the imported report: the statutory
// sections by their headings, the template by the tables' names, each statutory table read in its
// section (structured tables by their header, flat text by its rows), the prose as paragraphs, the
// front matter from the title, signature and preamble. Shared by every source reader.
import { DEFAULT_TEMPLATE_ID, getTemplate, TEMPLATES, type TableDef, type Template } from '../statute';
import type { SectionNumber } from '../parse/model';
import { resolveLocale, translator } from '../i18n/messages';
import { compose, type Composition, type Located, type OutBlock, type Part } from './compose';
import { isSubheading, sectionHeading } from './headings';
import {
  detectTemplate,
  detectTemplateFromCells,
  labelKey,
  tableLayout,
  templateForYear,
  templateTables,
} from './layout';
import { rowCells, type Matrix } from './matrix';
import { dateLine, findContact, findTitle, labelledDate, periodYear, signatureAgency } from './meta';
import { recognizeFlat, recognizeRows, type ReadTable } from './recognize';
import { readMatrixColumns, readMatrixRows } from './structured';
import { isPageMarker, splitRow, textRows, type TextLine, type TextRow } from './textRows';
import {
  ImportRefusal,
  type ImportDoubt,
  type ImportOptions,
  type ImportResult,
  type ImportSummary,
  type SourceKind,
  type SourceLocation,
  type TemplateBasis,
} from './types';
import { compact, isBlankText } from './values';

export type Item =
  | {
      kind: 'line';
      text: string;
      where: SourceLocation;
      /** An HTML/Word heading's level. */
      level?: number;
      /** A block of its own (an HTML paragraph): never joined to the lines around it. */
      block?: boolean;
    }
  | { kind: 'table'; matrix: Matrix; where: SourceLocation };

type LineItem = Extract<Item, { kind: 'line' }>;

export interface AssembleInput {
  items: Item[];
  source: SourceKind;
  /** Text outside the report (a web page's chrome): searched only for the title and a publication date. */
  outside?: { text: string; where: SourceLocation }[];
  /** A page whose body may be loaded by script (it has scripts): a refusal says so. */
  scripted?: boolean;
}

interface TableRead {
  read: ReadTable;
  /** Items the table occupies (replaced by its YAML block, placed at the first). */
  items: Set<number>;
  first: number;
}

export function assemble(input: AssembleInput, options: ImportOptions): ImportResult {
  const t = translator(resolveLocale(options.locale));
  const items = dropPageMarkers(input.items);
  const lineText = (i: number) => (items[i].kind === 'line' ? (items[i] as LineItem).text : '');

  // ---- statutory section headings, in document order
  const candidates: { index: number; number: SectionNumber; exact: boolean; level?: number }[] = [];
  items.forEach((item, index) => {
    if (item.kind !== 'line') return;
    const match = sectionHeading(item.text);
    if (match) candidates.push({ index, ...match, level: item.level });
  });
  // As the checker reads headings: with exact titles at some heading level, looser ones deeper down are sub-headings.
  const exactLevels = candidates.filter((c) => c.exact && c.level !== undefined).map((c) => c.level!);
  const deepest = exactLevels.length ? Math.max(...exactLevels) : 6;
  const headings = candidates.filter((c) => c.exact || c.level === undefined || c.level <= deepest);
  const firstOf = new Map<SectionNumber, number>();
  headings.forEach((h, k) => {
    if (!firstOf.has(h.number)) firstOf.set(h.number, k);
  });
  const regionOf = (number: SectionNumber): [number, number] | undefined => {
    const k = firstOf.get(number);
    if (k === undefined) return undefined;
    return [headings[k].index + 1, k + 1 < headings.length ? headings[k + 1].index : items.length];
  };
  const preambleEnd = headings.length ? headings[0].index : items.length;

  // ---- title, year, agency (the command line overrides)
  const preambleLines = range(0, preambleEnd).filter((i) => items[i].kind === 'line' && !isBlankText(lineText(i)));
  const titleScan = preambleLines.slice(0, 12);
  let title = findTitle(titleScan.map(lineText));
  const titleItems = new Set<number>();
  let titleWhere: SourceLocation | undefined;
  if (title) {
    for (let k = title.start; k < title.start + title.lines; k++) titleItems.add(titleScan[k]);
    titleWhere = items[titleScan[title.start + title.lines - 1]].where;
  } else if (input.outside?.length) {
    const outside = input.outside;
    title = findTitle(outside.map((o) => o.text));
    if (title) titleWhere = outside[title.start].where;
  }

  // ---- signature (agency and date at the end) and the issue date
  const lastLines = range(0, items.length)
    .filter((i) => items[i].kind === 'line' && !isBlankText(lineText(i)))
    .slice(-4);
  const signatureItems = new Set<number>();
  let issued: Located<string> | undefined;
  let signed: Located<string> | undefined;
  for (let k = lastLines.length - 1; k >= Math.max(0, lastLines.length - 3); k--) {
    const date = dateLine(lineText(lastLines[k]));
    if (!date || lastLines[k] < preambleEnd) continue;
    issued = { value: date, where: items[lastLines[k]].where };
    signatureItems.add(lastLines[k]);
    for (const j of [k - 1, k + 1]) {
      const i = lastLines[j];
      if (i === undefined || i < preambleEnd) continue;
      const name = signatureAgency(lineText(i));
      if (name) {
        signed = { value: name, where: items[i].where };
        signatureItems.add(i);
        break;
      }
    }
    break;
  }
  if (!issued) {
    const labelled = [
      ...items.flatMap((item) => (item.kind === 'line' ? [{ text: item.text, where: item.where }] : [])),
      ...(input.outside ?? []),
    ];
    for (const line of labelled) {
      const date = labelledDate(line.text);
      if (date) {
        issued = { value: date, where: line.where };
        break;
      }
    }
  }

  const preambleText = preambleLines.map(lineText).join('\n');
  let agency: Located<string> | undefined = options.agency ? { value: options.agency } : undefined;
  if (!agency) {
    const fromTitle = title?.agency;
    if (signed && fromTitle && signed.value !== fromTitle && signed.value.endsWith(fromTitle)) agency = signed;
    else if (fromTitle) agency = { value: fromTitle, where: titleWhere };
    else agency = signed;
  }
  let year: Located<number> | undefined = options.year !== undefined ? { value: options.year } : undefined;
  if (!year && title?.year) year = { value: title.year, where: titleWhere };
  if (!year) {
    const y = periodYear(preambleText);
    if (y) year = { value: y };
  }
  const contactValue =
    findContact(preambleText) ??
    findContact(
      items
        .filter((i): i is LineItem => i.kind === 'line')
        .map((i) => i.text)
        .join('\n'),
    );
  const contact: Located<string> | undefined = contactValue ? { value: contactValue } : undefined;

  // ---- the template
  let template: Template | undefined;
  let templateFrom: TemplateBasis = 'default';
  if (options.template) {
    template = getTemplate(options.template);
    templateFrom = 'option';
  }
  if (!template) {
    const tableSections: SectionNumber[] = ['二', '三', '四'];
    const regions = tableSections.map(regionOf).filter((r): r is [number, number] => !!r);
    const scope: number[] = [];
    for (const [from, to] of regions.length ? regions : [[0, items.length]])
      for (let i = from; i < to; i++) scope.push(i);
    // Structured tables anywhere count, cell by cell (a report may put its tables outside the sections'
    // headings); without them, the lines of the sections that hold tables.
    const cells: string[] = [];
    for (const item of items) if (item.kind === 'table') for (const c of item.matrix.cells) cells.push(c.text);
    template =
      (cells.length ? detectTemplateFromCells(cells) : undefined) ?? detectTemplate(scope.map(lineText).join('\n'));
    if (template) templateFrom = 'tables';
    else if (year && (template = templateForYear(year.value))) templateFrom = 'year';
    else {
      template = getTemplate(DEFAULT_TEMPLATE_ID) ?? TEMPLATES[0];
      templateFrom = 'default';
    }
  }

  // ---- the statutory tables
  const taken = new Set<number>();
  const reads = new Map<string, TableRead>();
  for (const section of template.sections) {
    if (!section.table) continue;
    const region = regionOf(section.number);
    let found = region ? readTable(section.table, items, range(region[0], region[1]), taken) : undefined;
    // A table outside its section (or a report without headings): search what no other table took.
    if (!found)
      found = readTable(
        section.table,
        items,
        range(0, items.length).filter((i) => !taken.has(i) && !isHeadingItem(i)),
        taken,
        true,
      );
    if (!found) continue;
    for (const i of found.items) taken.add(i);
    reads.set(section.table.id, found);
  }
  function isHeadingItem(i: number) {
    return headings.some((h) => h.index === i);
  }
  if (reads.size === 0) {
    const anyTable = items.some((i) => i.kind === 'table');
    throw new ImportRefusal(input.scripted && !anyTable ? 'scriptBody' : 'noTables');
  }

  // ---- the blocks: prose, other tables, and each statutory table at its place
  const consumed = new Set<number>([...titleItems, ...signatureItems, ...taken]);
  const tableAt = new Map<number, TableRead>();
  for (const r of reads.values()) tableAt.set(r.first, r);
  const blocksOf = (from: number, to: number): OutBlock[] => {
    const out: OutBlock[] = [];
    let lines: LineItem[] = [];
    const flush = () => {
      out.push(...proseBlocks(lines, input.source));
      lines = [];
    };
    for (let i = from; i < to; i++) {
      const table = tableAt.get(i);
      if (table) {
        flush();
        out.push({ kind: 'table', read: table.read });
        continue;
      }
      if (consumed.has(i)) continue;
      const item = items[i];
      if (item.kind === 'table') {
        flush();
        const rows = matrixParts(item.matrix);
        if (rows.length) out.push({ kind: 'mdtable', rows });
        continue;
      }
      lines.push(item);
    }
    flush();
    return out;
  };

  const sections: Composition['sections'] = headings.map((h, k) => ({
    number: h.number,
    heading: { text: compactHeading(lineText(h.index)), where: items[h.index].where },
    blocks: blocksOf(h.index + 1, k + 1 < headings.length ? headings[k + 1].index : items.length),
  }));
  // A statutory table whose section heading is not in the source: under the statutory heading, in order.
  for (const section of template.sections) {
    const read = section.table && reads.get(section.table.id);
    if (!read || sections.some((s) => s.blocks.some((b) => b.kind === 'table' && b.read === read.read))) continue;
    const at = sections.findIndex((s) => s.number > section.number);
    const entry = {
      number: section.number,
      heading: { text: `${section.number}、${section.title}` },
      blocks: [{ kind: 'table', read: read.read } as OutBlock],
    };
    if (at < 0) sections.push(entry);
    else sections.splice(at, 0, entry);
  }

  const composition: Composition = {
    template,
    agency,
    year,
    issued,
    contact,
    preamble: blocksOf(0, preambleEnd),
    sections,
  };
  const { text, spans } = compose(composition, t);
  const summary = summarize(template, templateFrom, composition, headings, reads);
  return { text, spans, summary, source: input.source };
}

// ---------------------------------------------------------------- reading one table

function readTable(
  def: TableDef,
  items: Item[],
  scope: number[],
  taken: Set<number>,
  anywhere = false,
): TableRead | undefined {
  const where = (i: number) => items[i].where;
  const matrices = scope.filter((i) => items[i].kind === 'table' && !taken.has(i));
  if (matrices.length) {
    const found = readStructured(def, items, matrices, anywhere);
    if (found) return found;
  }
  const lines: TextLine[] = scope
    .filter((i) => items[i].kind === 'line' && !taken.has(i))
    .map((i) => ({ text: (items[i] as LineItem).text, where: where(i), index: i }));
  if (lines.length === 0) return undefined;
  const layout = tableLayout(def);
  const furniture = (text: string) => isFurniture(layout.chars, text);
  const rows = textRows(lines, furniture);
  if (rows.length === 0) return undefined;
  let read: ReadTable | undefined;
  let usedRows: TextRow[] = [];
  if (def.layout === 'columns') {
    const flat = flatRun(def, rows);
    if (flat) {
      read = recognizeFlat(
        def,
        flat.flatMap((r) => r.cells),
        flat[0].where,
      );
      usedRows = flat;
    }
  }
  if (!read) {
    const r = recognizeRows(def, rows, rows[0].where);
    const anchors = r.rows.filter((x) => !x.published).length;
    if (anchors === 0 || (anywhere && anchors < 2)) return undefined;
    read = { ...r, where: rows[Math.min(...r.used)].where };
    usedRows = [...r.used].map((k) => rows[k]);
  }
  if (usedRows.length === 0) return undefined;
  const indexes = usedRows.map((r) => r.index);
  let first = Math.min(...indexes);
  let last = Math.max(...indexes);
  // Header lines before the first row and a wrapped label's tail after the last belong to the table.
  const position = new Map(lines.map((l, k) => [l.index, k]));
  for (let k = position.get(first)! - 1; k >= 0; k--) {
    const l = lines[k];
    if (compact(l.text) === '') continue;
    if (!furniture(l.text) || splitRow(l.text).values.length) break;
    first = l.index;
  }
  for (let k = position.get(last)! + 1, n = 0; k < lines.length && n < 2; k++, n++) {
    const l = lines[k];
    if (compact(l.text) === '' || !furniture(l.text) || splitRow(l.text).values.length) break;
    last = l.index;
  }
  const occupied = new Set(lines.filter((l) => l.index >= first && l.index <= last).map((l) => l.index));
  return { read: { ...read, where: items[first].where }, items: occupied, first };
}

function readStructured(def: TableDef, items: Item[], matrices: number[], anywhere: boolean): TableRead | undefined {
  const matrixOf = (i: number) => (items[i] as Extract<Item, { kind: 'table' }>).matrix;
  if (def.layout === 'columns') {
    for (const i of matrices) {
      const read = readMatrixColumns(def, matrixOf(i), items[i].where);
      if (read && read.rows.some((r) => !r.ambiguous)) return { read, items: new Set([i]), first: i };
    }
    return undefined;
  }
  // In its section, the section's tables are read as one (a table split over pages, section 二's blocks
  // printed as separate tables); anywhere else, each table alone, and the one read best is taken.
  const sets = anywhere ? matrices.map((i) => [i]) : [matrices];
  let best: TableRead | undefined;
  let bestAnchors = 0;
  for (const set of sets) {
    const { read, rows } = readMatrixRows(def, set.map(matrixOf), items[set[0]].where);
    const anchors = read.rows.filter((r) => !r.published).length;
    if (anchors === 0 || (anywhere && anchors < 2) || anchors <= bestAnchors) continue;
    const used = new Set([...read.used].map((k) => set[rows[k].table]));
    const first = Math.min(...used);
    best = { read: { ...read, where: items[first].where }, items: used, first };
    bestAnchors = anchors;
  }
  return best;
}

/** Section 四's one data row in flat text: a row with all the values, or consecutive value-only rows adding up. */
function flatRun(def: TableDef, rows: TextRow[]): TextRow[] | undefined {
  const total = tableLayout(def)
    .leaves.filter((l) => !l.groupAsRow)
    .reduce((s, l) => s + l.columns.length, 0);
  const exact = rows.find((r) => r.cells.length === total && labelKey(r.label).length <= 2);
  if (exact) return [exact];
  for (let k = 0; k < rows.length; k++) {
    const run: TextRow[] = [];
    let count = 0;
    for (let j = k; j < rows.length && count < total && labelKey(rows[j].label) === ''; j++) {
      run.push(rows[j]);
      count += rows[j].cells.length;
    }
    if (count === total && run.length > 1) return run;
  }
  // The value-only rows, however many values: placed if their count is the table's, else all in doubt.
  const valueOnly = rows.filter((r) => labelKey(r.label) === '');
  return valueOnly.length ? valueOnly : undefined;
}

/** A line without values that can be part of a table: made of the table's own characters, no sentence. */
function isFurniture(chars: Set<string>, text: string): boolean {
  // Markup a converter left in the text (`<p>…</p>` around a header cell) is not the table's words.
  const c = [...labelKey(text.replace(/<\/?[a-z][^>]*>/gi, ''))];
  if (c.length === 0) return true;
  if (c.length > 120 || /[。；;！？!?]/.test(text)) return false;
  return c.filter((ch) => chars.has(ch)).length >= 0.85 * c.length;
}

// ---------------------------------------------------------------- prose

const SENTENCE_END = /[。！？；：!?;:]$/;
const ITEM_START =
  /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,3}[，,、])/;

/** Lines to paragraphs: a PDF's or a text's wrapped lines join until a sentence ends; blocks stand alone. */
function proseBlocks(lines: LineItem[], source: SourceKind): OutBlock[] {
  const out: OutBlock[] = [];
  let para: Part[] = [];
  let previous = '';
  const flush = () => {
    if (para.length) out.push({ kind: 'para', parts: para });
    para = [];
    previous = '';
  };
  const join = source === 'text' || source === 'pdf';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const text = line.text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    if (text === '') {
      flush();
      continue;
    }
    if (line.level !== undefined || isSubheading(text)) {
      flush();
      out.push({ kind: 'heading', level: 3, text, where: line.where });
      continue;
    }
    if (join) {
      const table = tabularRun(lines, k);
      if (table) {
        flush();
        out.push({ kind: 'mdtable', rows: table.rows });
        k = table.end - 1;
        continue;
      }
    }
    const joins = join && !line.block && para.length > 0 && !SENTENCE_END.test(previous) && !ITEM_START.test(text);
    if (!joins) flush();
    para.push({ text, where: line.where });
    previous = text;
    if (line.block) flush();
  }
  flush();
  return out;
}

/** A run of at least two lines of tab- or pipe-separated cells, the same number (≥ 3) on each: a list of items. */
function tabularRun(lines: LineItem[], k: number): { rows: Part[][]; end: number } | undefined {
  const cellsOf = (text: string): string[] | undefined => {
    if (/^\s*\|?\s*:?-{3,}/.test(text) && /^[\s|:-]+$/.test(text)) return [];
    const parts = text.includes('\t')
      ? text.split('\t')
      : /^\s*\|.*\|\s*$/.test(text)
        ? text.trim().slice(1, -1).split('|')
        : [];
    const cells = parts.map((p) => p.trim()).filter((p) => p !== '');
    return cells.length >= 3 ? cells : undefined;
  };
  const first = cellsOf(lines[k].text);
  if (!first || first.length === 0) return undefined;
  const rows: Part[][] = [];
  let end = k;
  for (; end < lines.length; end++) {
    const cells = cellsOf(lines[end].text);
    if (cells === undefined) break;
    if (cells.length === 0) continue; // a Markdown delimiter row
    if (cells.length !== first.length) break;
    rows.push(cells.map((text) => ({ text, where: lines[end].where })));
  }
  return rows.length >= 2 ? { rows, end } : undefined;
}

function matrixParts(m: Matrix): Part[][] {
  const rows: Part[][] = [];
  for (let r = 0; r < m.slots.length; r++) {
    const starts = new Map(rowCells(m, r).map((c) => [c.col, c]));
    const row: Part[] = [];
    for (let x = 0; x < m.width; x++) {
      const c = starts.get(x);
      row.push(c ? { text: c.text, where: c.where } : { text: '' });
    }
    if (row.some((p) => compact(p.text) !== '')) rows.push(row);
  }
  return rows;
}

/** A heading as published, its spacing tidied (`五、 存在的问题…` → `五、存在的问题…`). */
function compactHeading(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(/(?<=[、.．])\s+/, '');
}

function dropPageMarkers(items: Item[]): Item[] {
  return items.filter((item, k) => {
    if (item.kind !== 'line') return true;
    if (isPageMarker(item.text)) return false;
    // A bare page number as a page's first or last line (a PDF's footer).
    const page = item.where.page;
    if (page !== undefined && compact(item.text) === String(page)) {
      const prev = items[k - 1]?.where.page,
        next = items[k + 1]?.where.page;
      if (prev !== page || next !== page) return false;
    }
    return true;
  });
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

// ---------------------------------------------------------------- the summary

function summarize(
  template: Template,
  templateFrom: TemplateBasis,
  c: Composition,
  headings: { number: SectionNumber }[],
  reads: Map<string, TableRead>,
): ImportSummary {
  const cells = { read: 0, blank: 0, unreadable: 0 };
  const doubts: ImportDoubt[] = [];
  const tables: ImportSummary['tables'] = [];
  for (const def of templateTables(template)) {
    const found = reads.get(def.id);
    if (!found) {
      tables.push({ id: def.id, found: false });
      cells.unreadable += tableLayout(def)
        .leaves.filter((l) => !l.groupAsRow)
        .reduce((s, l) => s + l.columns.length, 0);
      doubts.push({ kind: 'tableMissing', table: def.id, row: def.caption, where: {} });
      continue;
    }
    const read = found.read;
    tables.push({ id: def.id, found: true, where: read.where });
    for (const row of [...read.rows, ...read.unplaced]) {
      for (const v of row.values) {
        if (!v) cells.unreadable++;
        else if (v.kind === 'blank') cells.blank++;
        else cells.read++;
      }
      const name = row.published ?? row.leaf?.path.join('/') ?? '';
      if (row.ambiguous)
        doubts.push({
          kind: 'rowValues',
          table: def.id,
          row: name,
          text: row.ambiguous.text,
          found: row.ambiguous.found,
          expected: row.ambiguous.expected,
          where: row.where,
        });
      if (row.parent !== undefined) doubts.push({ kind: 'rowUnplaced', table: def.id, row: name, where: row.where });
    }
    for (const leaf of read.missing) {
      cells.unreadable += leaf.columns.length;
      doubts.push({ kind: 'rowMissing', table: def.id, row: leaf.path.join('/'), where: read.where });
    }
  }
  return {
    template: template.id,
    templateFrom,
    agency: c.agency?.value,
    year: c.year?.value,
    issued: c.issued?.value,
    contact: c.contact?.value,
    sections: headings.map((h) => h.number),
    tables,
    cells,
    doubts,
  };
}
