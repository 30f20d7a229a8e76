// `ogi-report render FILE [-o OUT.html] [--pdf OUT.pdf]`: the report as one standalone page (and
// optionally a PDF printed by Chromium). Rendering is not checking: findings never change the exit code.
// Exit codes: 0 written; 2 bad usage, unreadable input, refused or failed output.
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveLocale, translator, type Translate } from '../i18n/messages';
import { checkReport, parseReport, renderDocument } from '../service';
import type { Io } from './io';

class RenderFailure extends Error {}

/** The `render` command: parses its own arguments (as `check` does in main.ts) and runs. */
export async function renderCommand(args: string[], io: Io): Promise<number> {
  const zh = translator('zh-cn');
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        pdf: { type: 'string' },
        locale: { type: 'string', default: process.env.OGI_REPORT_LOCALE ?? 'zh-cn' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${zh('cliBadUsage', { reason: (e as Error).message })}\n${zh('cliRenderUsage')}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const locale = resolveLocale(values.locale);
  const t = translator(locale);
  if (values.help) {
    io.out(`${t('cliRenderUsage')}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`${t('cliRenderUsage')}\n`);
    return 2;
  }
  return runRender(positionals[0], { out: values.out, pdf: values.pdf, locale }, io);
}

export interface RenderCliOptions {
  out?: string;
  pdf?: string;
  locale?: string;
}

async function runRender(file: string, options: RenderCliOptions, io: Io): Promise<number> {
  const t = translator(resolveLocale(options.locale));
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    bytes = readFileSync(file);
  } catch (e) {
    io.err(`${t('cliUnreadable', { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) })}\n`);
    return 2;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    io.err(`${t('cliBinary', { path: file })}\n`);
    return 2;
  }

  // Without -o, --pdf alone writes only the PDF; otherwise the HTML goes beside the source.
  const htmlOut = options.out ?? (options.pdf ? undefined : defaultOutput(file));
  for (const out of [htmlOut, options.pdf]) {
    if (out !== undefined && samePath(out, file)) {
      io.err(`${t('cliSameAsSource', { path: out })}\n`);
      return 2;
    }
  }

  const report = parseReport(text);
  const html = renderDocument(report, { mode: 'export', locale: options.locale });
  try {
    if (htmlOut !== undefined) {
      writeAtomically(htmlOut, html, t);
      io.out(`${t('cliWritten', { path: htmlOut })}\n`);
    }
    if (options.pdf !== undefined) {
      await printPdf(html, options.pdf, t);
      io.out(`${t('cliWritten', { path: options.pdf })}\n`);
    }
  } catch (e) {
    io.err(`${e instanceof RenderFailure ? e.message : String(e)}\n`);
    return 2;
  }

  const findings = checkReport(report, { locale: options.locale });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) io.err(`${t('cliHasErrors', { errors, warnings, path: file })}\n`);
  return 0;
}

/** `report.ogi.md` → `report.html` beside it (`x.md` → `x.html`, anything else + `.html`). */
export function defaultOutput(file: string): string {
  if (/\.ogi\.md$/i.test(file)) return file.replace(/\.ogi\.md$/i, '.html');
  if (/\.md$/i.test(file)) return file.replace(/\.md$/i, '.html');
  return `${file}.html`;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Write to a temporary file in the target's directory, then rename: readers never see half a file. */
function writeAtomically(path: string, content: string | Buffer, t: Translate) {
  const tmp = tempBeside(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw new RenderFailure(t('cliWriteFailed', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
}

function tempBeside(path: string): string {
  return join(
    dirname(resolve(path)),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
}

// ---------------------------------------------------------------- PDF through Chromium

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** OGI_CHROMIUM if set (and executable), else the first Chromium on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (env.OGI_CHROMIUM) return executable(env.OGI_CHROMIUM) ? env.OGI_CHROMIUM : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

async function printPdf(html: string, pdfPath: string, t: Translate): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new RenderFailure(t('cliNoChromium'));
  // A fresh profile and HOME in a temp dir: nothing of the user's browser is read or written.
  const work = mkdtempSync(join(tmpdir(), 'ogi-report-pdf-'));
  const tmpPdf = tempBeside(pdfPath);
  try {
    const page = join(work, 'report.html');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-extensions',
      `--user-data-dir=${join(work, 'profile')}`,
      '--no-pdf-header-footer',
      '--print-to-pdf-no-header',
      `--print-to-pdf=${tmpPdf}`,
      pathToFileURL(page).href,
    ];
    const env = {
      ...process.env,
      HOME: work,
      XDG_CONFIG_HOME: join(work, 'config'),
      XDG_CACHE_HOME: join(work, 'cache'),
    };
    await new Promise<void>((done, fail) => {
      execFile(chromium, args, { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) fail(new RenderFailure(t('cliPdfFailed', { reason: lastLine(stderr) || error.message })));
        else done();
      });
    });
    let ok = false;
    try {
      ok = readFileSync(tmpPdf).subarray(0, 5).toString('latin1') === '%PDF-';
    } catch {
      /* not written */
    }
    if (!ok) throw new RenderFailure(t('cliPdfFailed', { reason: t('cliNoPdfWritten') }));
    try {
      renameSync(tmpPdf, pdfPath);
    } catch (e) {
      throw new RenderFailure(
        t('cliWriteFailed', { path: pdfPath, reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
      );
    }
  } finally {
    rmSync(tmpPdf, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

function lastLine(s: string): string {
  return s.trim().split('\n').filter(Boolean).pop()?.slice(0, 300) ?? '';
}
