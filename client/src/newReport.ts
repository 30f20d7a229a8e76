// The editor-side helpers of "New OGI report": dates and years as the user sees and types them. The
// templates and the text come from the language server (ogiReport/templates, ogiReport/newReport).
// No editor API and no engine here, so tests can run it in Node.
import type { TemplateInfo } from '../../server/src/protocol';

/** The first report year: the Regulations came into force on 1 May 2008. */
export const FIRST_REPORT_YEAR = 2008;

/** The report years of a template, as the server describes it. */
type Years = Pick<TemplateInfo, 'firstYear' | 'lastYear'>;

/** A local calendar date as `YYYY-MM-DD`. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Reports are written in January for the year before; a template that went out of use caps the year. */
export function defaultYear(template: Years, today: Date): number {
  const last = today.getFullYear() - 1;
  return Math.max(template.firstYear, Math.min(last, template.lastYear ?? last));
}

/** The year typed by the user, or undefined when it is not a plausible report year. */
export function parseYear(input: string, today: Date): number | undefined {
  const s = input.trim();
  if (!/^\d{4}$/.test(s)) return undefined;
  const year = Number(s);
  return year >= FIRST_REPORT_YEAR && year <= today.getFullYear() ? year : undefined;
}

/** Whether the template is meant for this report year (FORMAT.md: 2019 format for 2019–2020, 2021 format from 2021). */
export function templateFitsYear(template: Years, year: number): boolean {
  return year >= template.firstYear && (template.lastYear === undefined || year <= template.lastYear);
}
