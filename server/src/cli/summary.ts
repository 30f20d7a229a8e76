// `ogi-report summary FILE|DIR… [--format csv|json|html] [-o OUT]`: one row per report (file, agency,
// year, template, errors, warnings, the key figures), per agency its figures by year, the findings by
// code — for whoever reviews many reports. Reports are checked as `check` does, the rules across years
// among them included. Published documents (PDF, Word, web pages, text) among the inputs are imported
// in memory first, as `check` imports them (sources.ts). Exit codes: 0 written; 2 bad usage, an input that could not be read (the
// summary is still written, listing it) or an output that could not be written.
import { extname } from 'node:path';
import { writeAtomically } from '../output/write';
import { renderSummaryHtml, summarize, summaryCsv, type SummaryInput } from '../service';
import { checkFiles } from './checkFiles';
import { readInputs } from './inputs';
import { parseCommand } from './args';
import type { Io } from './io';
import { withImports } from './sources';

const FORMATS = ['csv', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

export async function summaryCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    args,
    { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } },
    'summaryUsage',
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, locale, t } = parsed;
  // Without --format, the output file's extension says it (report.html → html); else CSV.
  const format = values.format ?? formatOf(values.out) ?? 'csv';
  if (!(FORMATS as readonly string[]).includes(format) || positionals.length === 0) {
    io.err(
      `${positionals.length ? `${t('cliBadUsage', { reason: `--format ${format}` })}\n` : ''}${t('summaryUsage')}\n`,
    );
    return 2;
  }

  // Read and imported as `check` does: published documents among the inputs are imported in memory.
  const { readable: files, problems } = await withImports(readInputs(positionals, t), locale);
  const checked = await checkFiles(
    files.map((f) => ({ text: f.text, source: f.source, uri: f.file, name: f.file })),
    { locale, figures: true },
  );
  const inputs: SummaryInput[] = files.map((f, i) => ({
    file: f.file,
    facts: checked[i].facts,
    findings: checked[i].findings,
    figures: checked[i].figures ?? {},
  }));
  const summary = summarize(
    inputs,
    problems.map((p) => ({ file: p.file, message: p.message })),
  );
  const output =
    format === 'csv'
      ? summaryCsv(summary, locale)
      : format === 'html'
        ? renderSummaryHtml(summary, { locale })
        : `${JSON.stringify(summary, null, 2)}\n`;
  for (const p of problems) io.err(`${p.message}\n`);
  if (values.out === undefined) io.out(output);
  else {
    try {
      writeAtomically(values.out, output, t);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 2;
    }
    io.out(`${t('summaryWritten', { path: values.out, reports: summary.reports.length })}\n`);
  }
  return problems.length ? 2 : 0;
}

function formatOf(out: string | undefined): Format | undefined {
  const ext = out && extname(out).slice(1).toLowerCase();
  return ext === 'htm' ? 'html' : (FORMATS as readonly string[]).includes(ext ?? '') ? (ext as Format) : undefined;
}
