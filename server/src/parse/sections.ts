// Recognising the six statutory section headings, including the wordings real reports use.
import type { SectionDef, Template } from '../statute';
import { normalizeName } from './normalize';

export type SectionNumber = SectionDef['number'];
export const SECTION_NUMBERS: readonly SectionNumber[] = ['一', '二', '三', '四', '五', '六'];

export interface SectionMatch {
  number: SectionNumber;
  /** Why the heading is not the statutory wording, when it is not. */
  issue?: 'wording' | 'numbering';
}

const NUMBERED = /^([一二三四五六七八九十]+)[、.:]?(.*)$/;

/**
 * Matches a heading's text against the template's sections.
 * `fuzzy` allows a numbered heading whose words only resemble the title (keywords):
 * the caller enables it for headings no deeper than the statutory ones.
 */
export function matchSection(text: string, template: Template, fuzzy: boolean): SectionMatch | undefined {
  const norm = normalizeName(text).replace(/[#*_`]/g, '');
  const m = NUMBERED.exec(norm);
  const numeral = m?.[1];
  const rest = m && SECTION_NUMBERS.includes(numeral as SectionNumber) ? m[2] : norm;
  for (const s of template.sections) {
    if (rest === normalizeName(s.title)) {
      return numeral === s.number ? { number: s.number } : { number: s.number, issue: 'numbering' };
    }
  }
  for (const s of template.sections) {
    if (s.variants.some((v) => normalizeName(v) === rest)) return { number: s.number, issue: 'wording' };
  }
  if (fuzzy && numeral && SECTION_NUMBERS.includes(numeral as SectionNumber)) {
    const s = template.sections.find((x) => x.number === numeral)!;
    if (s.keywords.some((k) => rest.includes(k))) return { number: s.number, issue: 'wording' };
  }
  return undefined;
}
