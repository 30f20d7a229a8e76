// "OGI Report: Import…": published reports (PDF, Word, web pages, text) to `.ogi.md` beside them. The
// editor reads each source (from whatever file system the workspace is on), the language server imports
// it (ogiReport/import), and the editor writes the text — asking before replacing a file — and opens it,
// where its findings show as for any report. Failures say why; doubts point to the summary.
// Callable with arguments (the explorer's: the clicked file and the selection; tests: options too).
import * as vscode from 'vscode';
import type { ImportParams, ImportReply } from '../../server/src/protocol';
import { writeAtomically } from './writeFile';

export type RequestImport = (params: ImportParams) => Promise<ImportReply>;

export interface ImportCommandOptions {
  /** Replace an existing `.ogi.md` without asking (end-to-end tests). */
  overwrite?: boolean;
}

/** The extensions the command offers and the explorer menu shows it on. */
export const IMPORT_EXTENSIONS = ['pdf', 'docx', 'html', 'htm', 'txt', 'md'];

let output: vscode.OutputChannel | undefined;
function log(): vscode.OutputChannel {
  return (output ??= vscode.window.createOutputChannel(vscode.l10n.t('OGI Report Import')));
}

/** `dir/report.pdf` → `dir/report.ogi.md`. */
export function importTarget(source: vscode.Uri): vscode.Uri {
  const slash = source.path.lastIndexOf('/');
  const name = source.path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return source.with({ path: `${source.path.slice(0, slash + 1)}${stem}.ogi.md` });
}

/** The sources the command was given: the explorer's selection, one file, or those picked in a dialog. */
async function sourcesOf(args: unknown[]): Promise<vscode.Uri[] | undefined> {
  const [clicked, selected] = args;
  if (Array.isArray(selected) && selected.length && selected.every((u) => u instanceof vscode.Uri)) return selected;
  if (clicked instanceof vscode.Uri) return [clicked];
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('Import published reports'),
    filters: { [vscode.l10n.t('Published reports')]: IMPORT_EXTENSIONS },
  });
}

/** Imports the sources; returns the `.ogi.md` files written (and opened). */
export async function importReports(request: RequestImport, ...args: unknown[]): Promise<vscode.Uri[]> {
  const options = (args[2] ?? {}) as ImportCommandOptions;
  const sources = await sourcesOf(args);
  if (!sources?.length) return [];
  const written: vscode.Uri[] = [];
  const failures: string[] = [];
  let doubtful = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing reports'), cancellable: true },
    async (progress, token) => {
      for (const [i, source] of sources.entries()) {
        if (token.isCancellationRequested) break;
        const name = source.path.slice(source.path.lastIndexOf('/') + 1);
        progress.report({
          message: vscode.l10n.t('{0} ({1}/{2})', name, i + 1, sources.length),
          increment: 100 / sources.length,
        });
        const target = importTarget(source);
        let reply: ImportReply;
        try {
          const bytes = await vscode.workspace.fs.readFile(source);
          reply = await request({
            uri: source.toString(),
            fileName: name,
            data: Buffer.from(bytes).toString('base64'),
          });
        } catch (e) {
          failures.push(vscode.l10n.t('{0}: {1}', name, String((e as Error)?.message ?? e)));
          continue;
        }
        log().appendLine(`${source.fsPath} → ${target.fsPath}`);
        for (const line of reply.summary) log().appendLine(line);
        if (reply.text === undefined) {
          failures.push(reply.refused ?? name);
          log().appendLine(reply.refused ?? '');
          continue;
        }
        if (!(await mayWrite(target, options))) continue;
        try {
          await writeAtomically(target, new TextEncoder().encode(reply.text));
        } catch (e) {
          failures.push(vscode.l10n.t('{0}: {1}', target.fsPath, String((e as Error)?.message ?? e)));
          continue;
        }
        written.push(target);
        if (reply.doubts) doubtful++;
      }
    },
  );
  for (const [i, uri] of written.entries())
    await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: i > 0 });
  for (const failure of failures) void vscode.window.showErrorMessage(failure);
  if (doubtful) {
    const details = vscode.l10n.t('Show Details');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '{0} of {1} imported reports have cells the importer could not read with certainty: they are left blank and listed in the output.',
          doubtful,
          written.length,
        ),
        details,
      )
      .then((choice) => {
        if (choice === details) log().show(true);
      });
  }
  return written;
}

/** Whether the target may be written: it does not exist, or the user (or the options) say to replace it. */
async function mayWrite(target: vscode.Uri, options: ImportCommandOptions): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    return true;
  }
  if (options.overwrite) return true;
  const replace = vscode.l10n.t('Replace');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it with the imported report?', target.fsPath),
    { modal: true },
    replace,
  );
  return choice === replace;
}
