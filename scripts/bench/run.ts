// `npm run bench`: how fast the product is against the physical floor of its design and against
// what a team would run instead. Prints a table and writes test-artifacts/bench.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Service from '../../server/src/service';
import { DEBOUNCE_MS } from '../../server/src/lsp/server';
import { fileUri, startSession } from '../../test/lsp/harness';
import { generateReport } from './generate';
import { pdfVsPdfjs } from './pdfBench';
import { importVsParse, pagesImportedAndChecked } from './importBench';
import { blockMd, floor, percentile } from './measure';
import { workspaceBench } from './workspaceBench';

const ROOT = join(__dirname, '..', '..');
// The bundled engine (dist/engine.js, as the CLI and the server run it), not the TypeScript sources.
const { checkText } = require(join(ROOT, 'dist', 'engine.js')) as typeof Service;
// `--quick`: few samples and 100 CLI files (a smoke run, as the tests do); `--engine`: the engine rows
// only (seconds instead of minutes, while working on the engine); `--out FILE`: where the JSON goes.
const { values: args } = parseArgs({
  options: { quick: { type: 'boolean' }, engine: { type: 'boolean' }, out: { type: 'string' } },
});
const quick = !!args.quick;
const cliFiles = quick ? 100 : 1000;
const out = args.out ?? join(ROOT, 'test-artifacts', 'bench.json');
const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
};
const rows: string[][] = [];
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

// ---- 1. Engine check vs the floor (parsing the same file with markdown-it + js-yaml parseEvents) ----
const documents: [string, string][] = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.ogi.md'))
    .map((f) => [f, readFileSync(join(ROOT, 'examples', f), 'utf8')] as [string, string]),
  ['generated 100 KB', generateReport(100 * 1024)],
  ['generated 1 MB', generateReport(1024 * 1024)],
];
/**
 * Each round times one floor, one block-only floor and one check, in that order, and the ratio is
 * the median of the rounds' ratios: this machine's speed drifts by tens of percent within a run and
 * between runs, and a ratio taken within one round cancels the drift (timing one after the other
 * does not). One call of each per round, as a check runs in use — after other work (the protocol,
 * other files), not in a loop of itself. (Until 2026-12-02 this read "blocks of a few
 * milliseconds", but the block size came from the first, cold check, always one call.) Blocks of
 * four calls in a row keep the floor's smaller code warmer than the check's and raise clean-2021's
 * ratio by ~0.1 ×: `npx tsx scripts/bench/ab.ts dist/engine.js --per 4` shows it.
 */
function floorAndCheck(text: string, budgetMs = quick ? 300 : 3000) {
  const once = () => checkText(text);
  const timed = (fn: () => void) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  // Warm-up: optimised code for both.
  const warmUntil = performance.now() + (quick ? 50 : 300);
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) {
    floor(text);
    floor(text, blockMd);
    once();
  }
  const floors: number[] = [],
    checks: number[] = [],
    ratios: number[] = [],
    blockRatios: number[] = [];
  const start = performance.now();
  while (ratios.length < 10 || performance.now() - start < budgetMs) {
    const f = timed(() => floor(text)),
      b = timed(() => floor(text, blockMd)),
      c = timed(once);
    floors.push(f);
    checks.push(c);
    ratios.push(c / f);
    blockRatios.push(c / b);
  }
  return {
    floorMs: percentile(floors, 50),
    checkMs: percentile(checks, 50),
    ratio: percentile(ratios, 50),
    blockFloorRatio: percentile(blockRatios, 50),
    rounds: ratios.length,
  };
}
const engine: Record<string, unknown> = {};
for (const [name, text] of documents) {
  // Cold: checkText parses without a chunk cache, all of the text, as the floor does. (The language
  // server keeps a cache per open document: its re-checks after an edit are measured over LSP below.)
  const { floorMs, checkMs, ratio, blockFloorRatio, rounds } = floorAndCheck(text);
  engine[name] = { bytes: Buffer.byteLength(text), floorMs, checkMs, ratio, blockFloorRatio, rounds };
  rows.push([
    `check ${name}`,
    ms(checkMs),
    `floor ${ms(floorMs)}`,
    // The goal (issue 14) is set on the generated reports; the examples' ratio is printed for comparison.
    `${ratio.toFixed(2)} × floor${/generated/.test(name) ? ' (goal ≤ 2)' : ''}; ${blockFloorRatio.toFixed(2)} × a block-only floor`,
  ]);
}
results.engine = engine;

async function pdf() {
  // ---- PDF import (issue 15): a 10-page report against pdf.js's own text extraction of its pages ----
  const r = await pdfVsPdfjs(quick);
  results.pdf = r;
  rows.push([
    `import a ${r.pages}-page PDF (${(r.bytes / 1024).toFixed(0)} KB)`,
    ms(r.importMs),
    `pdf.js text ${ms(r.floorMs)}`,
    `${r.ratio.toFixed(2)} × pdf.js's own text extraction (goal ≤ 1.5)`,
  ]);
}

async function lsp() {
  // ---- 2. Over a real stdio connection ----
  const starts: number[] = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t = performance.now();
    const s = await startSession();
    starts.push(performance.now() - t);
    await s.close();
  }
  rows.push([
    'server spawn → initialize reply',
    ms(percentile(starts, 50)),
    `p95 ${ms(percentile(starts, 95))}`,
    'goal ≤ 300 ms',
  ]);
  const session = await startSession();
  const latency: Record<string, unknown> = { startMs: { p50: percentile(starts, 50), p95: percentile(starts, 95) } };
  for (const [name, text] of [documents[0], documents[documents.length - 1]]) {
    const uri = fileUri(`bench-${name}.ogi.md`);
    session.open(uri, text, 1);
    await session.diagnostics(uri, (_d, v) => v === 1);
    const lines = text.split('\n');
    const target = lines.findIndex((l) => l.startsWith('本年新收政府信息公开申请数量'));
    const samples: number[] = [];
    for (let v = 2; v < (quick ? 12 : 52); v++) {
      const digit = String(v % 10);
      const t = performance.now();
      session.change(uri, v, [
        { range: { start: { line: target, character: 31 }, end: { line: target, character: 32 } }, text: digit },
      ]);
      await session.diagnostics(uri, (_d, version) => version === v);
      samples.push(performance.now() - t - DEBOUNCE_MS);
    }
    const completion: number[] = [],
      hover: number[] = [];
    for (let i = 0; i < (quick ? 20 : 100); i++) {
      let t = performance.now();
      await session.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: target + 1, character: 0 },
      });
      completion.push(performance.now() - t);
      t = performance.now();
      await session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: target, character: 3 },
      });
      hover.push(performance.now() - t);
    }
    latency[name] = {
      didChangeToDiagnosticsMs: { p50: percentile(samples, 50), p95: percentile(samples, 95) },
      completionP95Ms: percentile(completion, 95),
      hoverP95Ms: percentile(hover, 95),
    };
    const goal = name.includes('1 MB') ? 150 : 25;
    rows.push([
      `didChange → diagnostics, ${name}`,
      ms(percentile(samples, 50)),
      `p95 ${ms(percentile(samples, 95))}`,
      `debounce ${DEBOUNCE_MS} ms excluded; goal p95 ≤ ${goal} ms`,
    ]);
    rows.push([
      `completion / hover p95, ${name}`,
      ms(percentile(completion, 95)),
      `hover ${ms(percentile(hover, 95))}`,
      'completion p95 (no goal of its own: part of typing latency)',
    ]);
  }
  await session.close();
  // ---- 3. Memory with 50 open reports, in a fresh server ----
  const fresh = await startSession();
  for (let i = 0; i < 50; i++) {
    const uri = fileUri(`mem-${i}.ogi.md`);
    fresh.open(uri, generateReport(20 * 1024, i), 1);
    await fresh.diagnostics(uri, (_d, v) => v === 1);
  }
  const status = readFileSync(`/proc/${fresh.process.pid}/status`, 'utf8');
  const rssMiB = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  latency.rssWith50ReportsMiB = rssMiB;
  rows.push([
    'server RSS, 50 open reports (20 KB each)',
    `${rssMiB.toFixed(0)} MiB = ${(rssMiB * 1.048576).toFixed(1)} MB`,
    '',
    'goal ≤ 80 MB',
  ]);
  await fresh.close();
  results.lsp = latency;
}

function cli() {
  // ---- 4. CLI over 1,000 reports (100 with --quick) vs markdownlint-cli2 on the same files ----
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-'));
  try {
    mkdirSync(join(dir, 'reports'));
    for (let i = 0; i < cliFiles; i++) writeFileSync(join(dir, 'reports', `r${i}.ogi.md`), generateReport(8 * 1024, i));
    const run = (cmd: string, args: string[]) => {
      const t = performance.now();
      const r = spawnSync(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
      if (r.error) throw r.error;
      return performance.now() - t;
    };
    const ours: number[] = [],
      theirs: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      ours.push(run(process.execPath, [join(ROOT, 'bin', 'ogi-report.js'), 'check', '--format', 'json', 'reports']));
      theirs.push(
        run(process.execPath, [
          join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
          'reports/**/*.ogi.md',
        ]),
      );
    }
    const o = percentile(ours, 50),
      m = percentile(theirs, 50);
    results.cli = { files: cliFiles, oursMs: o, markdownlintCli2Ms: m, ratio: o / m };
    rows.push([
      `CLI check, ${cliFiles.toLocaleString('en')} reports (8 KB)`,
      ms(o),
      `markdownlint-cli2 ${ms(m)}`,
      `${(o / m).toFixed(2)} × markdownlint-cli2 (goal ≤ 0.5)`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function imports() {
  // ---- 5. Import (issue 15): a page against parse5's own parse; 1,000 pages imported and checked ----
  const page = importVsParse(quick);
  const many = pagesImportedAndChecked(cliFiles, quick);
  results.import = { page, pages: { files: cliFiles, ...many, speedup: many.oneThreadMs / many.cliMs } };
  rows.push([
    `import a CMS page (${(page.bytes / 1024).toFixed(0)} KB)`,
    ms(page.importMs),
    `parse5 ${ms(page.parseMs)}`,
    `${page.ratio.toFixed(2)} × parse5's parse (goal ≤ 2)`,
  ]);
  rows.push([
    `CLI check, ${cliFiles.toLocaleString('en')} web pages imported`,
    ms(many.cliMs),
    `pinned to one CPU ${ms(many.oneThreadMs)}`,
    `${(many.oneThreadMs / many.cliMs).toFixed(2)} × faster on ${many.threads} threads (process start included)`,
  ]);
}

(async () => {
  if (!args.engine) {
    await lsp();
    cli();
    await pdf();
    // ---- The workspace index (issue 17): indexing, memory, latencies with it ----
    const workspace = await workspaceBench(cliFiles, quick);
    rows.push(...workspace.rows);
    results.workspace = workspace.results;
    imports();
  }
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${results.machine && (results.machine as { memoryGiB: number }).memoryGiB} GiB, Node ${process.version}\n`,
  );
  for (const r of rows) console.log(r.map((c, i) => (c ?? '').padEnd(width[i])).join('  '));
  if (args.engine) return; // partial figures: the full run's JSON stays
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten ${out}`);
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
