// section-content: statutory content a section must state is absent (STATUTE.md §1):
// 六 without the 信息处理费 from the 2021 template on; a 人民政府 report without 考核/评议/责任追究
// (both from the template's data).
import { agencyMatches } from '../statute';
import type { RawFinding, Rule } from './types';

export const sectionContentRule: Rule = {
  code: 'section-content',
  severity: 'warning',
  description: 'Statutory content a section must state is absent',
  check({ report, t, locale }) {
    const out: RawFinding[] = [];
    const six = report.sections.find((s) => s.number === '六');
    if (six) {
      const body = report.text.slice(six.heading.end, six.end);
      for (const req of report.template.requiredInSix) {
        if (!req.anyOf.some((w) => body.includes(w))) {
          out.push({
            start: six.heading.start,
            end: six.heading.end,
            message: t('sixRequired', { what: locale === 'en' ? req.whatEn : req.what }),
          });
        }
      }
    }
    const agency = report.frontMatter.data.agency ?? '';
    const one = report.sections.find((s) => s.number === '一');
    for (const { appliesTo, topics } of report.template.agencyTopics) {
      if (!one || !agencyMatches(appliesTo, agency)) continue;
      const body = report.text.slice(report.frontMatter.bodyStart);
      const missing = topics.filter((words) => !words.some((w) => body.includes(w))).map((w) => w[0]);
      if (missing.length)
        out.push({
          start: one.heading.start,
          end: one.heading.end,
          message: t('governmentEvaluation', { missing: missing.join(t('andJoin')) }),
        });
    }
    return out;
  },
};
