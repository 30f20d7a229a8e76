// year-mismatch: the title, the stated 统计期限, or the date of an item listed as the year's output
// lies outside the report `year` (FORMAT.md §5 identity 6).
import type { RawFinding, Rule } from './types';

const YEAR_IN_TEXT = /(\d{4})\s*年/g;
const DATE_IN_CELL = /^(\d{4})\s*(?:年|-|\.|\/)\s*\d{1,2}/;

export const yearMismatchRule: Rule = {
  code: 'year-mismatch',
  severity: 'warning',
  description: 'Title, 统计期限 or a listed item dated outside the report year',
  check({ report, t }) {
    const year = report.frontMatter.data.year;
    if (year === undefined) return [];
    const out: RawFinding[] = [];
    const text = report.text;
    const yearsIn = (start: number, end: number, id: 'yearTitle' | 'yearPeriod') => {
      for (const m of text.slice(start, end).matchAll(YEAR_IN_TEXT)) {
        if (Number(m[1]) === year) continue;
        const at = start + m.index!;
        out.push({ start: at, end: at + m[1].length, message: t(id, { found: m[1], year }) });
      }
    };
    // The title: front matter `title`, and a heading that names the report.
    const title = report.frontMatter.fields.find((f) => f.key === 'title');
    if (title && title.value.kind === 'scalar') yearsIn(title.value.start, title.value.end, 'yearTitle');
    for (const h of report.headings) if (h.text.includes('年度报告')) yearsIn(h.start, h.end, 'yearTitle');
    // The 统计期限 sentence.
    for (const p of report.paragraphs) {
      for (const m of p.text.matchAll(/统计(?:期限|时限|期间|时间)[^。；;\n]{0,80}/g)) yearsIn(p.start + m.index!, p.start + m.index! + m[0].length, 'yearPeriod');
    }
    // Dated lists: Markdown tables with a date column.
    for (const table of report.mdTables) {
      const dateColumns = table.header.map((c, i) => (/日期|时间/.test(c.text) ? i : -1)).filter((i) => i !== -1);
      for (const row of table.rows) {
        for (const i of dateColumns) {
          const cell = row.cells[i];
          const m = cell && DATE_IN_CELL.exec(cell.text.normalize('NFKC'));
          if (!cell || !m || Number(m[1]) === year) continue;
          out.push({ start: cell.start, end: cell.end, message: t('yearItem', { date: cell.text, year }) });
        }
      }
    }
    return out;
  },
};
