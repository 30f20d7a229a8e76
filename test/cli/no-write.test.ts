// `check` never writes anything: the checked tree is byte-for-byte and timestamp-for-timestamp
// the same afterwards, whatever the format, and no file appears anywhere in it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        out.set(p, 'dir');
        walk(p);
        continue;
      }
      const s = statSync(p);
      out.set(p, `${s.size} ${s.mtimeMs} ${s.mode} ${readFileSync(p).toString('base64')}`);
    }
  };
  walk(dir);
  return out;
}

test('check leaves the checked files and folders untouched, in every format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-nowrite-'));
  try {
    cpSync(join(ROOT, 'examples'), join(dir, 'reports'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'row-total'), join(dir, 'reports', 'nested'), { recursive: true });
    const before = snapshot(dir);
    for (const format of ['text', 'json', 'sarif']) {
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'bin', 'ogi-report.js'), 'check', '--format', format, 'reports'],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(run.status, 1, run.stderr);
      assert.ok(run.stdout.length > 0);
    }
    assert.deepEqual(snapshot(dir), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
