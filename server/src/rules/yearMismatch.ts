// year-mismatch: the title, the stated 统计期限, or the date of an item listed as the year's output
// lies outside the report `year` (FORMAT.md §5 identity 6).
import { matchesOf } from './matches';
import type { RawFinding, Rule } from './types';

const YEAR_IN_TEXT = /(\d{4})\s*年/g;
const DATE_IN_CELL = /^(\d{4})\s*(?:年|-|\.|\/)\s*\d{1,2}/;
const PLANNED = /完成|计划|预计|整改|截止|期限|时限|办结/;
const PERIOD = /统计(?:期限|时限|期间|时间)[^。；;\n]{0,80}/g;

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
      for (const m of matchesOf(YEAR_IN_TEXT, text.slice(start, end))) {
        if (Number(m[1]) === year) continue;
        // "统计时间截至2025年1月10日": a cut-off in the weeks after the year, when the report is written.
        if (
          id === 'yearPeriod' &&
          Number(m[1]) === year + 1 &&
          /(?:截至|截止)(?:到|于)?\s*$/.test(text.slice(Math.max(start, start + m.index! - 4), start + m.index!))
        )
          continue;
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
      for (const m of matchesOf(PERIOD, p.text)) {
        // The period is its two dates: a clause after them (", 本报告电子版可在…") is not part of it.
        let length = m[0].length;
        const years = matchesOf(YEAR_IN_TEXT, m[0]);
        if (years.length >= 2) {
          const after = years[1].index! + years[1][0].length;
          const comma = m[0].slice(after).search(/[，,]/);
          if (comma !== -1) length = after + comma;
        }
        yearsIn(p.start + m.index!, p.start + m.index! + length, 'yearPeriod');
      }
    }
    // Dated lists: Markdown tables with a date column. A plan's due dates (完成时间, 整改期限) look
    // forward, and so does section 五 (改进情况): those are not the year's output.
    for (const table of report.mdTables) {
      if (table.section === '五') continue;
      const dateColumns = table.header
        .map((c, i) => (/日期|时间/.test(c.text) && !PLANNED.test(c.text) ? i : -1))
        .filter((i) => i !== -1);
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
