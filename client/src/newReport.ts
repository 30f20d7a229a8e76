// The text and defaults of the "New OGI report" command. No editor API here, so tests can run it in Node.
import { reportText } from '../../server/src/features/skeleton';
import { parseReport } from '../../server/src/parse/report';
import { publicationDeadline } from '../../server/src/rules/latePublication';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, getTemplate, type Template } from '../../server/src/statute';

/** The first report year: the Regulations came into force on 1 May 2008. */
export const FIRST_REPORT_YEAR = 2008;

export { DEFAULT_TEMPLATE_ID, TEMPLATES };

/** A local calendar date as `YYYY-MM-DD`. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Reports are written in January for the year before; a template that went out of use caps the year. */
export function defaultYear(template: Template, today: Date): number {
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
export function templateFitsYear(template: Template, year: number): boolean {
  return year >= template.firstYear && (template.lastYear === undefined || year <= template.lastYear);
}

/** The agency as a YAML scalar: plain when the engine reads it back unchanged, else double-quoted. */
function agencyScalar(template: Template, agency: string, year: number): string {
  const plain = parseReport(reportText({ template, agency, year, issued: `${year + 1}-01-01` }));
  return plain.frontMatter.data.agency === agency ? agency : JSON.stringify(agency);
}

/**
 * Today, clipped into the publication window of the report: not before 1 January of the next year
 * (the year must be over) and not after the statutory deadline the engine computes for this agency.
 */
export function defaultIssued(template: Template, agency: string, year: number, today: Date): string {
  const first = `${year + 1}-01-01`;
  const report = parseReport(
    reportText({ template, agency: agencyScalar(template, agency, year), year, issued: first }),
  );
  const deadline = publicationDeadline(report)?.date ?? `${year + 1}-01-31`;
  const now = isoDate(today);
  return now < first ? first : now > deadline ? deadline : now;
}

export interface NewReportOptions {
  templateId: string;
  agency: string;
  year: number;
  today: Date;
}

/** The whole skeleton of a new report: front matter, the 统计期限 sentence and the six sections with zero tables. */
export function newReportText({ templateId, agency, year, today }: NewReportOptions): string {
  const template = getTemplate(templateId) ?? getTemplate(DEFAULT_TEMPLATE_ID)!;
  const name = agency.trim();
  return reportText({
    template,
    agency: agencyScalar(template, name, year),
    year,
    issued: defaultIssued(template, name, year, today),
  });
}
