// A PDF of the exported HTML page, printed by Debian's Chromium (headless): the CLI's `--pdf` and the
// editor's "Export to PDF" print through here.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Translate } from '../i18n/messages';
import { OutputError } from './write';

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

/** The page printed to PDF. Throws an OutputError (translated) when Chromium is absent or fails. */
export async function printPdf(html: string, t: Translate): Promise<Buffer> {
  const chromium = findChromium();
  if (!chromium) throw new OutputError(t('cliNoChromium'));
  // A fresh profile and HOME in a temp dir: nothing of the user's browser is read or written.
  const work = mkdtempSync(join(tmpdir(), 'ogi-report-pdf-'));
  try {
    const page = join(work, 'report.html');
    const pdf = join(work, 'report.pdf');
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
      `--print-to-pdf=${pdf}`,
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
        if (error) fail(new OutputError(t('cliPdfFailed', { reason: lastLine(stderr) || error.message })));
        else done();
      });
    });
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(pdf);
    } catch {
      /* not written */
    }
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new OutputError(t('cliPdfFailed', { reason: t('cliNoPdfWritten') }));
    return bytes;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function lastLine(s: string): string {
  return s.trim().split('\n').filter(Boolean).pop()?.slice(0, 300) ?? '';
}
