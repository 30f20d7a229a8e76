// "New OGI report": the templates to choose from and the text of a new report, with its defaults
// (the agency written so YAML reads it back unchanged, the issue date inside the publication window).
// Hosts ask for these (the VS Code client through the language server's ogiReport/templates and
// ogiReport/newReport requests); the UI around them (questions, year validation) is the host's.
import { parseReport } from '../parse/report';
import { publicationDeadline } from '../rules/latePublication';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, getTemplate, type Template } from '../statute';
import { reportText } from './skeleton';

/** What a host shows of a template when asking which one to use. */
export interface TemplateSummary {
  id: string;
  name: string;
  /** The legal basis of the format (the notice that set it). */
  basis: string;
  /** The report years the template is for: `firstYear` to `lastYear`, or onwards when `lastYear` is absent. */
  firstYear: number;
  lastYear?: number;
}

/** Every template, in registry order, and the id of the default one. */
export function templateSummaries(): { templates: TemplateSummary[]; defaultId: string } {
  return {
    templates: TEMPLATES.map(({ id, name, basis, firstYear, lastYear }) => ({
      id,
      name,
      basis,
      firstYear,
      ...(lastYear === undefined ? {} : { lastYear }),
    })),
    defaultId: DEFAULT_TEMPLATE_ID,
  };
}

/** The agency as a YAML scalar: plain when the engine reads it back unchanged, else double-quoted. */
function agencyScalar(template: Template, agency: string, year: number): string {
  const plain = parseReport(reportText({ template, agency, year, issued: `${year + 1}-01-01` }));
  return plain.frontMatter.data.agency === agency ? agency : JSON.stringify(agency);
}

/**
 * Today (`YYYY-MM-DD`, the user's local date), clipped into the publication window of the report: not
 * before 1 January of the next year (the year must be over) and not after the statutory deadline the
 * engine computes for this agency.
 */
export function defaultIssued(template: Template, agency: string, year: number, today: string): string {
  const first = `${year + 1}-01-01`;
  const report = parseReport(
    reportText({ template, agency: agencyScalar(template, agency, year), year, issued: first }),
  );
  const deadline = publicationDeadline(report)?.date ?? `${year + 1}-01-31`;
  return today < first ? first : today > deadline ? deadline : today;
}

export interface NewReportOptions {
  /** An unknown id means the default template. */
  templateId: string;
  /** The agency's name as typed; surrounding blanks are dropped. */
  agency: string;
  year: number;
  /** The user's local date, `YYYY-MM-DD`. */
  today: string;
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
