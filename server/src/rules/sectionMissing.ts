// section-missing: one of the six statutory sections is absent.
// Placed at the heading of the next statutory section present after it, else the last line.
import type { Rule } from './types';

export const sectionMissingRule: Rule = {
  code: 'section-missing',
  severity: 'error',
  description: 'A statutory section is absent',
  check({ report, t }) {
    const present = new Set(report.sections.map((s) => s.number));
    const order = report.template.sections.map((s) => s.number);
    return report.template.sections.filter((s) => !present.has(s.number)).map((s) => {
      const later = order.slice(order.indexOf(s.number) + 1);
      const next = report.sections.find((x) => later.includes(x.number));
      const range = next ? { start: next.heading.start, end: next.heading.end } : lastLine(report.lines);
      return { ...range, message: t('sectionMissing', { title: `${s.number}、${s.title}` }), data: { section: s.number } };
    });
  },
};

function lastLine(lines: { lineCount: number; lineStarts: number[]; lineEnd(l: number): number }) {
  const l = lines.lineCount - 1;
  return { start: lines.lineStarts[l], end: lines.lineEnd(l) };
}
