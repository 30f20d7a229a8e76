// The built extension (dist/client.js, `npm run build` first) activated in Node against a stand-in
// `vscode` module: it forks the real dist/server.js over IPC and completes the LSP handshake, restarts
// the server when it dies (up to the cap, then says so), runs "New OGI report", and stops on deactivate.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime';
import { parseReport } from '../../server/src/service';
import { installFakeVscode, next, type FakeVscode } from './fakeVscode';

const ROOT = join(__dirname, '..', '..');
const CLIENT = join(ROOT, 'dist', 'client.js');

let fake: FakeVscode;
let ext: { activate(context: unknown): Promise<void>; deactivate(): Thenable<void> | undefined };

before(async () => {
  assert.ok(existsSync(CLIENT), 'dist/client.js is missing: run npm run build');
  fake = installFakeVscode();
  delete require.cache[CLIENT];
  ext = require(CLIENT);
  await ext.activate({ subscriptions: [], asAbsolutePath: (p: string) => join(ROOT, p), extensionMode: 1 });
});

after(async () => {
  const last = fake.servers.at(-1)?.child;
  const exited =
    last && last.exitCode === null && last.signalCode === null
      ? new Promise((r) => last.once('exit', r))
      : Promise.resolve();
  await ext.deactivate();
  await exited;
  for (const s of fake.servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill();
  fake.uninstall();
});

describe('activation', () => {
  test('registers the commands and starts dist/server.js over node IPC', async () => {
    assert.deepEqual([...fake.commands.keys()].sort(), [
      'ogiReport.exportDocx',
      'ogiReport.exportHtml',
      'ogiReport.exportPdf',
      'ogiReport.import',
      'ogiReport.newReport',
      'ogiReport.restartServer',
      'ogiReport.showPreview',
      'ogiReport.showPreviewToSide',
    ]);
    assert.equal(fake.servers.length, 1);
    const [module, args] = fake.servers[0].args as [string, string[]];
    assert.equal(module, join(ROOT, 'dist', 'server.js'));
    assert.ok(args.includes('--node-ipc'), args.join(' '));
    const options = fake.servers[0].args[2] as { execArgv?: string[] };
    assert.deepEqual(options.execArgv, SERVER_NODE_FLAGS, 'the server runs with SERVER_NODE_FLAGS');
    const result = await fake.servers[0].initialized;
    // The running server process has SERVER_ENV on top of the editor's environment.
    const environ = readFileSync(`/proc/${fake.servers[0].child.pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_ENV))
      assert.ok(environ.includes(`${name}=${value}`), `${name} is not ${value}`);
    assert.ok(
      environ.some((v) => v.startsWith('PATH=')),
      'the editor environment is kept',
    );
    assert.equal(result.serverInfo.name, 'ogi-report-language-server');
    assert.ok(result.capabilities.hoverProvider && result.capabilities.completionProvider);
  });

  test('watches the workspace’s *.ogi.md for the server’s index; the server answers go to definition', async () => {
    assert.deepEqual(fake.watchers, ['**/*.ogi.md']);
    const result = await fake.servers[0].initialized;
    assert.equal(result.capabilities.definitionProvider, true);
  });
});

describe('New OGI report', () => {
  test('asks template, agency and year, then opens an untitled ogi-report with the skeleton', async () => {
    fake.quickPickLabels.push('ogi-annual-2019');
    fake.inputs.push('某某县某某局', '2020');
    const asked = fake.inputOptions.length;
    await fake.commands.get('ogiReport.newReport')!();
    const [agencyBox, yearBox] = fake.inputOptions.slice(asked);
    assert.ok(agencyBox.validateInput!('  '), 'an empty agency is refused');
    assert.equal(agencyBox.validateInput!('某某县某某局'), undefined);
    assert.equal(yearBox.value, '2020', 'the 2019 format defaults to its last year');
    assert.equal(typeof yearBox.validateInput!('20x0'), 'string');
    assert.equal(yearBox.validateInput!('2023').severity, 2, 'a year the format is not for is a warning');
    assert.equal(yearBox.validateInput!('2019'), undefined);

    const doc = fake.opened.at(-1)!;
    assert.equal(doc.language, 'ogi-report');
    // The text is the server's (ogiReport/newReport): a 局's report for 2020 is due by 31 January 2021,
    // so today's date is clipped to that deadline.
    const { data } = parseReport(doc.content!).frontMatter;
    assert.deepEqual(
      [data.template, data.agency, data.year, data.issued],
      ['ogi-annual-2019', '某某县某某局', 2020, '2021-01-31'],
    );
    assert.deepEqual(
      fake.quickPicks.at(-1)!.items.map((i) => i.label),
      ['ogi-annual-2021', 'ogi-annual-2019'],
      "the server's templates, the default first",
    );
    assert.match(doc.content!, /^## 六、其他需要报告的事项$/m);
  });

  test('opens nothing when a question is dismissed', async () => {
    const opened = fake.opened.length;
    fake.quickPickLabels.push('ogi-annual-2021');
    fake.inputs.push(undefined as unknown as string);
    await fake.commands.get('ogiReport.newReport')!();
    assert.equal(fake.opened.length, opened);
  });
});

describe('a crashing server', () => {
  test('is restarted up to four times, then left stopped with an error message; the restart command brings it back', async () => {
    for (let i = 1; i <= 4; i++) {
      const forked = next(fake.events, 'fork');
      fake.servers.at(-1)!.child.kill();
      await forked;
      await fake.servers.at(-1)!.initialized;
      const status = fake.messages.some(([kind, text]) => kind === 'status' && text.includes(`(${i}/4)`));
      if (!status)
        await next(fake.events, 'message', (kind, text) => kind === 'status' && String(text).includes(`(${i}/4)`));
    }
    assert.equal(fake.servers.length, 5);
    assert.deepEqual(
      fake.messages.filter(([kind]) => kind !== 'status'),
      [],
      'a restart shows no notification',
    );

    const gaveUp = next(fake.events, 'message', (kind) => kind === 'error');
    fake.servers.at(-1)!.child.kill();
    const [, text] = await gaveUp;
    assert.match(String(text), /crashed 5 times in 3 minutes and will not be restarted/);
    assert.equal(fake.servers.length, 5, 'no sixth start');

    const forked = next(fake.events, 'fork');
    await fake.commands.get('ogiReport.restartServer')!();
    await forked;
    await fake.servers.at(-1)!.initialized;
    assert.equal(fake.servers.length, 6);
  });
});
