// table-missing: section 二, 三 or 四 has no YAML table block.
import type { Rule } from './types';

export const tableMissingRule: Rule = {
  code: 'table-missing',
  severity: 'error',
  description: 'Section 二, 三 or 四 has no table block',
  check({ report, t }) {
    const first = new Set<string>();
    return report.sections
      .filter((s) => {
        if (first.has(s.number)) return false; // a repeated section is section-order's finding
        first.add(s.number);
        return s.def.table && !s.table;
      })
      .map((s) => ({
        start: s.heading.start,
        end: s.heading.end,
        message: t('tableMissing', { section: s.number }),
        data: { section: s.number },
      }));
  },
};
