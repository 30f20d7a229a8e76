// section-title: a statutory section's wording or numbering differs from the statute.
import type { Rule } from './types';

export const sectionTitleRule: Rule<{ expected: string }> = {
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
  fix(finding, { report, t }) {
    const expected = finding.data?.expected;
    if (!expected) return undefined;
    // The heading's text only: its `#`s and a closing sequence stay.
    const line = report.lines.lineText(finding.range.start.line);
    const prefix = /^\s*#{1,6}\s*/.exec(line)?.[0] ?? '';
    const trailing = /\s*#*\s*$/.exec(line.slice(prefix.length))?.[0] ?? '';
    const range = {
      start: { line: finding.range.start.line, character: prefix.length },
      end: { line: finding.range.start.line, character: line.length - trailing.length },
    };
    return { title: t('fixRetitle', { title: expected }), edit: { range, newText: expected }, safe: true };
  },
};
