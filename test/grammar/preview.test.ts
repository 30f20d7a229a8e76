// The preview panel and "Export to HTML" against a stand-in `vscode` and a stand-in renderer:
// strict CSP with a nonce, only the media folder loadable, debounced updates that never show a
// stale render, and an export that is atomic and never writes over the report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RenderParams, RenderResult } from '../../server/src/protocol';
import { FakeUri, useStandInVscode } from './standIn';

type Listener = (e: unknown) => void;
const listeners: Record<string, Listener[]> = { change: [] };
const panels: {
  html: string;
  posted: any[];
  options: any;
  receive?: (m: unknown) => void;
  title: string;
  dispose(): void;
}[] = [];
const files = new Map<string, string>();
const fsLog: string[] = [];
const messages: string[] = [];
const saveDialogAnswers: unknown[] = [];

const fakeVscode = {
  Uri: FakeUri,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  Range: class {
    constructor(...a: number[]) {
      Object.assign(this, { a });
    }
  },
  TextEditorRevealType: { AtTop: 3 },
  l10n: { t: (m: string, ...args: unknown[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
  env: { openExternal: async () => true },
  workspace: {
    onDidChangeTextDocument: (l: Listener) => {
      listeners.change.push(l);
      return { dispose() {} };
    },
    fs: {
      writeFile: async (uri: FakeUri, bytes: Uint8Array) => {
        fsLog.push(`write ${uri.path}`);
        files.set(uri.path, Buffer.from(bytes).toString('utf8'));
      },
      rename: async (from: FakeUri, to: FakeUri) => {
        fsLog.push(`rename ${from.path} -> ${to.path}`);
        files.set(to.path, files.get(from.path)!);
        files.delete(from.path);
      },
      delete: async (uri: FakeUri) => {
        files.delete(uri.path);
      },
    },
  },
  window: {
    visibleTextEditors: [] as unknown[],
    onDidChangeTextEditorVisibleRanges: () => ({ dispose() {} }),
    showErrorMessage: async (m: string) => {
      messages.push(m);
      return undefined;
    },
    showInformationMessage: async (m: string) => {
      messages.push(m);
      return undefined;
    },
    showSaveDialog: async () => saveDialogAnswers.shift(),
    showTextDocument: async () => undefined,
    createWebviewPanel: (_type: string, title: string, _column: unknown, options: unknown) => {
      const panel = {
        html: '',
        posted: [] as any[],
        options,
        title,
        receive: undefined as ((m: unknown) => void) | undefined,
        webview: {
          cspSource: 'vscode-webview://fake',
          asWebviewUri: (u: FakeUri) => `vscode-webview://fake${u.path}`,
          postMessage: async (m: unknown) => {
            panel.posted.push(m);
            return true;
          },
          onDidReceiveMessage: (l: (m: unknown) => void) => {
            panel.receive = l;
            return { dispose() {} };
          },
          set html(v: string) {
            panel.html = v;
          },
          get html() {
            return panel.html;
          },
        },
        reveal() {},
        onDidDispose: () => ({ dispose() {} }),
        dispose() {},
        set iconPath(_v: unknown) {},
      };
      panels.push(panel as any);
      return panel;
    },
  },
};

let preview: typeof import('../../client/src/preview');
useStandInVscode(fakeVscode, () => {
  preview = require('../../client/src/preview');
});

const doc = (path: string) => ({ uri: FakeUri.file(path), languageId: 'ogi-report', version: 1 });
const waitFor = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setImmediate(r));
};

test('the preview page has a strict CSP with a nonce and loads only the extension media folder', async () => {
  const render = async (p: RenderParams): Promise<RenderResult> => ({
    html: `<article class="ogi-report ogi-preview">v1 ${p.mode}</article>`,
    title: 'T',
    version: 1,
  });
  const manager = new preview.PreviewManager(FakeUri.file('/ext') as any, render);
  await manager.show(doc('/w/a.ogi.md') as any, -2 as any);
  const panel = panels.at(-1)!;
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(panel.html)![1];
  const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(csp)![1];
  assert.ok(nonce.length >= 16);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'(;|$)`), 'scripts: only the nonce');
  assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp), csp);
  for (const tag of panel.html.match(/<(script|style|link)[^>]*>/g)!) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
  assert.match(panel.html, /<script nonce="[^"]+" src="vscode-webview:\/\/fake\/ext\/media\/preview\.js">/);
  assert.deepEqual(
    panel.options.localResourceRoots.map((u: FakeUri) => u.path),
    ['/ext/media'],
  );
  assert.equal(panel.options.enableScripts, true);
  assert.deepEqual(panel.posted.at(-1), {
    type: 'update',
    html: '<article class="ogi-report ogi-preview">v1 preview</article>',
    title: 'T',
    uri: 'file:///w/a.ogi.md',
  });
  manager.dispose();
});

test('edits are debounced, and a slower stale render never replaces a newer one', async () => {
  let calls = 0;
  const resolvers: ((r: RenderResult) => void)[] = [];
  const render = () => {
    calls++;
    return new Promise<RenderResult>((resolve) => resolvers.push(resolve));
  };
  const manager = new preview.PreviewManager(FakeUri.file('/ext') as any, render);
  const d = doc('/w/b.ogi.md');
  const shown = manager.show(d as any, -2 as any);
  resolvers.shift()!({ html: 'first', title: 'T', version: 1 });
  await shown;
  const panel = panels.at(-1)!;
  // Three keystrokes in a burst: one render.
  for (let i = 0; i < 3; i++) for (const l of listeners.change) l({ document: d });
  await waitFor(() => calls === 2);
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(calls, 2, 'a burst of edits renders once');
  // Another edit while that render is still running: the older answer arrives last and is dropped.
  for (const l of listeners.change) l({ document: d });
  await waitFor(() => calls === 3);
  resolvers[1]({ html: 'newest', title: 'T', version: 3 });
  resolvers[0]({ html: 'stale', title: 'T', version: 2 });
  await waitFor(() => panel.posted.some((m) => m.html === 'newest'));
  await new Promise((r) => setImmediate(r));
  assert.ok(!panel.posted.some((m) => m.html === 'stale'), 'the stale render was not shown');
  manager.dispose();
});

test('export writes beside the source, atomically, and refuses to overwrite the report', async () => {
  const render = async (p: RenderParams): Promise<RenderResult> => ({
    html: `<!doctype html>${p.mode}`,
    title: 'T',
    version: 1,
  });
  fsLog.length = 0;
  const target = await preview.exportHtml(doc('/w/c.ogi.md') as any, render);
  assert.equal((target as unknown as FakeUri).path, '/w/c.html');
  assert.equal(files.get('/w/c.html'), '<!doctype html>export');
  assert.equal(fsLog.length, 2);
  assert.match(fsLog[0], /^write \/w\/c\.html\..+\.tmp$/);
  assert.match(fsLog[1], /^rename \/w\/c\.html\..+\.tmp -> \/w\/c\.html$/);
  assert.ok(![...files.keys()].some((k) => k.endsWith('.tmp')), 'no temporary file left');
  // An unsaved report asks where to write; choosing the report itself is refused, nothing written.
  const untitled = { uri: new FakeUri('untitled', '/w/d.ogi.md'), languageId: 'ogi-report', version: 1 };
  saveDialogAnswers.push(untitled.uri);
  const before = new Map(files);
  const refused = await preview.exportHtml(untitled as any, render);
  assert.equal(refused, undefined);
  assert.deepEqual(files, before);
  assert.match(messages.at(-1)!, /Refusing to overwrite the report itself/);
});
