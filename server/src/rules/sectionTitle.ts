// section-title: a statutory section's wording or numbering differs from the statute.
import type { Rule } from './types';

export const sectionTitleRule: Rule = {
  code: 'section-title',
  severity: 'warning',
  description: "A statutory section's wording or numbering differs from the statute",
  check({ report, t }) {
    return report.sections
      .filter((s) => s.match.issue)
      .map((s) => {
        const expected = `${s.def.number}、${s.def.title}`;
        return {
          start: s.heading.start,
          end: s.heading.end,
          message: t(s.match.issue === 'numbering' ? 'sectionNumbering' : 'sectionWording', {
            found: s.heading.text,
            expected,
          }),
          data: { expected },
        };
      });
  },
};
