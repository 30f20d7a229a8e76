// `ogi-report import SOURCE… [-o OUT.ogi.md | --out-dir DIR] [--template ID] [--agency NAME] [--year N]
// [--force] [--format text|json]`: published reports (PDF, Word, web page, text) to `.ogi.md`
// (IMPORT.md). A thin host over the importer, which it loads only now. Per source: 0 imported with every
// statutory cell read, 1 imported with doubts (listed with their source locations), 2 nothing imported
// (why, and what to do); the command exits with the worst. Writes are atomic, never over the source,
// never over an existing file without --force.
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Translate } from '../i18n/messages';
import { TEMPLATES } from '../statute';
import { loadImporter } from '../import/load';
import { tempBeside } from '../output/write';
import type { ImportOptions, ImportSummary } from '../import/types';
import { parseCommand } from './args';
import type { Io } from './io';

/** Sources beyond this are not read at all (the readers have their own, smaller limits). */
export const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

export interface ImportEntry {
  source: string;
  output?: string;
  status: 'imported' | 'refused' | 'unreadable' | 'exists' | 'failed';
  exit: 0 | 1 | 2;
  message?: string;
  summary?: ImportSummary;
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    args,
    {
      out: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      template: { type: 'string' },
      agency: { type: 'string' },
      year: { type: 'string' },
      force: { type: 'boolean' },
      format: { type: 'string', short: 'f', default: 'text' },
    },
    'importUsage',
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, t } = parsed;
  const usage = (reason?: string) => {
    io.err(`${reason ? `${t('cliBadUsage', { reason })}\n` : ''}${t('importUsage')}\n`);
    return 2;
  };
  if (positionals.length === 0) return usage();
  if (!['text', 'json'].includes(values.format!)) return usage(`--format ${values.format}`);
  if (values.out && values['out-dir']) return usage(t('importBothOut'));
  if (values.out && positionals.length > 1) return usage(t('importOneOut'));
  if (values.template && !TEMPLATES.some((x) => x.id === values.template))
    return usage(t('importBadTemplate', { value: values.template, known: TEMPLATES.map((x) => x.id).join(', ') }));
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) return usage(t('importBadYear', { value: values.year }));
    year = Number(values.year);
  }
  const options: ImportOptions = { template: values.template, agency: values.agency, year, locale: values.locale };

  const entries: ImportEntry[] = [];
  const outputs = new Set<string>();
  for (const source of positionals) {
    const output = values.out ?? defaultOutput(source, values['out-dir']);
    const entry = await importOne(source, output, options, !!values.force, outputs, t);
    entries.push(entry);
    if (values.format === 'text') io.out(describeEntry(entry, t));
  }
  if (values.format === 'json') io.out(`${JSON.stringify(entries, null, 2)}\n`);
  return Math.max(0, ...entries.map((e) => e.exit));
}

/** `dir/report.pdf` → `dir/report.ogi.md`, or in `--out-dir`. */
export function defaultOutput(source: string, outDir?: string): string {
  const name = `${basename(source, extname(source))}.ogi.md`;
  return join(outDir ?? dirname(source), name);
}

async function importOne(
  source: string,
  output: string,
  options: ImportOptions,
  force: boolean,
  outputs: Set<string>,
  t: Translate,
): Promise<ImportEntry> {
  const shown = displayPath(source);
  const out = displayPath(output);
  let bytes: Buffer;
  try {
    const stat = statSync(source);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (stat.size > MAX_SOURCE_BYTES) {
      const message = t('importRefusedTooLarge', { path: shown, detail: `${stat.size} > ${MAX_SOURCE_BYTES} bytes` });
      return { source: shown, status: 'refused', exit: 2, message };
    }
    bytes = readFileSync(source);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return { source: shown, status: 'unreadable', exit: 2, message: t('cliUnreadable', { path: shown, reason }) };
  }
  if (source.toLowerCase().endsWith('.ogi.md') || sameFile(source, output))
    return { source: shown, status: 'refused', exit: 2, message: t('importOutIsSource', { path: out }) };
  const key = resolve(output);
  if (outputs.has(key))
    return { source: shown, status: 'refused', exit: 2, message: t('importSameOut', { path: out }) };
  outputs.add(key);

  const importer = loadImporter();
  let result;
  try {
    result = await importer.importSource(bytes, source, options);
  } catch (e) {
    if (e instanceof importer.ImportRefusal)
      return {
        source: shown,
        status: 'refused',
        exit: 2,
        message: importer.describeRefusal(e.reason, e.detail, shown, t),
      };
    return { source: shown, status: 'failed', exit: 2, message: t('importFailed', { path: shown, detail: String(e) }) };
  }
  const summary = result.summary;
  try {
    if (!writeNew(output, result.text, force))
      return {
        source: shown,
        output: out,
        status: 'exists',
        exit: 2,
        message: t('importExists', { path: out }),
        summary,
      };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      source: shown,
      output: out,
      status: 'failed',
      exit: 2,
      message: t('cliWriteFailed', { path: out, reason }),
      summary,
    };
  }
  return {
    source: shown,
    output: out,
    status: 'imported',
    exit: summary.doubts.length ? 1 : 0,
    message: t('importWritten', { path: out }),
    summary,
  };
}

function describeEntry(entry: ImportEntry, t: Translate): string {
  const head = entry.output
    ? t('importSummaryFile', { source: entry.source, out: entry.output })
    : t('importSummaryFileNoOut', { source: entry.source });
  const lines = [head];
  if (entry.summary) lines.push(...loadImporter().describeSummary(entry.summary, t));
  if (entry.message) lines.push(entry.message);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes through a temporary file beside the target: renamed over it with --force, else hard-linked
 * to its name, which fails if the name exists — so an existing file is never replaced, even by a race.
 * Returns false when the file exists. Where hard links are not supported, an exclusive create.
 */
export function writeNew(path: string, content: string, force: boolean): boolean {
  const tmp = tempBeside(path);
  writeFileSync(tmp, content);
  try {
    if (force) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
        try {
          writeFileSync(path, content, { flag: 'wx' });
        } catch (e2) {
          if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
          throw e2;
        }
      }
    }
    return true;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // renamed, or never linked
    }
  }
}

function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
