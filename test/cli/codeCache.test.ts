// The standalone server starts from V8's code cache of its bundle (written by the build), and starts
// just the same, compiling as usual, whenever the cache does not fit: stale, corrupt, absent, or made
// with other Node flags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createHash } from 'node:crypto';
import { runWithCodeCache } from '../../server/src/lsp/codeCache';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'ogi-code-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a start-server.js with `--version`: what it printed, and how it used the cache. */
function start(dir: string, flags: readonly string[] = SERVER_NODE_FLAGS) {
  const run = spawnSync(process.execPath, [...flags, join(dir, 'start-server.js'), '--version'], {
    env: { ...process.env, ...SERVER_ENV, OGI_TRACE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return { stdout: run.stdout.trim(), use: /code cache: (\w+)/.exec(run.stderr)?.[1] };
}

/** A copy of the built server bundle, its cache and its start, to spoil without touching dist/. */
function copyOfDist(name: string): string {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  for (const f of ['server.js', 'server.js.cache', 'start-server.js']) copyFileSync(join(DIST, f), join(dir, f));
  return dir;
}

test('the built server starts from its code cache, with the server flags', () => {
  assert.deepEqual(start(DIST), { stdout: version, use: 'accepted' });
});

test('the bin uses the code cache (its shebang has the server flags)', () => {
  const run = spawnSync(join(ROOT, 'bin', 'ogi-report-language-server.js'), ['--version'], {
    env: { ...process.env, OGI_TRACE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  assert.equal(run.stdout.trim(), version);
  assert.match(run.stderr, /code cache: accepted/);
});

test('a cache made from another bundle is not used', () => {
  const dir = copyOfDist('stale');
  writeFileSync(join(dir, 'server.js'), `${readFileSync(join(dir, 'server.js'), 'utf8')}\n// rebuilt\n`);
  assert.deepEqual(start(dir), { stdout: version, use: 'stale' });
});

test('a corrupt cache is rejected by V8 and the bundle compiled as usual', () => {
  const dir = copyOfDist('corrupt');
  const hash = createHash('sha256')
    .update(readFileSync(join(dir, 'server.js'), 'utf8'))
    .digest();
  writeFileSync(join(dir, 'server.js.cache'), Buffer.concat([hash, Buffer.alloc(4096, 7)]));
  assert.deepEqual(start(dir), { stdout: version, use: 'rejected' });
});

test('without a cache, or with other Node flags, the server still starts', () => {
  const dir = copyOfDist('absent');
  rmSync(join(dir, 'server.js.cache'));
  assert.deepEqual(start(dir), { stdout: version, use: 'absent' });
  assert.deepEqual(start(DIST, []), { stdout: version, use: 'rejected' });
});

test('runWithCodeCache runs a module as require does, and its cache is accepted next time', () => {
  const dir = mkdtempSync(join(scratch, 'module-'));
  const file = join(dir, 'probe.js');
  writeFileSync(
    file,
    "globalThis.__probe = { dir: __dirname, file: __filename, sep: require('node:path').sep, exportsIsModuleExports: exports === module.exports };\n",
  );
  const g = globalThis as { __probe?: unknown };
  assert.equal(runWithCodeCache(file, `${file}.cache`, true), 'written');
  assert.deepEqual(g.__probe, { dir, file, sep: '/', exportsIsModuleExports: true });
  g.__probe = undefined;
  assert.equal(runWithCodeCache(file, `${file}.cache`, false), 'accepted');
  assert.deepEqual(g.__probe, { dir, file, sep: '/', exportsIsModuleExports: true });
});
