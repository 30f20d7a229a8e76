// The VS Code extension (thin): starts the language server (dist/server.js) over IPC, restarts it
// when it crashes, and offers "New OGI report", the preview and the exports (HTML, Word, PDF).
// Everything about reports lives in the engine, which only the server bundles: the client asks it
// through the requests of server/src/protocol.ts and takes nothing else from server/src but
// lsp/runtime.ts and render/css.ts (the allow-list that test/grammar/clientBundle.test.ts enforces on
// dist/client.js).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { newReport } from './newReportCommand';
import { importReports, type RequestImport } from './importCommand';
import { exportRequest, importRequest, renderRequest } from '../../server/src/protocol';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime';
import { exportFile, type RequestExport } from './exportFile';
import { PreviewManager, exportHtml, type Render } from './preview';
import { RestartPolicy } from './restartPolicy';

const LANGUAGE_ID = 'ogi-report';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS, env: SERVER_ENV } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'], env: SERVER_ENV },
    },
  };
  const restarts = new RestartPolicy();
  // The server indexes the workspace's reports (last year's, for the checks across years): it hears of
  // reports created, changed and deleted on disk through this watcher (workspace/didChangeWatchedFiles).
  const reportFiles = vscode.workspace.createFileSystemWatcher('**/*.ogi.md');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'ogiReport', fileEvents: reportFiles },
    errorHandler: {
      // A read/write error while the server dies is followed by `closed`, which tells the user: log it only.
      error: (_error, _message, count) =>
        count !== undefined && count <= 3
          ? { action: ErrorAction.Continue, handled: true }
          : {
              action: ErrorAction.Shutdown,
              message: vscode.l10n.t(
                'The connection to the OGI Report language server keeps failing; the server was stopped.',
              ),
            },
      closed: () => {
        if (restarts.crashed()) {
          vscode.window.setStatusBarMessage(
            vscode.l10n.t(
              'OGI Report: the language server stopped unexpectedly and was restarted ({0}/{1}).',
              restarts.recent,
              restarts.max,
            ),
            10_000,
          );
          return { action: CloseAction.Restart, handled: true };
        }
        void gaveUp(restarts);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient('ogiReport', vscode.l10n.t('OGI Report Language Server'), serverOptions, clientOptions);

  const render: Render = async (params) => {
    if (!client?.isRunning()) return null;
    return client.sendRequest(renderRequest, params);
  };
  const requestExport: RequestExport = async (params) => {
    if (!client?.isRunning()) return null;
    return client.sendRequest(exportRequest, params);
  };
  // The server may still be starting when "Import…" activates the extension: wait for it.
  const requestImport: RequestImport = async (params) => {
    if (!client!.isRunning()) await client!.start();
    return client!.sendRequest(importRequest, params);
  };
  const previews = new PreviewManager(context.extensionUri, render);
  /** The report the command is about: the active report editor's. */
  const activeReport = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === LANGUAGE_ID) return doc;
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an OGI report (*.ogi.md) first.'));
    return undefined;
  };
  /** An export's report: the one whose editor title menu was used, the active preview's, or the active editor's. */
  const reportToExport = (resource?: unknown) => {
    const uri = resource instanceof vscode.Uri ? resource.toString() : undefined;
    const clicked = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (clicked?.languageId === LANGUAGE_ID) return clicked;
    return previews.activeDocument() ?? activeReport();
  };
  context.subscriptions.push(
    reportFiles,
    previews,
    vscode.commands.registerCommand('ogiReport.newReport', () => newReport(client!)),
    vscode.commands.registerCommand('ogiReport.import', (...args: unknown[]) => importReports(requestImport, ...args)),
    vscode.commands.registerCommand('ogiReport.restartServer', () => restart(restarts)),
    vscode.commands.registerCommand('ogiReport.showPreview', () => {
      const doc = activeReport();
      return doc && previews.show(doc, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    }),
    vscode.commands.registerCommand('ogiReport.showPreviewToSide', () => {
      const doc = activeReport();
      return doc && previews.show(doc, vscode.ViewColumn.Beside);
    }),
    vscode.commands.registerCommand('ogiReport.exportHtml', (resource?: unknown) => {
      const doc = reportToExport(resource);
      return doc && exportHtml(doc, render);
    }),
    vscode.commands.registerCommand('ogiReport.exportDocx', (resource?: unknown) => {
      const doc = reportToExport(resource);
      return doc && exportFile(doc, 'docx', requestExport);
    }),
    vscode.commands.registerCommand('ogiReport.exportPdf', (resource?: unknown) => {
      const doc = reportToExport(resource);
      return doc && exportFile(doc, 'pdf', requestExport);
    }),
  );
  // A failed start is already reported by the client (notification + output); the command still works.
  await client.start().catch(() => undefined);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

async function restart(restarts: RestartPolicy): Promise<void> {
  if (!client) return;
  restarts.reset();
  await (client.isRunning() ? client.restart() : client.start());
}

async function gaveUp(restarts: RestartPolicy): Promise<void> {
  const again = vscode.l10n.t('Restart');
  const output = vscode.l10n.t('Show Output');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t(
      'The OGI Report language server crashed {0} times in 3 minutes and will not be restarted.',
      restarts.recent,
    ),
    again,
    output,
  );
  if (choice === again) await restart(restarts);
  else if (choice === output) client?.outputChannel.show(true);
}
