// table-missing: section 二, 三 or 四 has no YAML table block.
import type { SectionNumber } from '../parse/model';
import type { Rule } from './types';
import { tableYaml } from '../features/skeleton';
import { eolOf } from './edits';

export const tableMissingRule: Rule<{ section: SectionNumber }> = {
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
  fix(finding, { report, t }) {
    const def = report.template.sections.find((s) => s.number === finding.data?.section);
    if (!def?.table) return undefined;
    const eol = eolOf(report);
    const end = report.lines.position(report.lines.lineEnd(finding.range.start.line));
    const block = ['', '', '```yaml', ...tableYaml(def.table).split('\n'), '```'].join(eol);
    return { title: t('fixInsertTable'), edit: { range: { start: end, end }, newText: block }, safe: false };
  },
};
