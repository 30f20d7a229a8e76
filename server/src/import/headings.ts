// Which lines of a published report are its statutory section headings (`三、收到和处理…`, as
// published: `五、存在的问题及改进情况` too) and which are sub-headings (`（一）主动公开情况`). In real
// documents headings are plain paragraphs, so a line qualifies by its words, its numbering and its
// length — and never when it is a row of a statutory table (`三、本年度办理结果`).
import { TEMPLATES, type Template } from '../statute';
import { matchHeading } from '../parse/sections';
import type { SectionNumber } from '../parse/model';
import { labelScore } from './recognize';
import { tableLayout, templateTables } from './layout';
import { compact } from './values';

const MAX_HEADING = 40;
const MAX_SUBHEADING = 32;
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}部分)/;
const NUMERAL = /^([一二三四五六七八九十]{1,3})[、.．]/;
const SUB = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/;

// The answers per template and text (see sectionHeading).
const memo = new Map<Template, Map<string, { number: SectionNumber; exact: boolean } | undefined>>();

/** The statutory section a line heads, if it is such a heading. */
export function sectionHeading(
  text: string,
  template: Template = TEMPLATES[0],
): { number: SectionNumber; exact: boolean } | undefined {
  // Asked of every line (the page's reader, then the assembly): the answer per template and text, kept;
  // a paragraph is no heading (its spaces could not make it short enough).
  if (text.length > 4 * MAX_HEADING) return undefined;
  let answers = memo.get(template);
  if (!answers) memo.set(template, (answers = new Map()));
  if (answers.has(text)) return answers.get(text);
  if (answers.size >= 20000) answers.clear();
  const result = headingOf(text, template);
  answers.set(text, result);
  return result;
}

function headingOf(text: string, template: Template): { number: SectionNumber; exact: boolean } | undefined {
  const c = compact(text);
  if (c.length === 0 || c.length > MAX_HEADING || /\d$/.test(c)) return undefined;
  const { exact, loose } = matchHeading(c, template);
  // A loose match stands only under its own numeral: `二、依申请公开情况` is a sub-heading of 一, not 三.
  const numeral = NUMERAL.exec(c)?.[1];
  // The exact title in another numbering style (`（二）主动公开政府信息情况`, `3. 收到和处理…`) is the section too.
  const match =
    exact ??
    (loose && (loose.issue === 'numbering' || (NUMBERED.test(c) && (!numeral || numeral === loose.number)))
      ? loose
      : undefined);
  if (!match) return undefined;
  if (isTableLabel(c, template)) return undefined;
  return { number: match.number, exact: !!exact && !exact.issue };
}

/** A line that is a statutory table's row label (`三、本年度办理结果`), not a heading. */
function isTableLabel(c: string, template: Template): boolean {
  return templateTables(template).some((t) => tableLayout(t).leaves.some((leaf) => labelScore(c, leaf) >= 0.95));
}

/** A sub-heading as offices print them: `（一）主动公开情况`, `一、2019年问题整改情况` — short, no sentence. */
export function isSubheading(text: string): boolean {
  // Asked of every paragraph: a long one is none (its spaces could not make it short enough).
  if (text.length > 4 * MAX_SUBHEADING) return false;
  const c = compact(text);
  if (!SUB.test(c) || c.length > MAX_SUBHEADING) return false;
  const body = c.replace(/[。.]$/, '');
  return !/[。；;！？!?]/.test(body) && !/[，,]/.test(body);
}
