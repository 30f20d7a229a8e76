// section-order: a statutory section comes after a higher-numbered one, or repeats one.
import { SECTION_NUMBERS } from '../parse/sections';
import type { RawFinding, Rule } from './types';

export const sectionOrderRule: Rule = {
  code: 'section-order',
  severity: 'warning',
  description: 'Statutory sections out of order, or one repeated',
  check({ report, t }) {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    let highest = -1;
    const title = (n: string) => `${n}、${report.template.sections.find((s) => s.number === n)!.title}`;
    for (const s of report.sections) {
      const rank = SECTION_NUMBERS.indexOf(s.number);
      if (seen.has(s.number)) {
        out.push({
          start: s.heading.start,
          end: s.heading.end,
          message: t('sectionRepeated', { title: title(s.number) }),
        });
      } else if (rank < highest) {
        out.push({
          start: s.heading.start,
          end: s.heading.end,
          message: t('sectionOrder', { title: title(s.number), after: title(SECTION_NUMBERS[highest]) }),
        });
      }
      seen.add(s.number);
      highest = Math.max(highest, rank);
    }
    return out;
  },
};
