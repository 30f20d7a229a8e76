// "Import…" over the real protocol: ogiReport/import answers a source's `.ogi.md` text and its summary in
// the editor's language, or why it was refused; the importer is not loaded until the first import.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importRequest, type ImportReply } from '../../server/src/protocol';
import { checkText } from '../../server/src/service';
import { FIXTURES } from '../import/docx';
import { fileUri, startSession, type Session } from './harness';

let session: Session;
before(async () => {
  session = await startSession({ locale: 'en' }, { ogiReport: { locale: 'auto' } });
});
after(async () => {
  await session.close();
});

const send = (fileName: string, bytes: Uint8Array) =>
  session.connection.sendRequest(importRequest.method, {
    uri: fileUri(fileName),
    fileName,
    data: Buffer.from(bytes).toString('base64'),
  }) as Promise<ImportReply>;

test('the language server starts without the importer: parse5 and mammoth are not in its bundle', () => {
  const bundle = readFileSync(join(__dirname, '..', '..', 'dist', 'server.js'), 'utf8');
  assert.ok(!bundle.includes('mammoth') && !/\bparse5\b/.test(bundle), 'the importer belongs to dist/import.js');
  assert.match(bundle, /require\("\.\/import\.js"\)/);
});

test('a page: its .ogi.md text, the summary in the editor’s language, no doubt', async () => {
  const reply = await send('cms-gbk-2021.html', readFileSync(join(FIXTURES, 'cms-gbk-2021.html')));
  assert.equal(reply.refused, undefined);
  assert.equal(reply.doubts, 0);
  assert.match(reply.text!, /^---\ntemplate: ogi-annual-2021\nagency: 临河县自然资源局\n/);
  assert.ok(
    reply.summary.includes("  template: ogi-annual-2021 (from the tables' shape and labels)"),
    reply.summary.join('\n'),
  );
  assert.ok(checkText(reply.text!).some((f) => f.code === 'row-total'));
});

test('doubts are counted and listed with their source lines', async () => {
  const reply = await send('flat.txt', readFileSync(join(FIXTURES, 'flat-pdf-2020.txt')));
  assert.equal(reply.doubts, 1);
  assert.ok(
    reply.summary.some((l) => l.startsWith('    line 62: ')),
    reply.summary.join('\n'),
  );
});

test('a refused source: no text, the reason and what to do', async () => {
  const reply = await send('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]));
  assert.equal(reply.text, undefined);
  assert.match(reply.refused!, /^old\.doc: an old binary Word\/WPS file.*"Save as" \.docx/);
});
