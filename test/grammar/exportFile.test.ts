// "Export to Word" and "Export to PDF" in the client, against a stand-in `vscode` and a stand-in server:
// the server's bytes written beside the report, atomically, never over it; the server's failure shown
// as it is; and a command run from a preview's title bar exports that preview's report.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { ExportParams, ExportResult } from '../../server/src/protocol';
import { FakeUri, useStandInVscode } from './standIn';

const files = new Map<string, Buffer>();
const fsLog: string[] = [];
const messages: string[] = [];
const progress: string[] = [];
const saveDialogs: unknown[] = [];
const saveDialogAnswers: unknown[] = [];
const panels: { active: boolean }[] = [];

const fakeVscode = {
  Uri: FakeUri,
  ViewColumn: { Active: -1, Beside: -2, One: 1 },
  ProgressLocation: { Notification: 15 },
  l10n: { t: (m: string, ...args: unknown[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
  env: { openExternal: async () => true },
  workspace: {
    onDidChangeTextDocument: () => ({ dispose() {} }),
    fs: {
      writeFile: async (uri: FakeUri, bytes: Uint8Array) => {
        fsLog.push(`write ${uri.path}`);
        files.set(uri.path, Buffer.from(bytes));
      },
      rename: async (from: FakeUri, to: FakeUri) => {
        fsLog.push(`rename ${from.path} -> ${to.path}`);
        files.set(to.path, files.get(from.path)!);
        files.delete(from.path);
      },
      delete: async (uri: FakeUri) => void files.delete(uri.path),
    },
  },
  window: {
    visibleTextEditors: [],
    onDidChangeTextEditorVisibleRanges: () => ({ dispose() {} }),
    showErrorMessage: async (m: string) => void messages.push(`error: ${m}`),
    showInformationMessage: async (m: string) => void messages.push(`info: ${m}`),
    showSaveDialog: async (options: unknown) => {
      saveDialogs.push(options);
      return saveDialogAnswers.shift();
    },
    withProgress: async (options: { title: string }, task: () => Promise<unknown>) => {
      progress.push(options.title);
      return task();
    },
    createWebviewPanel: () => {
      const panel = {
        active: false,
        webview: {
          cspSource: 'vscode-webview://fake',
          asWebviewUri: (u: FakeUri) => `vscode-webview://fake${u.path}`,
          postMessage: async () => true,
          onDidReceiveMessage: () => ({ dispose() {} }),
          html: '',
        },
        reveal() {},
        onDidDispose: () => ({ dispose() {} }),
        dispose() {},
        title: '',
        iconPath: undefined,
      };
      panels.push(panel);
      return panel;
    },
  },
};

let exportFile: typeof import('../../client/src/exportFile');
let preview: typeof import('../../client/src/preview');
let exportPath: typeof import('../../client/src/exportPath');
useStandInVscode(fakeVscode, () => {
  exportFile = require('../../client/src/exportFile');
  preview = require('../../client/src/preview');
  exportPath = require('../../client/src/exportPath');
});
beforeEach(() => {
  files.clear();
  fsLog.length = messages.length = progress.length = saveDialogs.length = 0;
});

const doc = (path: string, scheme = 'file') => ({
  uri: new FakeUri(scheme, path),
  languageId: 'ogi-report',
  version: 1,
});
// Bytes no text encoding would survive: the file is written as the server made it.
const BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d]);
const serving =
  (asked: ExportParams[]) =>
  async (p: ExportParams): Promise<ExportResult> => {
    asked.push(p);
    return { data: BYTES.toString('base64'), title: 'T', version: 1 };
  };

test('Word and PDF go beside the report, written atomically, with a progress note and an offer to open', async () => {
  const asked: ExportParams[] = [];
  for (const format of ['docx', 'pdf'] as const) {
    fsLog.length = 0;
    const target = await exportFile.exportFile(doc('/w/a.ogi.md') as any, format, serving(asked));
    assert.equal((target as unknown as FakeUri).path, `/w/a.${format}`);
    assert.deepEqual(files.get(`/w/a.${format}`), BYTES);
    assert.equal(fsLog.length, 2);
    assert.match(fsLog[0], new RegExp(`^write /w/a\\.${format}\\..+\\.tmp$`));
    assert.equal(fsLog[1].replace(/\..+\.tmp/, '.tmp'), `rename /w/a.tmp -> /w/a.${format}`);
  }
  assert.deepEqual(asked, [
    { uri: 'file:///w/a.ogi.md', format: 'docx' },
    { uri: 'file:///w/a.ogi.md', format: 'pdf' },
  ]);
  assert.deepEqual(progress, ['Exporting a.ogi.md…', 'Exporting a.ogi.md…']);
  assert.deepEqual(messages, ['info: Exported to /w/a.docx', 'info: Exported to /w/a.pdf']);
  assert.equal(exportPath.exportTarget(FakeUri.file('/w/B.OGI.MD') as any, 'docx')!.path, '/w/B.docx');
  assert.equal(exportPath.exportTarget(FakeUri.file('/w/b.md') as any, 'pdf')!.path, '/w/b.md.pdf');
});

test("the server's failure is shown as it is, and nothing is written", async () => {
  const failing = async () => {
    throw new Error('未找到 Chromium，无法生成 PDF：请安装（Debian/Ubuntu：apt-get install chromium）');
  };
  assert.equal(await exportFile.exportFile(doc('/w/a.ogi.md') as any, 'pdf', failing), undefined);
  assert.deepEqual(messages, [
    'error: Export failed: 未找到 Chromium，无法生成 PDF：请安装（Debian/Ubuntu：apt-get install chromium）',
  ]);
  assert.equal(await exportFile.exportFile(doc('/w/a.ogi.md') as any, 'docx', async () => null), undefined);
  assert.equal(messages.at(-1), 'error: The OGI Report language server could not render this report.');
  assert.deepEqual([...files.keys()], []);
});

test('an unsaved report asks where, for a Word file; the report itself is refused', async () => {
  const untitled = doc('/w/new.ogi.md', 'untitled');
  saveDialogAnswers.push(untitled.uri);
  const asked: ExportParams[] = [];
  assert.equal(await exportFile.exportFile(untitled as any, 'docx', serving(asked)), undefined);
  assert.deepEqual((saveDialogs[0] as { filters: unknown }).filters, { Word: ['docx'] });
  assert.match(messages.at(-1)!, /Refusing to overwrite the report itself/);
  assert.deepEqual(asked, [], 'nothing asked of the server');
  assert.deepEqual([...files.keys()], []);
  saveDialogAnswers.push(undefined);
  assert.equal(await exportFile.exportFile(untitled as any, 'pdf', serving(asked)), undefined, 'dismissed');
});

test("the active preview's report is the one a preview's title bar exports", async () => {
  const render = async () => ({ html: '', title: 'T', version: 1 });
  const manager = new preview.PreviewManager(FakeUri.file('/ext') as any, render);
  const a = doc('/w/a.ogi.md');
  const b = doc('/w/b.ogi.md');
  await manager.show(a as any, -2 as any);
  await manager.show(b as any, -2 as any);
  const [pa, pb] = panels.slice(-2);
  assert.equal(manager.activeDocument(), undefined, 'no preview is active');
  pb.active = true;
  assert.equal(manager.activeDocument(), b);
  pb.active = false;
  pa.active = true;
  assert.equal(manager.activeDocument(), a);
  manager.dispose();
});
