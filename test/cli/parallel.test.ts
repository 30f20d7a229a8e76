// Many files are checked on worker threads; the output must equal a sequential check, in order.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../server/src/service';

const ROOT = join(__dirname, '..', '..');
const CLEAN = readFileSync(join(ROOT, 'examples', 'clean-2021.ogi.md'), 'utf8');
const SEED = readFileSync(join(ROOT, 'examples', 'jingzhi-2020.ogi.md'), 'utf8');

test('120 reports: worker-thread results equal a sequential check, in sorted file order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-parallel-'));
  try {
    const names: string[] = [];
    for (let i = 0; i < 120; i++) {
      const name = `r${String(i).padStart(3, '0')}.ogi.md`;
      // Every seventh report carries an error, every fifth the seed's warnings.
      const text =
        i % 7 === 0
          ? CLEAN.replace('行政复议: [1, 0, 1, 1, 3]', '行政复议: [1, 0, 1, 1, 4]')
          : i % 5 === 0
            ? SEED
            : CLEAN;
      writeFileSync(join(dir, name), text);
      names.push(name);
    }
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'ogi-report.js'), 'check', '--format', 'json', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(run.status, 1, run.stderr);
    const output = JSON.parse(run.stdout) as {
      file: string;
      diagnostics: { code: string; range: unknown; message: string }[];
    }[];
    assert.deepEqual(
      output.map((r) => r.file),
      names,
    );
    for (const r of output) {
      const expected = checkText(readFileSync(join(dir, r.file), 'utf8')).map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        range: f.range,
        ...(f.relatedInformation ? { relatedInformation: f.relatedInformation } : {}),
      }));
      assert.deepEqual(r.diagnostics, expected, r.file);
    }
    assert.ok(output.filter((r) => r.diagnostics.some((d) => d.code === 'row-total')).length === 18);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
