// The command line: `ogi-report check [--format text|json|sarif] FILE|DIR…`. A thin host over the engine.
// Exit codes (FORMAT.md §7): 0 no errors; 1 errors found; 2 bad usage or an unreadable input.
import { parseArgs } from 'node:util';
import { resolveLocale, translator, type Translate } from '../i18n/messages';
import { checkFiles } from './checkFiles';
import { jsonEntries, readInputs } from './inputs';
import type { Io } from './io';
import { importCommand } from './import';
import { renderCommand } from './render';
import { findingSource, withImports } from './sources';
import { toSarif, type FileResult } from './sarif';
import { summaryCommand } from './summary';

declare const OGI_VERSION: string | undefined;
const VERSION = typeof OGI_VERSION === 'string' ? OGI_VERSION : '0.0.0-dev';

const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The help, bilingual in zh-cn (the default); `check --help` gives it in the chosen locale. */
const help = (t: Translate) => t('cliHelp', { version: VERSION });
const HELP = help(translator('zh-cn'));

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    // No command at all is a usage error: the help goes to stderr then, like any usage message.
    if (command === undefined) {
      io.err(HELP);
      return 2;
    }
    io.out(HELP);
    return 0;
  }
  if (command === 'render') return renderCommand(rest, io);
  if (command === 'summary') return summaryCommand(rest, io);
  if (command === 'import') return importCommand(rest, io);
  if (command !== 'check') {
    const zh = translator('zh-cn');
    io.err(`${zh('cliBadUsage', { reason: zh('cliUnknownCommand', { command }) })}\n${HELP}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        locale: { type: 'string', default: process.env.OGI_REPORT_LOCALE ?? 'zh-cn' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${translator('zh-cn')('cliBadUsage', { reason: (e as Error).message })}\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const t = translator(resolveLocale(values.locale));
  if (values.help) {
    io.out(help(t));
    return 0;
  }
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) {
    io.err(`${t('cliBadUsage', { reason: `--format ${format}` })}\n${t('cliUsage')}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    io.err(`${t('cliUsage')}\n`);
    return 2;
  }
  return runCheck(positionals, format as 'text' | 'json' | 'sarif', values.locale!, t, io);
}

async function runCheck(
  paths: string[],
  format: 'text' | 'json' | 'sarif',
  locale: string,
  t: Translate,
  io: Io,
): Promise<number> {
  // Every input gets an answer in every format (FORMAT.md §7): a report's findings, or why it was not read.
  // Published documents among the inputs are imported in memory first (sources.ts).
  const { readable, problems, order, spans } = await withImports(readInputs(paths, t), locale);
  const checked = await checkFiles(
    readable.map((r) => ({ text: r.text, source: r.source, uri: r.file, name: r.file })),
    { locale },
  );
  const results: FileResult[] = readable.map((r, i) => ({
    file: r.file,
    findings: checked[i].findings,
    ...(spans[i] ? { where: checked[i].findings.map((f) => findingSource(spans[i]!, f, t)) } : {}),
  }));
  for (const p of problems) io.err(`${p.message}\n`);
  const all = results.flatMap((r) => r.findings);
  if (format === 'json') {
    io.out(`${JSON.stringify(jsonEntries(results, problems, order), null, 2)}\n`);
  } else if (format === 'sarif') {
    io.out(`${JSON.stringify(toSarif(results, VERSION, problems), null, 2)}\n`);
  } else {
    for (const r of results) {
      r.findings.forEach((f, k) => {
        const where = r.where?.[k];
        io.out(
          `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${f.message}${where ? t('checkSourceAt', { where: where.text }) : ''}\n`,
        );
      });
    }
    const count = (s: string) => all.filter((f) => f.severity === s).length;
    io.err(`${t('cliSummary', { files: results.length, errors: count('error'), warnings: count('warning') })}\n`);
  }
  if (problems.length) return 2;
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}
