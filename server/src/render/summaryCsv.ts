// The summary as CSV: one row per input (a report, or a file that could not be read, with why), UTF-8
// with a BOM so that spreadsheet programs read the Chinese right, CRLF lines and quoting as RFC 4180.
import type { Summary } from '../features/summary';
import { resolveLocale, translator } from '../i18n/messages';

export function summaryCsv(summary: Summary, locale?: string): string {
  const loc = resolveLocale(locale);
  const t = translator(loc);
  const header = [
    t('summaryFile'),
    t('summaryAgency'),
    t('summaryYear'),
    t('summaryTemplate'),
    t('summaryErrors'),
    t('summaryWarnings'),
    ...summary.figures.map((f) => (loc === 'en' ? f.labelEn : f.label)),
    t('summaryProblem'),
  ];
  const rows = summary.reports.map((r) => [
    text(r.file),
    text(r.agency ?? ''),
    r.year ?? '',
    text(r.template),
    r.errors,
    r.warnings,
    ...summary.figures.map((f) => r.figures[f.id] ?? ''),
    '',
  ]);
  const blank = summary.figures.map(() => '');
  for (const p of summary.problems) rows.push([text(p.file), '', '', '', '', '', ...blank, text(p.message)]);
  return `\uFEFF${[header.map(text), ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** A text a spreadsheet must not read as a formula (`=…`, `+…`, `-…`, `@…`): kept as text. */
function text(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function field(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
