// The six statutory sections: recognising their headings, including the wordings real reports use,
// and finding them among a report's headings.
import type { SectionDef, Template } from '../statute';
import type { Heading, Section, SectionMatch, SectionNumber } from './model';
import { normalizeName } from './normalize';

export const SECTION_NUMBERS: readonly SectionNumber[] = ['一', '二', '三', '四', '五', '六'];

const CN = '[一二三四五六七八九十]+';
/** The statutory numbering, as tolerated: `一、` `一.` `一．` `一：` or `一` followed directly by the title. */
const NUMBERED = new RegExp(`^(${CN})[、.:]?(.*)$`);
/** Other numbering styles seen in real reports: `第一部分`, `（一）`, `1.`, `1、`, `(1)`. */
const OTHER_NUMBERING = new RegExp(`^(?:第${CN}部分|\\(${CN}\\)|\\d+[.、)]|\\(\\d+\\))[、.:,]?(.*)$`);
/** Trailing punctuation after a heading's title (`一、总体情况：`) is not part of its wording. */
const TRAILING = /[:;,.。;，：；]+$/;

/**
 * Matches a heading's text against the template's sections, two ways (the caller picks by depth).
 * `exact`: only the exact statutory title counts (numbered `一、` or not numbered), so a sub-heading
 * such as `### 二、依申请公开情况` or `#### 主动公开情况` inside a section is never taken for a
 * statutory section. `loose`, for headings no deeper than the statutory ones: also a title in another
 * numbering style (`第一部分`, `（一）`) is the section with a numbering issue, and a heading numbered
 * `一、`… whose words are a known variant or contain the section's keywords is the section with a
 * wording issue. The exact match is the loose one's first step, so both come from one pass.
 */
export function matchHeading(text: string, template: Template): { exact?: SectionMatch; loose?: SectionMatch } {
  const names = sectionNames(template);
  const norm = normalizeName(text)
    .replace(/[#*_`]/g, '')
    .replace(TRAILING, '');
  const m = NUMBERED.exec(norm);
  const numeral = m && m[2] !== '' ? m[1] : undefined;
  const rest = numeral !== undefined ? m![2] : norm;
  const titled = names.byTitle.get(rest);
  if (titled) {
    const exact: SectionMatch =
      numeral === titled.number ? { number: titled.number } : { number: titled.number, issue: 'numbering' };
    return { exact, loose: exact };
  }
  return { loose: looseMatch(template, names, norm, numeral, rest) };
}

function looseMatch(
  template: Template,
  names: ReturnType<typeof sectionNames>,
  norm: string,
  numeral: string | undefined,
  rest: string,
): SectionMatch | undefined {
  const other = OTHER_NUMBERING.exec(norm);
  if (other) {
    const s = names.byTitle.get(other[1]);
    if (s) return { number: s.number, issue: 'numbering' };
  }
  if (numeral === undefined) return undefined;
  const variant = names.byVariant.get(rest);
  if (variant) return { number: variant.number, issue: 'wording' };
  if (SECTION_NUMBERS.includes(numeral as SectionNumber)) {
    const s = template.sections.find((x) => x.number === numeral)!;
    if (s.keywords.some((k) => rest.includes(k))) return { number: s.number, issue: 'wording' };
  }
  return undefined;
}

/** A template's section titles and known variants, normalised once (the first section wins a tie). */
const sectionNamesOf = new WeakMap<
  Template,
  { byTitle: Map<string, SectionDef>; byVariant: Map<string, SectionDef> }
>();
function sectionNames(template: Template) {
  let names = sectionNamesOf.get(template);
  if (!names) {
    names = { byTitle: new Map(), byVariant: new Map() };
    for (const s of template.sections) {
      const title = normalizeName(s.title);
      if (!names.byTitle.has(title)) names.byTitle.set(title, s);
      for (const variant of s.variants.map(normalizeName))
        if (!names.byVariant.has(variant)) names.byVariant.set(variant, s);
    }
    sectionNamesOf.set(template, names);
  }
  return names;
}

/**
 * The statutory sections among a report's headings, in document order, each from its heading to the
 * next statutory heading (or `textEnd`). Statutory headings are found exactly first; their deepest
 * level bounds the loose matches. With exact titles present, looser matches may sit as deep as the
 * deepest exact one (a report may mix `#` and `##`); with none, as deep as the shallowest loose
 * candidate, so that `### 二、依申请公开情况` under `## 一、工作基本情况` stays a sub-heading.
 */
export function findSections(headings: readonly Heading[], template: Template, textEnd: number): Section[] {
  const matches = headings.map((h) => matchHeading(h.text, template));
  const exact = matches.map((m) => m.exact);
  const loose = matches.map((m) => m.loose);
  const exactLevels = headings.filter((_, k) => exact[k]).map((h) => h.level);
  const looseLevels = headings.filter((_, k) => loose[k]).map((h) => h.level);
  const maxFuzzyLevel = exactLevels.length
    ? Math.max(...exactLevels)
    : looseLevels.length
      ? Math.min(...looseLevels)
      : 6;
  const found: { heading: Heading; match: SectionMatch }[] = [];
  headings.forEach((h, k) => {
    const match = h.level <= maxFuzzyLevel ? loose[k] : exact[k];
    if (match) found.push({ heading: h, match });
  });
  return found.map(({ heading, match }, k) => {
    const end = k + 1 < found.length ? found[k + 1].heading.start : textEnd;
    const def = template.sections.find((s) => s.number === match.number)!;
    return { number: match.number, def, heading, match, start: heading.start, end };
  });
}

/** The section an offset lies in, if any. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let result: Section | undefined;
  for (const s of sections) if (s.start <= offset && offset < s.end) result = s;
  return result;
}
