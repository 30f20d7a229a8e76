// `npm run bench` itself, as a smoke run (`--quick`): it prints every row of its table and writes
// every figure to its JSON. No timing is asserted — speed is the bench's report, not a test's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');

test('the benchmark runs, prints its table and writes its JSON (--quick)', { timeout: 10 * 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-test-'));
  try {
    const out = join(dir, 'bench.json');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'run.ts'), '--quick', '--out', out],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    assert.equal(run.status, 0, run.stderr);
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.ogi.md'));
    const documents = [...examples, 'generated 100 KB', 'generated 1 MB'];
    for (const name of documents) assert.match(run.stdout, new RegExp(`check ${name.replace('.', '\\.')} .* × floor`));
    // The goal is on the generated reports (issue 14: ≤ 2 × the floor).
    for (const name of ['generated 100 KB', 'generated 1 MB'])
      assert.match(run.stdout, new RegExp(`check ${name} .* × floor \\(goal ≤ 2\\)`));
    for (const row of [
      'server spawn → initialize reply',
      'didChange → diagnostics',
      'completion / hover p95',
      'server RSS, 50 open reports',
      'CLI check, 100 reports',
      'import a 10-page PDF',
      'index 100 reports (8 KB), server',
      'server RSS, 100 indexed + 50 open',
      'didChange → diagnostics, 100 indexed',
      "re-publish after last year's change",
      'import a CMS page',
      'CLI check, 100 web pages imported',
    ])
      assert.ok(run.stdout.includes(row), `row “${row}” printed`);

    const json = JSON.parse(readFileSync(out, 'utf8'));
    const positive = (n: unknown, what: string) =>
      assert.ok(typeof n === 'number' && Number.isFinite(n) && n > 0, `${what}: ${n}`);
    assert.equal(json.machine.node, process.version);
    for (const name of documents) {
      const e = json.engine[name];
      for (const k of ['floorMs', 'checkMs', 'ratio', 'blockFloorRatio']) positive(e?.[k], `engine ${name} ${k}`);
      assert.ok(e.rounds >= 10, `${name}: ${e.rounds} rounds`);
    }
    positive(json.lsp.startMs.p50, 'start p50');
    positive(json.lsp.startMs.p95, 'start p95');
    positive(json.lsp.rssWith50ReportsMiB, 'RSS');
    const latencies = Object.entries(json.lsp).filter(
      ([, v]) => typeof v === 'object' && v && 'didChangeToDiagnosticsMs' in v,
    );
    assert.equal(latencies.length, 2, 'an example and the 1 MB report');
    for (const [name, v] of latencies as [
      string,
      { didChangeToDiagnosticsMs: { p50: number; p95: number }; completionP95Ms: number; hoverP95Ms: number },
    ][]) {
      for (const k of ['p50', 'p95'] as const)
        assert.ok(Number.isFinite(v.didChangeToDiagnosticsMs[k]), `${name} didChange ${k}`);
      positive(v.completionP95Ms, `${name} completion`);
      positive(v.hoverP95Ms, `${name} hover`);
    }
    assert.equal(json.cli.files, 100);
    for (const k of ['oursMs', 'markdownlintCli2Ms', 'ratio']) positive(json.cli[k], `cli ${k}`);
    for (const k of ['floorMs', 'importMs', 'ratio']) positive(json.pdf[k], `pdf ${k}`);
    assert.equal(json.pdf.pages, 10);
    // Import (issue 15): a page against parse5's parse, and pages imported and checked.
    for (const k of ['parseMs', 'importMs', 'ratio']) positive(json.import.page[k], `import page ${k}`);
    assert.equal(json.import.pages.files, 100);
    for (const k of ['cliMs', 'oneThreadMs', 'speedup']) positive(json.import.pages[k], `import pages ${k}`);
    // The workspace index (issue 17).
    assert.equal(json.workspace.files, 100);
    for (const k of ['indexMs', 'cliMs', 'ratio', 'rssWithIndexMiB']) positive(json.workspace[k], `workspace ${k}`);
    for (const k of ['didChangeWithIndexMs', 'republishMs'])
      for (const p of ['p50', 'p95'] as const) assert.ok(Number.isFinite(json.workspace[k][p]), `workspace ${k} ${p}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the side-by-side comparison (scripts/bench/ab.ts) prints a median ratio per bundle, and its usage without one', () => {
  const ab = join(ROOT, 'scripts', 'bench', 'ab.ts');
  const engine = join(ROOT, 'dist', 'engine.js');
  const run = spawnSync(process.execPath, ['--import', 'tsx', ab, engine, engine, '--ms', '300'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 2, run.stdout);
  for (const line of lines) assert.match(line, /engine\.js: \d+\.\d{3} × floor \(median of \d+ rounds\)$/);
  const usage = spawnSync(process.execPath, ['--import', 'tsx', ab], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: npx tsx scripts\/bench\/ab\.ts BUNDLE/);
});
