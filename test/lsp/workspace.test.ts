// The workspace index over stdio (FORMAT.md §9 in the editor): with a workspace folder on disk the
// server reads every *.ogi.md in the background, reporting progress; a report is checked against
// last year's, open or on disk (the open document wins); editing, saving, changing or deleting last
// year's report re-publishes this year's diagnostics; go to definition and hover on 上年结转 reach
// last year's 结转下年度继续办理; and opening a report never waits for the indexing.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, Location } from 'vscode-languageserver-protocol';
import { startSession, type Session } from './harness';
import { rangeOf } from './util';

const FIXTURES = join(__dirname, '..', 'fixtures', 'carry-over');
const withoutMarkers = (text: string) => text.replace(/[ \t]*(?:<!--\s*expect:[^>]*-->|#\s*expect:.*)$/gm, '');
const LAST = withoutMarkers(readFileSync(join(FIXTURES, 'consistent.years', '2023.ogi.md'), 'utf8'));
const THIS = withoutMarkers(readFileSync(join(FIXTURES, 'consistent.years', '2024.ogi.md'), 'utf8'));
const CARRIED_OUT = '结转下年度继续办理: [2, 1, 0, 0, 0, 0, 3]';
/** Last year's report carrying out one request more of 自然人 than this year's carries in. */
const LAST_INCONSISTENT = LAST.replace(CARRIED_OUT, '结转下年度继续办理: [3, 1, 0, 0, 0, 0, 4]')
  .replace('  予以公开: [3, 0, 0, 0, 0, 0, 3]', '  予以公开: [2, 0, 0, 0, 0, 0, 2]')
  .replace('  总计: [3, 0, 0, 0, 0, 0, 3]', '  总计: [2, 0, 0, 0, 0, 0, 2]');

const carryOver = (d: Diagnostic[]) => d.filter((x) => x.code === 'carry-over');
const has = (d: Diagnostic[]) => carryOver(d).length > 0;
const hasNone = (d: Diagnostic[]) => !has(d);

function write(root: string, rel: string, text: string): string {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A document the test opened, kept in step with what the server was sent. */
class Doc {
  private doc: TextDocument;
  constructor(
    private readonly session: Session,
    readonly uri: string,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, 'ogi-report', 1, text);
    session.open(uri, text, 1);
  }
  get text(): string {
    return this.doc.getText();
  }
  get version(): number {
    return this.doc.version;
  }
  /** Replaces `from` (once in the text) with `to`. */
  replace(from: string, to: string): void {
    const range = rangeOf(this.text, from);
    this.doc = TextDocument.update(this.doc, [{ range, text: to }], this.doc.version + 1);
    this.session.change(this.uri, this.doc.version, [{ range, text: to }]);
  }
  close(): Promise<Diagnostic[]> {
    return this.session.closeDocument(this.uri);
  }
}

let root: string;
let session: Session;
let lastPath: string, thisPath: string;
let lastUri: string, thisUri: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'ogi-lsp-workspace-'));
  lastPath = write(root, '2023/county.ogi.md', LAST);
  thisPath = write(root, '2024/county.ogi.md', THIS);
  write(root, 'others/transport-2023.ogi.md', LAST.replace('agency: 某某县市场监督管理局', 'agency: 某某县交通运输局'));
  // Not indexed: were they, each would be a second candidate for last year (and a hint, not a check).
  write(root, 'node_modules/pkg/copy.ogi.md', LAST_INCONSISTENT);
  write(root, '.history/copy.ogi.md', LAST_INCONSISTENT);
  lastUri = pathToFileURL(lastPath).href;
  thisUri = pathToFileURL(thisPath).href;
  const folder = pathToFileURL(root).href;
  session = await startSession({
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'reports' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        definition: { linkSupport: false },
      },
    },
  });
});
after(async () => {
  await session?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('indexing', () => {
  test('in the background with progress: begin, reports of files read, end', async () => {
    const progress = await session.progressUntil((v) => v.kind === 'end');
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress[0].title, 'OGI Report');
    assert.equal(progress.at(-1)!.kind, 'end');
    const reports = progress.filter((v) => v.kind === 'report');
    assert.ok(reports.length >= 1);
    // Three reports: node_modules and hidden folders are not the workspace's reports.
    assert.equal(reports.at(-1)!.message, '3/3');
    assert.equal(reports.at(-1)!.percentage, 100);
  });
});

describe('this year against last year', () => {
  test("editing last year's open report re-publishes this year's: the finding appears, then clears", async () => {
    await session.progressUntil((v) => v.kind === 'end');
    const current = new Doc(session, thisUri, THIS);
    assert.deepEqual(await session.diagnostics(thisUri), [], 'consistent with last year on disk');
    const last = new Doc(session, lastUri, LAST);
    assert.deepEqual(await session.diagnostics(lastUri), []);

    last.replace(CARRIED_OUT, '结转下年度继续办理: [3, 1, 0, 0, 0, 0, 4]');
    const found = carryOver(await session.diagnostics(thisUri, has));
    assert.deepEqual(
      found.map((d) => d.range.start),
      [
        rangeOf(THIS, '2', { after: '上年结转政府信息公开申请数量' }).start,
        rangeOf(THIS, '3]', { after: '上年结转政府信息公开申请数量' }).start,
      ],
    );
    assert.match(found[0].message as string, /上年（2023 年度）报告 2023\/county\.ogi\.md 的“结转下年度继续办理”为 3/);
    // Related information: last year's cell, in the open document (not yet saved).
    const related = found[0].relatedInformation![0];
    assert.equal(related.location.uri, lastUri);
    assert.deepEqual(related.location.range, rangeOf(last.text, '3', { after: '结转下年度继续办理: [' }));

    last.replace('结转下年度继续办理: [3, 1, 0, 0, 0, 0, 4]', CARRIED_OUT);
    assert.deepEqual(carryOver(await session.diagnostics(thisUri, hasNone)), []);

    // The open document wins over the disk: with last year's file changed on disk, nothing changes here.
    writeFileSync(lastPath, LAST_INCONSISTENT);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: lastUri, type: 2 }],
    });
    last.replace('本年度政府信息公开工作平稳有序。', '本年度政府信息公开工作平稳有序，特此报告。');
    assert.deepEqual(await session.diagnostics(lastUri, (_d, v) => v === last.version), []);
    assert.deepEqual(carryOver(await session.diagnostics(thisUri)), []);

    // Closed unsaved: the disk's version counts again, and it does not carry on.
    await last.close();
    const fromDisk = carryOver(await session.diagnostics(thisUri, has));
    assert.equal(fromDisk[0].relatedInformation![0].location.uri, lastUri);
    writeFileSync(lastPath, LAST);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: lastUri, type: 2 }],
    });
    assert.deepEqual(carryOver(await session.diagnostics(thisUri, hasNone)), []);
    await current.close();
  });

  test("on disk: last year's report changed, deleted and created again re-publishes this year's", async () => {
    await session.progressUntil((v) => v.kind === 'end');
    new Doc(session, thisUri, THIS);
    assert.deepEqual(carryOver(await session.diagnostics(thisUri)), []);

    writeFileSync(lastPath, LAST_INCONSISTENT);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: lastUri, type: 2 }],
    });
    assert.equal(carryOver(await session.diagnostics(thisUri, has)).length, 2);

    unlinkSync(lastPath);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: lastUri, type: 3 }],
    });
    assert.deepEqual(await session.diagnostics(thisUri, hasNone), [], 'no last year, nothing to check against');

    writeFileSync(lastPath, LAST_INCONSISTENT);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: lastUri, type: 1 }],
    });
    assert.equal(carryOver(await session.diagnostics(thisUri, has)).length, 2);
  });

  test("go to definition on 上年结转 opens last year's 结转下年度继续办理 row; hover shows its value and file", async () => {
    await session.progressUntil((v) => v.kind === 'end');
    const key = rangeOf(THIS, '上年结转政府信息公开申请数量').start;
    const locations = (await session.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: thisUri },
      position: { line: key.line, character: key.character + 2 },
    })) as Location[];
    const onDisk = readFileSync(lastPath, 'utf8');
    assert.deepEqual(locations, [{ uri: lastUri, range: rangeOf(onDisk, '结转下年度继续办理') }]);

    // Elsewhere: no definition.
    const elsewhere = rangeOf(THIS, '本年新收政府信息公开申请数量').start;
    assert.deepEqual(
      await session.connection.sendRequest('textDocument/definition', {
        textDocument: { uri: thisUri },
        position: elsewhere,
      }),
      [],
    );

    // Hover on the 自然人 cell of 上年结转: last year's 自然人 carried out, with a link to its file.
    const cell = rangeOf(THIS, '2', { after: '上年结转政府信息公开申请数量' }).start;
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: thisUri },
      position: cell,
    })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.ok(
      text.includes(`上年（2023 年度）报告 [2023/county.ogi.md](${lastUri})：“结转下年度继续办理”的“自然人”为 3`),
      text,
    );
    // On the key: every column.
    const onKey = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: thisUri },
      position: key,
    })) as Hover;
    assert.match((onKey.contents as { value: string }).value, /“结转下年度继续办理”为 自然人 3、商业企业 1、.*总计 4/);
  });
});

test('opening a report is never delayed by indexing: its diagnostics come before the index is done', async () => {
  const big = mkdtempSync(join(tmpdir(), 'ogi-lsp-big-'));
  try {
    for (let i = 0; i < 600; i++)
      write(
        big,
        `d${Math.floor(i / 100)}/r${i}.ogi.md`,
        LAST.replace('agency: 某某县市场监督管理局', `agency: 某某县第${i}局`),
      );
    const folder = pathToFileURL(big).href;
    const s = await startSession({
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'big' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    try {
      const uri = pathToFileURL(join(big, 'new.ogi.md')).href;
      s.open(uri, THIS, 1);
      await s.diagnostics(uri);
      await s.progressUntil((v) => v.kind === 'end');
      const firstDiagnostics = s.received.indexOf(`diagnostics:${uri}`);
      const end = s.received.indexOf('$/progress:end');
      assert.ok(firstDiagnostics !== -1 && firstDiagnostics < end, s.received.slice(0, 10).join(' '));
      assert.equal(s.progress.filter((v) => v.kind === 'report').at(-1)!.message, '600/600');
    } finally {
      await s.close();
    }
  } finally {
    rmSync(big, { recursive: true, force: true });
  }
});
