// front-matter: the front matter is missing, unparsable, or a field is missing or invalid.
import type { Rule } from './types';

export const frontMatterRule: Rule = {
  code: 'front-matter',
  severity: 'error',
  description: 'Front matter missing, unparsable, or a field invalid',
  check({ report, t }) {
    return report.frontMatter.problems.map((p) => ({
      start: p.start,
      end: p.end,
      severity: p.severity,
      message: t(p.id, p.args),
      data: 'field' in p.args ? { field: p.args.field } : undefined,
    }));
  },
};
