// Exports beside the report: "Export to HTML" (preview.ts), "Export to Word" and "Export to PDF". The
// language server makes the file (ogiReport/render, ogiReport/export); this only writes it — atomically,
// never over the report — and offers to open it.
import * as vscode from 'vscode';
import type { ExportParams, ExportResult } from '../../server/src/protocol';
import { exportTarget } from './exportPath';
import { writeAtomically } from './writeFile';

export type RequestExport = (params: ExportParams) => Promise<ExportResult | null>;

interface Kind {
  extension: string;
  /** The save dialog's filter name. */
  filter: string;
}

/** Asks for the bytes (undefined: nothing to write, the user has been told) and writes them beside the report. */
export async function saveExport(
  document: vscode.TextDocument,
  kind: Kind,
  produce: () => Promise<Uint8Array | undefined>,
): Promise<vscode.Uri | undefined> {
  let target = exportTarget(document.uri, kind.extension);
  if (!target) {
    target = await vscode.window.showSaveDialog({
      filters: { [kind.filter]: [kind.extension] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return undefined;
  }
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Refusing to overwrite the report itself: {0}', target.fsPath));
    return undefined;
  }
  const bytes = await produce();
  if (!bytes) return undefined;
  try {
    await writeAtomically(target, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', String((e as Error)?.message ?? e)));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}', target.fsPath), open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target!);
  });
  return target;
}

const KINDS: Record<ExportParams['format'], Kind> = {
  docx: { extension: 'docx', filter: 'Word' },
  pdf: { extension: 'pdf', filter: 'PDF' },
};

/** "Export to Word" / "Export to PDF": the server's file, with a progress note while it is made. */
export function exportFile(
  document: vscode.TextDocument,
  format: ExportParams['format'],
  request: RequestExport,
): Promise<vscode.Uri | undefined> {
  return saveExport(document, KINDS[format], async () => {
    const name = document.uri.path.split('/').pop() ?? document.uri.path;
    let result: ExportResult | null;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', name) },
        () => request({ uri: document.uri.toString(), format }),
      );
    } catch (e) {
      // The server's message is for the user (e.g. how to install Chromium for a PDF).
      void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', String((e as Error)?.message ?? e)));
      return undefined;
    }
    if (!result) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The OGI Report language server could not render this report.'),
      );
      return undefined;
    }
    return Buffer.from(result.data, 'base64');
  });
}
