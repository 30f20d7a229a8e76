// Report model → a Word document (DOCX): the office's deliverable, signed, pasted into the website's
// CMS and printed (../shared/DOCX.md). GB/T 9704 page and type; the statutory tables from the same grid
// as the HTML renderer (grid.ts); the prose read by the same Markdown reading (markdownIt.ts). Pure:
// bytes out, no file system. Report text is only ever text in runs: no field, hyperlink or macro.
import type { FileChild, IParagraphOptions, Paragraph } from 'docx';
import type { Report } from '../../parse/model';
import type { Grid } from '../grid';
import { chineseDate, reportBody, reportTitle, statutoryGrids } from '../index';
import { md, type MdToken } from '../markdownIt';
import { inlineRuns, wordText, type RunSpec } from './inline';
import { loadDocx, type Docx } from './library';
import {
  BODY_CHAR,
  BODY_LINE,
  FONTS,
  PAGE,
  SIZE,
  TEXT_WIDTH,
  emWidth,
  fontTableXml,
  setWidth,
  halfPoints,
  runFont,
} from './page';
import { textRuns } from './runs';
import { TABLE_STYLE, gridTable, itemsTable, type ItemsCell, type ItemsTable } from './tables';

const CODE_STYLE = 'OgiCode';
const SIGNATURE_STYLE = 'OgiSignature';
const FOOTER_STYLE = 'Footer';

/** The report as a .docx package. */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const d = loadDocx();
  const { agency, issued, year } = report.frontMatter.data;
  const title = wordText(reportTitle(report));
  const children: FileChild[] = [
    titleParagraph(d, title, agency, year),
    ...bodyBlocks(d, report),
    ...signature(d, agency, issued),
  ];
  const doc = new d.Document({
    title,
    creator: wordText(agency ?? ''),
    lastModifiedBy: wordText(agency ?? ''),
    evenAndOddHeaderAndFooters: true,
    styles: styles(d),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { ...PAGE.margin, header: PAGE.footer, footer: PAGE.footer, gutter: 0 },
          },
        },
        // GB/T 9704: odd pages' numbers on the right, even pages' on the left, one character in.
        footers: { default: pageNumberFooter(d, 'right'), even: pageNumberFooter(d, 'left') },
        children,
      },
    ],
  });
  const buffer = await d.Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

// ---------------------------------------------------------------- styles

function styles(d: Docx) {
  const exact = d.LineRuleType.EXACT;
  const noIndent = { firstLine: 0, firstLineChars: 0 };
  const single = { line: 240, lineRule: d.LineRuleType.AUTO, before: 0, after: 0 };
  const plain = { bold: false, italics: false, color: '000000' };
  return {
    default: {
      document: {
        run: {
          font: runFont(FONTS.body),
          size: halfPoints(SIZE.san),
          // Latin text as Word's Chinese documents have it (en-US): zh-CN there lets LibreOffice break inside numbers.
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
      },
      title: {
        run: { ...plain, font: runFont(FONTS.title), size: halfPoints(SIZE.er) },
        paragraph: {
          alignment: d.AlignmentType.CENTER,
          indent: noIndent,
          spacing: { line: 700, lineRule: exact, before: 0, after: BODY_LINE },
        },
      },
      heading1: {
        run: { ...plain, font: runFont(FONTS.heading1), size: halfPoints(SIZE.san) },
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      heading2: {
        run: { ...plain, font: runFont(FONTS.heading2), size: halfPoints(SIZE.san) },
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        run: { ...plain, font: runFont(FONTS.body), size: halfPoints(SIZE.san) },
        paragraph: { keepNext: true, keepLines: true, outlineLevel: 2 },
      },
    },
    paragraphStyles: [
      {
        // The body (正文): what Word gives every new paragraph the office types.
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: runFont(FONTS.body), size: halfPoints(SIZE.san) },
        paragraph: {
          alignment: d.AlignmentType.JUSTIFIED,
          indent: { firstLine: 2 * BODY_CHAR, firstLineChars: 200 },
          spacing: { line: BODY_LINE, lineRule: exact, before: 0, after: 0 },
        },
      },
      {
        id: TABLE_STYLE,
        name: '表格文字',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: runFont(FONTS.table), size: halfPoints(SIZE.wu) },
        paragraph: { alignment: d.AlignmentType.CENTER, indent: noIndent, spacing: single },
      },
      {
        id: CODE_STYLE,
        name: '代码',
        basedOn: 'Normal',
        run: {
          font: { ascii: FONTS.code.name, hAnsi: FONTS.code.name, eastAsia: FONTS.table.name, cs: FONTS.code.name },
          size: halfPoints(SIZE.wu),
        },
        paragraph: { alignment: d.AlignmentType.LEFT, indent: noIndent, spacing: single },
      },
      {
        id: SIGNATURE_STYLE,
        name: '署名',
        basedOn: 'Normal',
        paragraph: { alignment: d.AlignmentType.RIGHT, indent: noIndent, keepNext: true, keepLines: true },
      },
      {
        id: FOOTER_STYLE,
        name: 'footer',
        basedOn: 'Normal',
        run: { font: runFont(FONTS.table), size: halfPoints(SIZE.si) },
        paragraph: { indent: noIndent, spacing: single },
      },
    ],
  };
}

// ---------------------------------------------------------------- title, footer, signature

/** Title lines: a title wider than the text block breaks after the agency (or before the year), whole words. */
export function titleLines(title: string, agency: string | undefined, year: number | undefined): string[] {
  const capacity = Math.floor(TEXT_WIDTH / 20 / SIZE.er);
  if (emWidth(title) <= capacity) return [title];
  const fits = (parts: string[]) => parts.every((p) => p && emWidth(p) <= capacity);
  for (const at of [agency && title.startsWith(agency) ? agency.length : -1, title.indexOf(`${year}年`)]) {
    if (at > 0 && fits([title.slice(0, at), title.slice(at)])) return [title.slice(0, at), title.slice(at)];
  }
  return [title];
}

function titleParagraph(d: Docx, title: string, agency: string | undefined, year: number | undefined): Paragraph {
  return new d.Paragraph({
    heading: d.HeadingLevel.TITLE,
    children: titleLines(title, agency, year).map((line, i) => new d.TextRun({ text: line, break: i ? 1 : undefined })),
  });
}

function pageNumberFooter(d: Docx, side: 'left' | 'right') {
  return new d.Footer({
    children: [
      new d.Paragraph({
        style: FOOTER_STYLE,
        alignment: side === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
        indent: side === 'right' ? { right: SIZE.si * 20 } : { left: SIZE.si * 20 },
        children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * The agency and the date under the text (GB/T 9704 7.3.5.1, a document without seal): one blank line,
 * the agency two characters in from the right, the date below starting two characters right of the
 * agency's first — or, when the date is the longer, the date two characters in and the agency moved left.
 */
function signature(d: Docx, agency: string | undefined, issued: string | undefined): Paragraph[] {
  const date = issued ? chineseDate(issued) : undefined;
  if (!agency && !date) return [];
  const a = agency ? setWidth(agency) : 0;
  const t = date ? setWidth(date) : 0;
  const dateIndent = agency ? Math.max(2, a - t) : 2;
  const agencyIndent = dateIndent + t - a + 2;
  const line = (text: string, chars: number, keepNext: boolean) =>
    new d.Paragraph({
      style: SIGNATURE_STYLE,
      indent: { right: Math.round(chars * BODY_CHAR) },
      keepNext,
      children: [new d.TextRun({ text: wordText(text) })],
    });
  return [
    new d.Paragraph({ keepNext: true, children: [] }),
    ...(agency ? [line(agency, date ? agencyIndent : 2, !!date)] : []),
    ...(date ? [line(date, dateIndent, false)] : []),
  ];
}

// ---------------------------------------------------------------- the body

interface StatutoryTable {
  grid: Grid;
  /** The tall row-tree table (section 三) is set in 小五 to fit one page. */
  rowTree: boolean;
}

function bodyBlocks(d: Docx, report: Report): FileChild[] {
  const { body, bodyLine } = reportBody(report);
  const statutory = new Map<number, StatutoryTable>();
  for (const { block, instance, grid } of statutoryGrids(report))
    statutory.set(block.fence.line, { grid, rowTree: instance.def.layout === 'rows' });
  const sectionLines = new Set(report.sections.map((s) => s.heading.line));
  const sectionLevel = report.sections[0]?.heading.level ?? 2;
  return new BodyWriter(d, statutory, sectionLines, sectionLevel).write(md.parse(body, {}), bodyLine);
}

interface ListState {
  ordered: boolean;
  next: number;
  delimiter: string;
}

/** Walks markdown-it's block tokens once, writing Word paragraphs and tables. */
class BodyWriter {
  /** Paragraphs stay options until the end: the last one is kept with the signature. */
  private readonly out: (FileChild | { paragraph: IParagraphOptions })[] = [];
  private readonly lists: ListState[] = [];
  private quotes = 0;
  /** The marker (`1.`, `•`) the next paragraph of a list item starts with. */
  private marker: string | undefined;

  constructor(
    private readonly d: Docx,
    private readonly statutory: Map<number, StatutoryTable>,
    private readonly sectionLines: Set<number>,
    private readonly sectionLevel: number,
  ) {}

  write(tokens: MdToken[], bodyLine: number): FileChild[] {
    const d = this.d;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const line = token.map ? token.map[0] + bodyLine : -1;
      switch (token.type) {
        case 'heading_open':
          this.heading(token, tokens[i + 1], this.sectionLines.has(line));
          i += 2;
          break;
        case 'paragraph_open':
          this.paragraph(inlineRuns(tokens[i + 1].children));
          i += 2;
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.lists.push({
            ordered: token.type === 'ordered_list_open',
            next: Number(token.attrGet('start') ?? 1),
            delimiter: token.markup || '.',
          });
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.lists.pop();
          break;
        case 'list_item_open': {
          const list = this.lists.at(-1)!;
          this.marker = list.ordered ? `${list.next++}${list.delimiter}` : '•';
          break;
        }
        case 'list_item_close':
          // An item without a paragraph of its own (empty, or a list only) still shows its marker.
          if (this.marker !== undefined) this.paragraph([]);
          break;
        case 'blockquote_open':
          this.quotes++;
          break;
        case 'blockquote_close':
          this.quotes--;
          break;
        case 'fence':
        case 'code_block': {
          const table = token.type === 'fence' ? this.statutory.get(line) : undefined;
          if (table) this.table(gridTable(d, table.grid, { size: table.rowTree ? SIZE.xiaowu : SIZE.wu }));
          else this.code(token.content);
          break;
        }
        case 'table_open': {
          const end = tokens.findIndex((t, j) => j > i && t.type === 'table_close');
          this.table(itemsTable(d, readItemsTable(tokens.slice(i, end))));
          i = end;
          break;
        }
        case 'hr':
          this.out.push({
            paragraph: {
              style: TABLE_STYLE,
              border: { bottom: { style: d.BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
              children: [],
            },
          });
          break;
        default:
          // Inline tokens are read with their block; raw HTML is off (html: false), so nothing else has text.
          break;
      }
    }
    // GB/T 9704: the signature never stands alone on a page — the last paragraph goes with it.
    return this.out.map((block, i) =>
      'paragraph' in block
        ? new d.Paragraph(i === this.out.length - 1 ? { ...block.paragraph, keepNext: true } : block.paragraph)
        : block,
    );
  }

  private heading(open: MdToken, inline: MdToken, isSection: boolean) {
    const d = this.d;
    const level = Number(open.tag.slice(1));
    const depth = isSection || level <= this.sectionLevel ? 1 : level === this.sectionLevel + 1 ? 2 : 3;
    const heading = [d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3][depth - 1];
    this.out.push({
      paragraph: { heading, indent: this.indent(), children: textRuns(d, inlineRuns(inline.children)) },
    });
  }

  /** A body paragraph, indented by its list and quote nesting; a list item's first starts with its marker. */
  private paragraph(runs: RunSpec[]) {
    const d = this.d;
    let specs = runs;
    if (this.marker !== undefined) {
      const first = runs[0]?.text ?? '';
      // `1.机构概况…` as GB/T 9704 numbers; a space only before Latin text.
      const gap = first && emWidth([...first][0]) < 1 ? ' ' : '';
      specs = [{ text: this.marker + gap }, ...runs];
      this.marker = undefined;
    }
    this.out.push({ paragraph: { indent: this.indent(), children: textRuns(d, specs) } });
  }

  /** Two characters more per list level beyond the first and per quote level, as the preview nests them. */
  private indent() {
    const steps = Math.max(0, this.lists.length - 1) + this.quotes;
    return steps ? { left: steps * 2 * BODY_CHAR } : undefined;
  }

  private code(content: string) {
    const d = this.d;
    const codeLines = content.replace(/\n$/, '').split('\n');
    this.out.push({
      paragraph: {
        style: CODE_STYLE,
        indent: this.indent(),
        children: codeLines.map((l, i) => new d.TextRun({ text: wordText(l), break: i ? 1 : undefined })),
      },
    });
  }

  /** A table, then a short empty paragraph: Word would join two tables that touch. */
  private table(table: FileChild) {
    this.out.push(table, { paragraph: { style: TABLE_STYLE, children: [] } });
  }
}

/** markdown-it's table tokens (table_open … before table_close) as rows of cells with their runs. */
function readItemsTable(tokens: MdToken[]): ItemsTable {
  const rows: ItemsCell[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open') rows.push([]);
    else if (t.type === 'th_open' || t.type === 'td_open') {
      const align = /text-align:(left|center|right)/.exec(String(t.attrGet('style') ?? ''))?.[1] as ItemsCell['align'];
      rows.at(-1)?.push({ runs: inlineRuns(tokens[i + 1]?.children ?? null), header: t.type === 'th_open', align });
    }
  }
  return { rows };
}
