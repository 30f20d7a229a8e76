import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileUri, startSession, type Session } from './harness';

const SEED = readFileSync(join(__dirname, '..', '..', 'examples', 'jingzhi-2020.ogi.md'), 'utf8');
let session: Session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session.close();
});

test("diagnostics on open: the seed report's real defects", async () => {
  const uri = fileUri('seed.ogi.md');
  session.open(uri, SEED);
  const diagnostics = await session.diagnostics(uri);
  const codes = new Set(diagnostics.map((d) => d.code));
  for (const c of ['prose-mismatch', 'section-title', 'year-mismatch']) assert.ok(codes.has(c), c);
  assert.ok(diagnostics.every((d) => d.source === 'ogi-report'));
});
