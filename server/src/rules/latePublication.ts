// late-publication: `issued` is after the statutory deadline (条例第四十九条; FORMAT.md §5 identity 6).
import type { Report } from '../parse/report';
import type { Rule } from './types';

/** The deadline and the rule it comes from: front matter override, 31 March for a 人民政府 above township level, else 31 January. */
export function publicationDeadline(
  report: Report,
): { date: string; rule: 'deadlineRuleOverride' | 'deadlineRuleGovernment' | 'deadlineRuleDefault' } | undefined {
  const { year, agency, deadline } = report.frontMatter.data;
  if (deadline) return { date: deadline, rule: 'deadlineRuleOverride' };
  // An override that is written but invalid (a front-matter error): the deadline is unknown.
  if (report.frontMatter.fields.some((f) => f.key === 'deadline')) return undefined;
  // Without a valid year or agency (front-matter errors) the statutory deadline is unknown.
  if (year === undefined || agency === undefined) return undefined;
  const name = agency.trim();
  const government = name.endsWith('人民政府') && !/[镇乡]人民政府$/.test(name);
  return government
    ? { date: `${year + 1}-03-31`, rule: 'deadlineRuleGovernment' }
    : { date: `${year + 1}-01-31`, rule: 'deadlineRuleDefault' };
}

export const latePublicationRule: Rule = {
  code: 'late-publication',
  severity: 'warning',
  description: '`issued` is after the publication deadline',
  check({ report, t }) {
    const issued = report.frontMatter.data.issued;
    const deadline = publicationDeadline(report);
    if (!issued || !deadline || issued <= deadline.date) return [];
    const field = report.frontMatter.fields.find((f) => f.key === 'issued')!;
    return [
      {
        start: field.value.start,
        end: field.value.end,
        message: t('latePublication', { issued, deadline: deadline.date, rule: t(deadline.rule) }),
      },
    ];
  },
};
