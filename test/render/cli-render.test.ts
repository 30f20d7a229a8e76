// `ogi-report render`: output paths, refusing to overwrite the source, atomic writes, exit codes.
// Runs `main` in-process; one test spawns the built bin as a user would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { defaultOutput } from '../../server/src/cli/render';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'clean-2021.ogi.md');
const SEED = join(ROOT, 'examples', 'jingzhi-2020.ogi.md');

let dir: string;
const savedEnv = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ogi-report-render-'));
  delete process.env.OGI_REPORT_LOCALE;
});
afterEach(() => {
  process.env = { ...savedEnv };
});

async function run(...argv: string[]) {
  let out = '',
    err = '';
  const code = await main(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}
const copy = (from: string, name: string) => {
  const to = join(dir, name);
  copyFileSync(from, to);
  return to;
};
const isPage = (path: string) => readFileSync(path, 'utf8').startsWith('<!doctype html>');

test('default output: beside the source, .html replacing .ogi.md', async () => {
  const source = copy(EXAMPLE, 'report.ogi.md');
  const r = await run('render', source);
  assert.equal(r.code, 0, r.err);
  const out = join(dir, 'report.html');
  assert.ok(isPage(out));
  assert.match(r.out, /report\.html/);
  assert.ok(readFileSync(out, 'utf8').includes('某某县市场监督管理局2024年政府信息公开工作年度报告'));
  assert.deepEqual(readdirSync(dir).sort(), ['report.html', 'report.ogi.md'], 'no temporary file left');
  assert.equal(defaultOutput('a/b.OGI.MD'), 'a/b.html');
  assert.equal(defaultOutput('a/b.md'), 'a/b.html');
  assert.equal(defaultOutput('a/b.txt'), 'a/b.txt.html');
});

test('-o writes where asked, and only there; an existing output is replaced', async () => {
  const source = copy(EXAMPLE, 'report.ogi.md');
  mkdirSync(join(dir, 'out'));
  const out = join(dir, 'out', 'published.html');
  writeFileSync(out, 'old content');
  const r = await run('render', source, '-o', out);
  assert.equal(r.code, 0, r.err);
  assert.ok(isPage(out));
  assert.ok(!existsSync(join(dir, 'report.html')));
  assert.deepEqual(readdirSync(join(dir, 'out')), ['published.html'], 'no temporary file left');
  const long = await run('render', source, '--out', join(dir, 'long.html'));
  assert.equal(long.code, 0, long.err);
  assert.ok(isPage(join(dir, 'long.html')));
});

test('refuses to overwrite the source, however the path is spelt (exit 2, source unchanged)', async () => {
  const source = copy(EXAMPLE, 'report.ogi.md');
  const before = readFileSync(source, 'utf8');
  for (const target of [source, join(dir, '.', 'sub', '..', 'report.ogi.md')]) {
    const r = await run('render', source, '-o', target);
    assert.equal(r.code, 2);
    assert.match(r.err, /拒绝覆盖/);
  }
  const pdf = await run('render', source, '--pdf', source);
  assert.equal(pdf.code, 2);
  // Any source name, not only *.ogi.md.
  const html = copy(EXAMPLE, 'weird.md');
  assert.equal((await run('render', html, '-o', join(dir, 'weird.md'))).code, 2);
  assert.equal(readFileSync(source, 'utf8'), before);
  assert.deepEqual(readdirSync(dir).sort(), ['report.ogi.md', 'weird.md']);
  const en = await run('render', source, '-o', source, '--locale', 'en');
  assert.match(en.err, /refusing to overwrite/);
});

test('a write that fails leaves no temporary file and exits 2', async () => {
  const source = copy(EXAMPLE, 'report.ogi.md');
  const r = await run('render', source, '-o', join(dir, 'missing-dir', 'x.html'));
  assert.equal(r.code, 2);
  assert.match(r.err, /无法写入/);
  assert.deepEqual(readdirSync(dir), ['report.ogi.md']);
  // The output is a directory: rename fails, the temporary file is removed.
  mkdirSync(join(dir, 'taken.html'));
  writeFileSync(join(dir, 'taken.html', 'f'), '');
  const r2 = await run('render', source, '-o', join(dir, 'taken.html'));
  assert.equal(r2.code, 2);
  assert.deepEqual(readdirSync(dir).sort(), ['report.ogi.md', 'taken.html']);
});

test('exit 2 on unreadable input, a directory, binary input, and bad usage', async () => {
  assert.equal((await run('render', join(dir, 'nope.ogi.md'))).code, 2);
  assert.match((await run('render', join(dir, 'nope.ogi.md'))).err, /无法读取/);
  assert.equal((await run('render', dir)).code, 2);
  const binary = join(dir, 'bin.ogi.md');
  writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]));
  assert.equal((await run('render', binary)).code, 2);
  assert.equal((await run('render')).code, 2);
  assert.equal((await run('render', EXAMPLE, SEED)).code, 2);
  assert.equal((await run('render', EXAMPLE, '--bogus')).code, 2);
  assert.equal((await run('render', '--help')).code, 0);
  assert.deepEqual(readdirSync(dir), ['bin.ogi.md'], 'nothing written');
});

test('a report with errors still renders, exit 0, with a note on stderr', async () => {
  const source = join(dir, 'bad.ogi.md');
  writeFileSync(
    source,
    readFileSync(EXAMPLE, 'utf8').replace('行政复议: [1, 0, 1, 1, 3]', '行政复议: [1, 0, 1, 1, 9]'),
  );
  const r = await run('render', source);
  assert.equal(r.code, 0);
  assert.match(r.err, /错误/);
  assert.ok(isPage(join(dir, 'bad.html')));
  // The export never shows the findings.
  assert.ok(!/class="[^"]*ogi-finding/.test(readFileSync(join(dir, 'bad.html'), 'utf8')));
  // A report with warnings only: no note.
  const seed = copy(SEED, 'seed.ogi.md');
  const w = await run('render', seed);
  assert.equal(w.code, 0);
  assert.equal(w.err, '');
});

test('--pdf without Chromium: a clear error, exit 2, nothing written', async () => {
  const source = copy(EXAMPLE, 'report.ogi.md');
  process.env.OGI_CHROMIUM = join(dir, 'no-such-chromium');
  const r = await run('render', source, '--pdf', join(dir, 'report.pdf'));
  assert.equal(r.code, 2);
  assert.match(r.err, /Chromium/);
  assert.match(r.err, /apt-get install chromium/);
  assert.deepEqual(readdirSync(dir), ['report.ogi.md']);
  // Not on PATH either.
  delete process.env.OGI_CHROMIUM;
  process.env.PATH = join(dir, 'empty-path');
  const r2 = await run('render', source, '--pdf', join(dir, 'report.pdf'));
  assert.equal(r2.code, 2);
  assert.deepEqual(readdirSync(dir), ['report.ogi.md']);
});

test('the built bin renders (spawned, as a user runs it)', () => {
  const dist = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(dist)) assert.fail(`${dist} is missing: run \`npm run build\` first (\`npm test\` does it).`);
  const source = copy(SEED, 'seed.ogi.md');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ogi-report.js'), 'render', source], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(join(dir, 'seed.html'), 'utf8');
  assert.ok(html.includes('2021年1月26日'));
  const bad = spawnSync(process.execPath, [join(ROOT, 'bin', 'ogi-report.js'), 'render', source, '-o', source], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(bad.status, 2);
});
