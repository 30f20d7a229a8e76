// "OGI Report: Import…" in the client, against a stand-in `vscode` whose file system is a temporary
// folder and a stand-in server that imports as the real one does (server/src/lsp/import.ts): the sources
// it takes (explorer selection, one file, the dialog), what it writes and opens, the question before
// replacing a file, the reasons of failures, the progress and the doubts.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { importForEditor } from '../../server/src/lsp/import';
import type { ImportParams } from '../../server/src/protocol';
import { FIXTURES } from '../import/docx';

class Uri {
  constructor(readonly path: string) {}
  static file(p: string) {
    return new Uri(p);
  }
  get fsPath() {
    return this.path;
  }
  with(change: { path: string }) {
    return new Uri(change.path);
  }
  toString() {
    return `file://${this.path}`;
  }
}

const seen = {
  shown: [] as string[],
  messages: [] as [string, string][],
  progress: [] as string[],
  dialogs: 0,
  answers: [] as (string | undefined)[],
  pick: undefined as Uri[] | undefined,
  log: [] as string[],
};
const vscode = {
  Uri,
  ProgressLocation: { Notification: 15 },
  l10n: { t: (m: string, ...a: unknown[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)])) },
  window: {
    createOutputChannel: () => ({ appendLine: (l: string) => seen.log.push(l), show: () => undefined }),
    withProgress: async (_o: unknown, task: (p: unknown, t: unknown) => Promise<void>) =>
      task({ report: (v: { message: string }) => seen.progress.push(v.message) }, { isCancellationRequested: false }),
    showOpenDialog: async () => {
      seen.dialogs++;
      return seen.pick;
    },
    showTextDocument: async (uri: Uri) => {
      seen.shown.push(uri.path);
    },
    showErrorMessage: async (m: string) => {
      seen.messages.push(['error', m]);
    },
    showWarningMessage: async (m: string) => {
      seen.messages.push(['warning', m]);
      return seen.answers.shift();
    },
  },
  workspace: {
    fs: {
      readFile: async (u: Uri) => readFileSync(u.path),
      stat: async (u: Uri) => statSync(u.path),
      writeFile: async (u: Uri, b: Uint8Array) => writeFileSync(u.path, b),
      rename: async (a: Uri, b: Uri) => renameSync(a.path, b.path),
      delete: async (u: Uri) => unlinkSync(u.path),
    },
  },
};

type Command = typeof import('../../client/src/importCommand');
let command: Command;
let dir: string;
const load = (Module as any)._load;
const requests: ImportParams[] = [];
const server = async (params: ImportParams) => {
  requests.push(params);
  return JSON.parse(JSON.stringify(await importForEditor(params, 'en')));
};

before(() => {
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  command = require('../../client/src/importCommand');
  dir = mkdtempSync(join(tmpdir(), 'ogi-import-command-'));
  copyFileSync(join(FIXTURES, 'cms-gbk-2021.html'), join(dir, 'cms.html'));
  copyFileSync(join(FIXTURES, 'flat-pdf-2020.txt'), join(dir, 'flat.txt'));
  writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
});
after(() => {
  (Module as any)._load = load;
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  for (const list of [seen.shown, seen.messages, seen.progress, seen.answers, seen.log, requests]) list.length = 0;
  seen.dialogs = 0;
  seen.pick = undefined;
  for (const n of ['cms.ogi.md', 'flat.ogi.md', 'old.ogi.md']) rmSync(join(dir, n), { force: true });
});

const uri = (name: string) => Uri.file(join(dir, name));

describe('OGI Report: Import…', () => {
  test('the explorer’s selection: each source sent, its .ogi.md written beside it and opened', async () => {
    const written = await command.importReports(server, uri('cms.html'), [uri('cms.html'), uri('flat.txt')]);
    assert.deepEqual(
      written.map((u) => u.path),
      [join(dir, 'cms.ogi.md'), join(dir, 'flat.ogi.md')],
    );
    assert.deepEqual(
      seen.shown,
      written.map((u) => u.path),
    );
    assert.deepEqual(
      requests.map((r) => [r.fileName, r.uri]),
      [
        ['cms.html', uri('cms.html').toString()],
        ['flat.txt', uri('flat.txt').toString()],
      ],
    );
    assert.equal(Buffer.from(requests[0].data, 'base64').equals(readFileSync(join(dir, 'cms.html'))), true);
    assert.match(readFileSync(join(dir, 'cms.ogi.md'), 'utf8'), /^---\ntemplate: ogi-annual-2021\n/);
    assert.deepEqual(seen.progress, ['cms.html (1/2)', 'flat.txt (2/2)']);
    // flat.txt has a row in doubt: the user is told, the details are in the output.
    assert.match(seen.messages.find(([k]) => k === 'warning')![1], /^1 of 2 imported reports have cells/);
    assert.ok(seen.log.some((l) => l.startsWith('    line 62: ')));
  });

  test('an existing .ogi.md is replaced only when the user says so (or the options do)', async () => {
    writeFileSync(join(dir, 'cms.ogi.md'), 'mine\n');
    seen.answers.push(undefined);
    assert.deepEqual(await command.importReports(server, uri('cms.html')), []);
    assert.equal(readFileSync(join(dir, 'cms.ogi.md'), 'utf8'), 'mine\n');
    assert.match(seen.messages[0][1], /already exists\. Replace it/);
    seen.answers.push('Replace');
    assert.equal((await command.importReports(server, uri('cms.html'))).length, 1);
    assert.notEqual(readFileSync(join(dir, 'cms.ogi.md'), 'utf8'), 'mine\n');
    writeFileSync(join(dir, 'cms.ogi.md'), 'mine\n');
    await command.importReports(server, uri('cms.html'), undefined, { overwrite: true });
    assert.notEqual(readFileSync(join(dir, 'cms.ogi.md'), 'utf8'), 'mine\n');
  });

  test('a refused source: nothing written, the reason shown', async () => {
    assert.deepEqual(await command.importReports(server, uri('old.doc')), []);
    assert.ok(!existsSync(join(dir, 'old.ogi.md')));
    assert.deepEqual(
      seen.messages.map(([k]) => k),
      ['error'],
    );
    assert.match(seen.messages[0][1], /^old\.doc: an old binary Word\/WPS file/);
  });

  test('without arguments: the file dialog; dismissed, nothing happens', async () => {
    assert.deepEqual(await command.importReports(server), []);
    assert.equal(seen.dialogs, 1);
    seen.pick = [uri('cms.html')];
    assert.equal((await command.importReports(server)).length, 1);
    assert.equal(requests.length, 1);
  });

  test('the target beside the source: the last extension replaced by .ogi.md', () => {
    assert.equal(command.importTarget(Uri.file('/a/b/report.2023.pdf') as any).path, '/a/b/report.2023.ogi.md');
    assert.equal(command.importTarget(Uri.file('/a/README') as any).path, '/a/README.ogi.md');
  });
});
