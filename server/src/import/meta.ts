// The front matter a published report states in its own words: the agency and year in its title
// (`淮安市人民政府2024年政府信息公开工作年度报告`, sometimes over two lines), the issue date in its
// signature or a `发布日期`, a telephone number in its preamble. What is not found is left out.
import { compact } from './values';

export interface Title {
  agency?: string;
  year?: number;
  /** How many of the lines given make up the title (counted from the first). */
  lines: number;
}

const TITLE = /(\d{4})年(?:度)?(?:的)?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)/;
const ALT_TITLE = /(?:政府信息公开|政务公开)(?:工作)?(\d{4})年(?:度)?(?:报告|年报)/;
const TRIM = /^[《〈「“"'（(【[]+|[》〉」”"'）)】\]：:，,。]+$/g;

/** The title among a document's first lines: where it starts, how many lines, the agency and year it names. */
export function findTitle(lines: string[]): (Title & { start: number }) | undefined {
  for (let i = 0; i < lines.length; i++) {
    const c = compact(lines[i]);
    if (c.length > 80) continue;
    const m = TITLE.exec(c) ?? ALT_TITLE.exec(c);
    if (!m) continue;
    const before = c.slice(0, m.index).replace(/^关于/, '').replace(TRIM, '');
    const year = Number(m[1]);
    if (before) return { start: i, lines: 1, agency: agencyName(before), year };
    // The agency on the line above, as a title set over two lines prints it.
    const above = i > 0 ? compact(lines[i - 1]).replace(TRIM, '') : '';
    if (above && above.length <= 40 && !/[。，,；;]/.test(above))
      return { start: i - 1, lines: 2, agency: agencyName(above), year };
    return { start: i, lines: 1, year };
  }
  return undefined;
}

function agencyName(text: string): string | undefined {
  const name = text.replace(TRIM, '');
  return name.length >= 2 && name.length <= 40 ? name : undefined;
}

/** `2021年1月26日`, `2021-01-26`, `2021.1.26`, `2021/1/26` → `2021-01-26`, when a real date. */
export function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})\s*日?/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is only a date (a signature's date line). */
export function dateLine(text: string): string | undefined {
  const c = compact(text);
  return /^\d{4}[年\-./]\d{1,2}[月\-./]\d{1,2}日?$/.test(c) ? isoDate(c) : undefined;
}

/** A labelled publication date: `发布日期：2021-01-26`, `发布时间:2021年1月26日`, `成文日期`. */
export function labelledDate(text: string): string | undefined {
  // Asked of every line when the signature has no date: the label first, the NFKC copy only then.
  if (!DATE_LABEL.test(text)) return undefined;
  const m = /(?:发布|成文|公开|印发)(?:日期|时间)[:：]?\s*(\d{4}\s*[年\-./]\s*\d{1,2}\s*[月\-./]\s*\d{1,2})/.exec(
    text.normalize('NFKC'),
  );
  return m ? isoDate(m[1]) : undefined;
}

const DATE_LABEL = /(?:发布|成文|公开|印发)(?:日期|时间)/;

/** An agency's name as a signature line prints it: short, no sentence, ends as agencies' names do. */
export function signatureAgency(text: string): string | undefined {
  const c = compact(text).replace(TRIM, '');
  if (c.length < 2 || c.length > 40 || /[。，,；;：:]/.test(c) || /\d/.test(c)) return undefined;
  return /(?:政府|办公室|办公厅|局|委员会|委|厅|部|署|院|会|中心|所|处|站|队|镇|乡|街道办事处|办事处|管委会)$/.test(c)
    ? c
    : undefined;
}

/** The office telephone a preamble gives (`联系电话 0536-4611001`, `电话：(0536)4611001`). */
export function findContact(text: string): string | undefined {
  // Asked of the whole report when the preamble has none: the label first, the NFKC copy only then.
  if (!/电话|联系方式|热线/.test(text)) return undefined;
  const t = text.normalize('NFKC');
  const labelled =
    /(?:电话|联系方式|咨询电话|热线)[^0-9\n]{0,12}((?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}(?:-\d{1,5})?|1[3-9]\d{9})/.exec(t);
  return labelled ? labelled[1].replace(/\s+/g, '') : undefined;
}

/** The report year a preamble's 统计期限 states (`统计期限自 2020 年 1 月 1 日起`). */
export function periodYear(text: string): number | undefined {
  // The whole preamble is asked: its label first, the compacted copy only then.
  if (!/统[\s\u200b]*计[\s\u200b]*(?:期|时)/.test(text)) return undefined;
  const m = /(?:统计期限|统计时限|统计时间)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(compact(text));
  return m ? Number(m[1]) : undefined;
}
