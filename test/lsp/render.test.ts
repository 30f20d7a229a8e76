// The preview's custom request over the real protocol: `ogiReport/render` answers the current
// version's HTML, with findings marked in preview mode and none in the exported page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRequest } from '../../server/src/protocol';
import { fileUri, type Session, useSession } from './harness';
import { SEED } from './util';

let session: Session;
useSession((s) => (session = s));

test('preview HTML marks findings and follows edits; export HTML is a standalone page without marks', async () => {
  const uri = fileUri('render.ogi.md');
  session.open(uri, SEED, 1);
  await session.diagnostics(uri, (_d, v) => v === 1);
  const preview = (await session.connection.sendRequest(renderRequest.method, { uri, mode: 'preview' })) as {
    html: string;
    title: string;
    version: number;
  };
  assert.equal(preview.version, 1);
  assert.equal(preview.title, '安丘市景芝镇人民政府2020年政府信息公开工作年度报告');
  assert.match(preview.html, /^<article class="ogi-report ogi-preview"/);
  assert.match(preview.html, /class="[^"]*ogi-finding[^"]*"[^>]*title="[^"]*五、存在的主要问题及改进情况/);
  assert.ok(!preview.html.includes('<script'));

  // Edit the 予以公开 total: the next render shows the new number, marked.
  const line = SEED.split('\n').findIndex((l) => l.startsWith('  予以公开:'));
  const character = SEED.split('\n')[line].lastIndexOf('4');
  session.change(uri, 2, [
    { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '9' },
  ]);
  const edited = (await session.connection.sendRequest(renderRequest.method, { uri, mode: 'preview' })) as {
    html: string;
    version: number;
  };
  assert.equal(edited.version, 2);
  assert.match(edited.html, /<td[^>]*ogi-finding[^>]*ogi-error[^>]*>9<\/td>/);

  const exported = (await session.connection.sendRequest(renderRequest.method, { uri, mode: 'export' })) as {
    html: string;
  };
  assert.match(exported.html, /^<!doctype html>/);
  assert.ok(!/class="[^"]*ogi-finding/.test(exported.html), 'no finding is marked in the export');
  const remote = /<script|https?:\/\//.exec(exported.html);
  assert.equal(remote, null, remote ? exported.html.slice(remote.index - 80, remote.index + 40) : '');
});

test('an unknown document renders as null', async () => {
  const result = await session.connection.sendRequest(renderRequest.method, {
    uri: fileUri('never-opened.ogi.md'),
    mode: 'preview',
  });
  assert.equal(result, null);
});
