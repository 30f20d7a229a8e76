// Small pieces the rules' quick fixes share.
import type { Report } from '../parse/model';
import type { FindingOf, QuickFix } from './types';

/** The line ending the report uses (an inserted line must not mix them). */
export function eolOf(report: Report): string {
  return report.text.includes('\r\n') ? '\r\n' : '\n';
}

/** A safe fix that writes `newText` over the finding's own range (a total, a name). */
export function replaceFinding(finding: FindingOf<object>, newText: string, title: string): QuickFix {
  return { title, edit: { range: finding.range, newText }, safe: true };
}
