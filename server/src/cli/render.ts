// `ogi-report render FILE [-o OUT.html|OUT.docx] [--pdf OUT.pdf] [--docx OUT.docx]`: the report as one
// standalone page, a PDF printed by Chromium, a Word document (DOCX.md). Rendering is not checking:
// findings never change the exit code. Exit codes: 0 written; 2 bad usage, unreadable input, refused or
// failed output.
import { readFileSync, statSync } from 'node:fs';
import { resolveLocale, translator } from '../i18n/messages';
import { printPdf } from '../output/pdf';
import { OutputError, samePath, writeAtomically } from '../output/write';
import { checkReport, parseReport, renderDocument, renderDocx } from '../service';
import { parseCommand } from './args';
import type { Io } from './io';

/** The `render` command: parses its own arguments (as `check` does in main.ts) and runs. */
export async function renderCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    args,
    { out: { type: 'string', short: 'o' }, pdf: { type: 'string' }, docx: { type: 'string' } },
    'cliRenderUsage',
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, locale, t } = parsed;
  if (positionals.length !== 1) {
    io.err(`${t('cliRenderUsage')}\n`);
    return 2;
  }
  return runRender(positionals[0], { out: values.out, pdf: values.pdf, docx: values.docx, locale }, io);
}

export interface RenderCliOptions {
  out?: string;
  pdf?: string;
  docx?: string;
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

  // `-o X.docx` is the Word document; without -o, --pdf or --docx alone write only what they name;
  // otherwise the HTML goes beside the source.
  const outIsDocx = options.out !== undefined && /\.docx$/i.test(options.out);
  const docxOuts = [options.docx, outIsDocx ? options.out : undefined].filter((p): p is string => p !== undefined);
  const htmlOut = outIsDocx
    ? undefined
    : (options.out ?? (options.pdf !== undefined || options.docx !== undefined ? undefined : defaultOutput(file)));
  for (const out of [htmlOut, options.pdf, ...docxOuts]) {
    if (out !== undefined && samePath(out, file)) {
      io.err(`${t('cliSameAsSource', { path: out })}\n`);
      return 2;
    }
  }

  const report = parseReport(text);
  try {
    if (htmlOut !== undefined || options.pdf !== undefined) {
      const html = renderDocument(report, { mode: 'export', locale: options.locale });
      if (htmlOut !== undefined) {
        writeAtomically(htmlOut, html, t);
        io.out(`${t('cliWritten', { path: htmlOut })}\n`);
      }
      if (options.pdf !== undefined) {
        writeAtomically(options.pdf, await printPdf(html, t), t);
        io.out(`${t('cliWritten', { path: options.pdf })}\n`);
      }
    }
    const docx = docxOuts.length ? await renderDocx(report) : undefined;
    for (const out of docxOuts) {
      writeAtomically(out, docx!, t);
      io.out(`${t('cliWritten', { path: out })}\n`);
    }
  } catch (e) {
    io.err(`${e instanceof OutputError ? e.message : String(e)}\n`);
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
