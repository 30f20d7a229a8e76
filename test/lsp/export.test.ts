// "Export to Word" and "Export to PDF" over the real protocol: `ogiReport/export` answers the current
// version's file as base64 — a Word package, or a PDF printed by Chromium — and, without Chromium, a
// request failure whose message tells the user what to install.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportRequest, type ExportResult } from '../../server/src/protocol';
import { openPackage, text } from '../docx/package';
import { fileUri, startSession, type Session, useSession } from './harness';
import { SEED } from './util';

let session: Session;
useSession((s) => (session = s));

const exportOf = (s: Session, uri: string, format: 'docx' | 'pdf') =>
  s.connection.sendRequest(exportRequest.method, { uri, format }) as Promise<ExportResult | null>;

test('docx: the Word document of the current version, as base64', async () => {
  const uri = fileUri('export.ogi.md');
  session.open(uri, SEED, 1);
  await session.diagnostics(uri, (_d, v) => v === 1);
  const first = (await exportOf(session, uri, 'docx'))!;
  assert.equal(first.version, 1);
  assert.equal(first.title, '安丘市景芝镇人民政府2020年政府信息公开工作年度报告');
  const paragraphsOf = async (r: ExportResult) => {
    const doc = await (await openPackage(Buffer.from(r.data, 'base64'))).xml('word/document.xml');
    return text(doc);
  };
  assert.match(await paragraphsOf(first), /^安丘市景芝镇人民政府\n2020年政府信息公开工作年度报告/);

  // An edit not yet saved is in the next export.
  const line = SEED.split('\n').findIndex((l) => l.startsWith('agency:'));
  session.change(uri, 2, [
    { range: { start: { line, character: 8 }, end: { line, character: 18 } }, text: '安丘市某某街道办事处' },
  ]);
  const second = (await exportOf(session, uri, 'docx'))!;
  assert.equal(second.version, 2);
  assert.match(await paragraphsOf(second), /^安丘市某某街道办事处\n2020年/);
  assert.equal(await exportOf(session, fileUri('never-opened.ogi.md'), 'docx'), null);
});

test('pdf: the exported page printed by Chromium', { timeout: 120_000 }, async () => {
  const uri = fileUri('export-pdf.ogi.md');
  session.open(uri, SEED, 1);
  const result = (await exportOf(session, uri, 'pdf'))!;
  const bytes = Buffer.from(result.data, 'base64');
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(bytes.length > 10_000);
});

test('pdf without Chromium: a request failure the editor shows as it is', async () => {
  const saved = process.env.OGI_CHROMIUM;
  process.env.OGI_CHROMIUM = '/nonexistent/chromium';
  const alone = await startSession();
  if (saved === undefined) delete process.env.OGI_CHROMIUM;
  else process.env.OGI_CHROMIUM = saved;
  try {
    const uri = fileUri('export-no-chromium.ogi.md');
    alone.open(uri, SEED, 1);
    await assert.rejects(exportOf(alone, uri, 'pdf'), (e: { code: number; message: string }) => {
      assert.equal(e.code, -32803, 'RequestFailed');
      assert.match(e.message, /未找到 Chromium，无法生成 PDF/);
      assert.match(e.message, /apt-get install chromium/);
      return true;
    });
    // Word needs no Chromium.
    assert.ok((await exportOf(alone, uri, 'docx'))!.data.length > 1000);
  } finally {
    await alone.close();
  }
});
