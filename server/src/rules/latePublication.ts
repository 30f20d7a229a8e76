// late-publication: `issued` is after the statutory deadline (条例第四十九条; FORMAT.md §5 identity 6).
// The deadlines, and to whom each applies, are the template's data.
import type { Locale } from '../i18n/messages';
import type { Report } from '../parse/model';
import { agencyMatches } from '../statute';
import type { Rule } from './types';

export interface PublicationDeadline {
  date: string;
  /** The legal basis as the message quotes it; undefined for the front matter's own deadline. */
  rule?: { zh: string; en: string };
}

/** The deadline: the front matter's override, else the template's first deadline that applies to the agency. */
export function publicationDeadline(report: Report): PublicationDeadline | undefined {
  const { year, agency, deadline } = report.frontMatter.data;
  if (deadline) return { date: deadline };
  // An override that is written but invalid (a front-matter error): the deadline is unknown.
  if (report.frontMatter.fields.some((f) => f.key === 'deadline')) return undefined;
  // Without a valid year or agency (front-matter errors) the statutory deadline is unknown.
  if (year === undefined || agency === undefined) return undefined;
  const applying = report.template.deadlines.find((d) => !d.appliesTo || agencyMatches(d.appliesTo, agency));
  if (!applying) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${year + 1}-${pad(applying.month)}-${pad(applying.day)}`,
    rule: { zh: applying.rule, en: applying.ruleEn },
  };
}

function ruleText(deadline: PublicationDeadline, locale: Locale, override: string): string {
  if (!deadline.rule) return override;
  return locale === 'en' ? deadline.rule.en : deadline.rule.zh;
}

export const latePublicationRule: Rule = {
  code: 'late-publication',
  severity: 'warning',
  description: '`issued` is after the publication deadline',
  check({ report, t, locale }) {
    const issued = report.frontMatter.data.issued;
    const deadline = publicationDeadline(report);
    if (!issued || !deadline || issued <= deadline.date) return [];
    const field = report.frontMatter.fields.find((f) => f.key === 'issued')!;
    return [
      {
        start: field.value.start,
        end: field.value.end,
        message: t('latePublication', {
          issued,
          deadline: deadline.date,
          rule: ruleText(deadline, locale, t('deadlineRuleOverride')),
        }),
      },
    ];
  },
};
