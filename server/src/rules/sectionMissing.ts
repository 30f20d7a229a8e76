// section-missing: one of the six statutory sections is absent.
// Placed at the heading of the next statutory section present after it, else the file's last line.
import type { SectionNumber } from '../parse/model';
import type { Rule } from './types';
import { sectionText } from '../features/skeleton';
import { eolOf } from './edits';

export const sectionMissingRule: Rule<{ section: SectionNumber; insideOpenFence?: boolean }> = {
  code: 'section-missing',
  severity: 'error',
  description: 'A statutory section is absent',
  check({ report, t }) {
    const present = new Set(report.sections.map((s) => s.number));
    const order = report.template.sections.map((s) => s.number);
    const openFence = report.fences.find((f) => !f.closed);
    return report.template.sections
      .filter((s) => !present.has(s.number))
      .map((s) => {
        const later = order.slice(order.indexOf(s.number) + 1);
        // The next section in statutory order that is present (its first heading, should it repeat).
        const next = later.map((n) => report.sections.find((x) => x.number === n)).find((x) => x !== undefined);
        const range = next ? { start: next.heading.start, end: next.heading.end } : lastLine(report.lines);
        const title = `${s.number}、${s.title}`;
        // A fence that is never closed runs to the end of the file: every heading after it is code,
        // which is the real defect to point at — when the section is missing from the end, where the
        // fence is (a later section present stands before the fence, and so would this one).
        if (openFence && !next) {
          const fence = report.lines.lineText(openFence.line).trim();
          return {
            ...range,
            message: t('sectionMissingInFence', {
              title,
              line: openFence.line + 1,
              fence: fence.length > 20 ? `${fence.slice(0, 20)}…` : fence,
            }),
            related: [{ start: openFence.start, end: openFence.end, message: t('openFence') }],
            data: { section: s.number, insideOpenFence: true },
          };
        }
        return { ...range, message: t('sectionMissing', { title }), data: { section: s.number } };
      });
  },
  fix(finding, { report, t }) {
    const def = report.template.sections.find((s) => s.number === finding.data?.section);
    // Inserted after a fence that is never closed, the section would be code too: no fix to offer.
    if (!def || finding.data?.insideOpenFence) return undefined;
    const eol = eolOf(report);
    const title = t('fixInsertSection', { section: `${def.number}、${def.title}` });
    const text = sectionText(def, eol);
    const atEnd = !report.sections.some((s) => s.heading.line === finding.range.start.line);
    if (atEnd) {
      const end = report.lines.position(report.text.length);
      const lead = report.text.endsWith('\n') ? eol : eol + eol;
      return { title, edit: { range: { start: end, end }, newText: `${lead}${text}` }, safe: false };
    }
    const at = { line: finding.range.start.line, character: 0 };
    return { title, edit: { range: { start: at, end: at }, newText: text + eol }, safe: false };
  },
};

/** The file's last line: the last one with content (a final newline ends that line, it does not start another). */
function lastLine(lines: {
  lineCount: number;
  lineStarts: number[];
  lineEnd(l: number): number;
  lineText(l: number): string;
}) {
  let l = lines.lineCount - 1;
  while (l > 0 && lines.lineText(l).trim() === '') l--;
  return { start: lines.lineStarts[l], end: lines.lineEnd(l) };
}
