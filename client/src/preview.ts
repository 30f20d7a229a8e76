// The live preview (a webview beside or in place of the editor) and "Export to HTML". The HTML comes
// from the language server's renderer; this file only shows it, keeps it current and in step.
import * as vscode from 'vscode';
import type { RenderParams, RenderResult } from '../../server/src/protocol';
// A constant with no imports, so no engine: on the allow-list of test/grammar/clientBundle.test.ts.
import { REPORT_CSS } from '../../server/src/render/css';
import { saveExport } from './exportFile';

export type Render = (params: RenderParams) => Promise<RenderResult | null>;
const VIEW_TYPE = 'ogiReport.preview';
/** Re-render this long after the last keystroke. */
const UPDATE_DELAY_MS = 150;

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly render: Render,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.previews.get(e.document.uri.toString())?.scheduleUpdate()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const preview = this.previews.get(e.textEditor.document.uri.toString());
        const top = e.visibleRanges[0]?.start.line;
        if (preview && top !== undefined) preview.scrollTo(top);
      }),
    );
  }

  /** The report of the preview the user is looking at, when a preview is the active editor. */
  activeDocument(): vscode.TextDocument | undefined {
    for (const preview of this.previews.values()) if (preview.panel.active) return preview.document;
    return undefined;
  }

  /** Opens (or reveals) the preview of a report. */
  async show(document: vscode.TextDocument, column: vscode.ViewColumn): Promise<void> {
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(column, true);
      return;
    }
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      previewTitle(document),
      { viewColumn: column, preserveFocus: true },
      {
        enableScripts: true,
        enableFindWidget: true,
        // The page may load nothing but our own script and stylesheet.
        localResourceRoots: [mediaRoot],
      },
    );
    const preview = new Preview(panel, document, mediaRoot, this.render);
    this.previews.set(key, preview);
    panel.onDidDispose(() => {
      this.previews.delete(key);
      preview.dispose();
    });
    await preview.update();
  }

  dispose(): void {
    for (const p of this.previews.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

class Preview {
  private timer: NodeJS.Timeout | undefined;
  private latest = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** Editor → preview scrolling is not echoed back while the preview follows it. */
  private followingEditorUntil = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly document: vscode.TextDocument,
    mediaRoot: vscode.Uri,
    private readonly render: Render,
  ) {
    panel.webview.html = pageHtml(panel.webview, mediaRoot);
    panel.iconPath = vscode.Uri.joinPath(mediaRoot, '..', 'images', 'ogi-file.svg');
    this.disposables.push(panel.webview.onDidReceiveMessage((m: { type: string; line?: number }) => this.onMessage(m)));
  }

  scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  async update(): Promise<void> {
    const requested = ++this.latest;
    const result = await this.render({ uri: this.document.uri.toString(), mode: 'preview' }).catch(() => null);
    // A newer update was requested meanwhile: this one is stale.
    if (!result || requested !== this.latest) return;
    this.panel.title = previewTitle(this.document);
    await this.panel.webview.postMessage({
      type: 'update',
      html: result.html,
      title: result.title,
      uri: this.document.uri.toString(),
    });
  }

  scrollTo(line: number): void {
    this.followingEditorUntil = Date.now() + 400;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  private onMessage(message: { type: string; line?: number }): void {
    if (message.type === 'ready') void this.update();
    if (typeof message.line !== 'number') return;
    const editor = vscode.window.visibleTextEditors.find(
      (e) => e.document.uri.toString() === this.document.uri.toString(),
    );
    if (message.type === 'revealLine' && editor && Date.now() > this.followingEditorUntil) {
      const range = new vscode.Range(message.line, 0, message.line, 0);
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    } else if (message.type === 'openAt') {
      void vscode.window.showTextDocument(this.document, {
        viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One,
        selection: new vscode.Range(message.line, 0, message.line, 0),
      });
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function previewTitle(document: vscode.TextDocument): string {
  const name = document.uri.path.split('/').pop() ?? document.uri.path;
  return vscode.l10n.t('Preview {0}', name);
}

/** The page shell: strict CSP with a per-page nonce; only the extension's media folder may be loaded. */
export function pageHtml(webview: Pick<vscode.Webview, 'cspSource' | 'asWebviewUri'>, mediaRoot: vscode.Uri): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'preview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${REPORT_CSS}</style>
<link rel="stylesheet" nonce="${nonce}" href="${style.toString()}">
</head>
<body>
<div id="ogi-root"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

/** "Export to HTML": the standalone page beside the source, written atomically, never over the source. */
export function exportHtml(document: vscode.TextDocument, render: Render): Promise<vscode.Uri | undefined> {
  return saveExport(document, { extension: 'html', filter: 'HTML' }, async () => {
    const result = await render({ uri: document.uri.toString(), mode: 'export' });
    if (result) return Buffer.from(result.html, 'utf8');
    void vscode.window.showErrorMessage(vscode.l10n.t('The OGI Report language server could not render this report.'));
    return undefined;
  });
}
