// Running every rule over a report: the findings, with ranges, severities and localised messages.
import { resolveLocale, translator } from './i18n/messages';
import { parsedTables, parseReport, type Report } from './parse/report';
import type { Range } from './parse/text';
import { RULES, type Code, type Severity } from './rules';

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  range: Range;
  source: 'ogi-report';
  relatedInformation?: { range: Range; message: string }[];
  data?: Record<string, unknown>;
}

export interface CheckOptions {
  /** Editor/UI locale; zh-cn unless English. */
  locale?: string;
  /** Severity per code; 'off' drops the code. */
  severities?: Partial<Record<Code, Severity | 'off'>>;
}

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const locale = resolveLocale(options.locale);
  const ctx = { report, locale, t: translator(locale) };
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
        ...(f.related?.length ? { relatedInformation: f.related.map((r) => ({ range: report.lines.range(r.start, r.end), message: r.message })) } : {}),
        ...(f.data ? { data: f.data } : {}),
      });
    }
  }
  // The sums memoised for the rules are dropped: the language server keeps every open report, and
  // hover and the renderer recompute the few sums they need in microseconds.
  for (const { table } of parsedTables(report)) table.index = undefined;
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Parse and check in one call. Never throws on any input text. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkReport(parseReport(text), options);
}

