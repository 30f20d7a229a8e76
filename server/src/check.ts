// Running every rule over a report: the findings, with ranges, severities and localised messages.
import { resolveLocale, translator } from './i18n/messages';
import type { Report } from './parse/model';
import { parsedTables, parseReport } from './parse/report';
import type { CheckOptions, Finding } from './findings';
import { RULES, type RuleContext } from './rules';
import { Evaluator } from './evaluate';

export type { CheckOptions, Finding } from './findings';

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const locale = resolveLocale(options.locale);
  // The evaluators live as long as this check: the rules share their sums, and nothing is kept on the report.
  const tables = parsedTables(report).map(({ section, table }) => ({
    section,
    table,
    evaluator: new Evaluator(table),
  }));
  const ctx: RuleContext = { report, tables, locale, t: translator(locale) };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const configured = options.severities?.[rule.code];
    if (configured === 'off') continue;
    for (const f of rule.check(ctx)) {
      findings.push({
        code: rule.code,
        severity: configured ?? f.severity ?? rule.severity,
        message: f.message,
        range: report.lines.range(f.start, f.end),
        source: 'ogi-report',
        ...(f.related?.length
          ? {
              relatedInformation: f.related.map((r) => ({
                range: report.lines.range(r.start, r.end),
                message: r.message,
              })),
            }
          : {}),
        // The rule's own data, read back by its fix (codeActions).
        ...(f.data ? { data: f.data as Record<string, unknown> } : {}),
      });
    }
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** Parse and check in one call. Never throws on any input text. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkReport(parseReport(text), options);
}
