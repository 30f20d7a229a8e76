import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileUri, type Session, useSession } from './harness';
import { SEED } from './util';

let session: Session;
useSession((s) => (session = s));

test("diagnostics on open: the seed report's real defects", async () => {
  const uri = fileUri('seed.ogi.md');
  session.open(uri, SEED);
  const diagnostics = await session.diagnostics(uri);
  const codes = new Set(diagnostics.map((d) => d.code));
  for (const c of ['prose-mismatch', 'section-title', 'year-mismatch']) assert.ok(codes.has(c), c);
  assert.ok(diagnostics.every((d) => d.source === 'ogi-report'));
});
