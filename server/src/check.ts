// Running every rule over a report: the findings, with ranges, severities and localised messages.
import { resolveLocale, translator } from './i18n/messages';
import type { Report } from './parse/model';
import { parsedTables, parseReport } from './parse/report';
import type { CheckOptions, Finding } from './findings';
import { extractFacts } from './facts/extract';
import type { FactsLookup, ReportFacts } from './facts/types';
import { RULES, isCrossRule, type CrossContext, type CrossRule, type Rule, type RuleContext } from './rules';
import { Evaluator } from './evaluate';

export type { CheckOptions, Finding } from './findings';

const REPORT_RULES = RULES.filter((rule): rule is Rule => !isCrossRule(rule));
const CROSS_RULES = RULES.filter(isCrossRule);

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const locale = resolveLocale(options.locale);
  // The evaluators live as long as this check: the rules share their sums, and nothing is kept on the report.
  const tables = parsedTables(report).map(({ section, table }) => ({
    section,
    table,
    evaluator: new Evaluator(table),
  }));
  const ctx: RuleContext = { report, tables, locale, t: translator(locale), source: options.source };
  const findings: Finding[] = [];
  for (const rule of REPORT_RULES) {
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
  if (options.lookup) findings.push(...checkAcross(options.facts ?? extractFacts(report, ''), options.lookup, options));
  return sortByPosition(findings);
}

/**
 * The rules across reports (FORMAT.md §9) alone, over a report's facts and the other reports' —
 * for a host that extracted the facts of every report first (the CLI, after its workers).
 */
export function checkAcross(facts: ReportFacts, lookup: FactsLookup, options: CheckOptions = {}): Finding[] {
  const ctx: CrossContext = { lookup, t: translator(resolveLocale(options.locale)) };
  const findings: Finding[] = [];
  for (const rule of CROSS_RULES) {
    const configured = options.severities?.[rule.code];
    if (configured === 'off') continue;
    for (const f of rule.checkFacts(facts, ctx)) findings.push(crossFinding(rule, f, facts.uri, configured));
  }
  return sortByPosition(findings);
}

function crossFinding(
  rule: CrossRule,
  f: ReturnType<CrossRule['checkFacts']>[number],
  uri: string,
  configured: Finding['severity'] | undefined,
): Finding {
  return {
    code: rule.code,
    // A hint says a check was not made: configuring the rule's severity does not make it more.
    severity: f.severity === 'hint' ? 'hint' : (configured ?? f.severity ?? rule.severity),
    message: f.message,
    range: f.range,
    source: 'ogi-report',
    ...(f.related?.length
      ? {
          // A place in this very report is given without a uri, as the rules over one report give theirs.
          relatedInformation: f.related.map((r) =>
            r.uri === uri ? { range: r.range, message: r.message } : { uri: r.uri, range: r.range, message: r.message },
          ),
        }
      : {}),
  };
}

function sortByPosition(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** Parse and check in one call. Never throws on any input text. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkReport(parseReport(text), options);
}
