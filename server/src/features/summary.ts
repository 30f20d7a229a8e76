// A reviewer's summary of many reports (`ogi-report summary`): per report its key figures (statute
// data: each template's keyFigures) and its findings counted, per agency the figures by year, and
// the findings by code. Pure: reports' results in, plain data out; the hosts write it as CSV, JSON
// or HTML (render/summaryHtml.ts).
import { Evaluator } from '../evaluate';
import type { Finding } from '../findings';
import type { ReportFacts } from '../facts/types';
import type { Report } from '../parse/model';
import { parsedTables } from '../parse/report';
import { TEMPLATES, placeAt, type KeyFigure } from '../statute';
import type { Code, Severity } from '../codes';

/** A report's key figures by id: the sum of the figure's rows in its column; null where none is written. */
export type Figures = Record<string, number | null>;

export function keyFigureValues(report: Report): Figures {
  const out: Figures = {};
  const tables = parsedTables(report);
  const evaluators = new Map<string, Evaluator>();
  for (const figure of report.template.keyFigures) {
    const table = tables.find((t) => t.table.def.id === figure.table)?.table;
    if (!table) {
      out[figure.id] = null;
      continue;
    }
    let evaluator = evaluators.get(figure.table);
    if (!evaluator) evaluators.set(figure.table, (evaluator = new Evaluator(table)));
    let value = 0,
      absent = true;
    for (const path of figure.paths) {
      const column = placeAt(table.def, path)?.columns.findIndex((c) => c.key === figure.column) ?? -1;
      if (column === -1) continue;
      const amount = evaluator.amount(path, column);
      if (amount.absent) continue;
      absent = false;
      value += amount.value;
    }
    out[figure.id] = absent ? null : Math.round(value * 1e6) / 1e6;
  }
  return out;
}

/** What the summary needs of one checked report. */
export interface SummaryInput {
  file: string;
  facts: ReportFacts;
  findings: Finding[];
  figures: Figures;
}

export interface SummaryReport {
  file: string;
  agency: string | null;
  year: number | null;
  template: string;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  figures: Figures;
  /** Findings by code, for this report. */
  codes: Partial<Record<Code, number>>;
}

export interface SummaryAgency {
  agency: string;
  /** One entry per year with a report (the first report of a year when there are several). */
  years: { year: number; file: string; figures: Figures }[];
}

export interface SummaryFigure {
  id: string;
  label: string;
  labelEn: string;
}

export interface Summary {
  /** The key figures in column order (the registry's templates agree on ids; labels from the first). */
  figures: SummaryFigure[];
  reports: SummaryReport[];
  agencies: SummaryAgency[];
  /** Every code found, with how many findings and in how many reports, most findings first. */
  codes: { code: Code; severity: Severity; findings: number; reports: number }[];
  /** Inputs that could not be read, with the reason. */
  problems: { file: string; message: string }[];
}

/** Every key figure id of the registered templates, in order of first appearance. */
export function summaryFigures(): SummaryFigure[] {
  const seen = new Map<string, KeyFigure>();
  for (const template of TEMPLATES) for (const f of template.keyFigures) if (!seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()].map((f) => ({ id: f.id, label: f.label, labelEn: f.labelEn }));
}

export function summarize(inputs: SummaryInput[], problems: { file: string; message: string }[] = []): Summary {
  const count = (findings: Finding[], severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const reports: SummaryReport[] = inputs.map(({ file, facts, findings, figures }) => {
    const codes: Partial<Record<Code, number>> = {};
    for (const f of findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
    return {
      file,
      agency: facts.agency ?? null,
      year: facts.year ?? null,
      template: facts.template,
      errors: count(findings, 'error'),
      warnings: count(findings, 'warning'),
      information: count(findings, 'information'),
      hints: count(findings, 'hint'),
      figures,
      codes,
    };
  });

  // Per agency (as FORMAT.md §9 matches them), its years in order.
  const byAgency = new Map<string, { agency: string; years: SummaryAgency['years'] }>();
  inputs.forEach(({ facts }, i) => {
    if (facts.agencyKey === undefined || facts.year === undefined) return;
    let entry = byAgency.get(facts.agencyKey);
    if (!entry) byAgency.set(facts.agencyKey, (entry = { agency: facts.agency!, years: [] }));
    if (!entry.years.some((y) => y.year === facts.year))
      entry.years.push({ year: facts.year, file: reports[i].file, figures: reports[i].figures });
  });
  const agencies = [...byAgency.values()]
    .map((a) => ({ agency: a.agency, years: a.years.sort((x, y) => x.year - y.year) }))
    .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));

  const codes = new Map<Code, { code: Code; severity: Severity; findings: number; reports: Set<string> }>();
  inputs.forEach(({ file, findings }) => {
    for (const f of findings) {
      let entry = codes.get(f.code);
      if (!entry) codes.set(f.code, (entry = { code: f.code, severity: f.severity, findings: 0, reports: new Set() }));
      entry.findings++;
      entry.reports.add(file);
      if (rank(f.severity) < rank(entry.severity)) entry.severity = f.severity;
    }
  });
  return {
    figures: summaryFigures(),
    reports,
    agencies,
    codes: [...codes.values()]
      .map((c) => ({ code: c.code, severity: c.severity, findings: c.findings, reports: c.reports.size }))
      .sort((a, b) => b.findings - a.findings || a.code.localeCompare(b.code)),
    problems,
  };
}

const rank = (s: Severity) => ['error', 'warning', 'information', 'hint'].indexOf(s);
