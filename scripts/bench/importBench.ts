// The import rows of `npm run bench` (issue 15): a page's import against parse5's own parse of the same
// page (the floor of reading HTML at all), and 1,000 web pages imported and checked by the CLI on every
// core against the same command on one CPU.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import type * as Service from '../../server/src/service';
import { generateReport } from './generate';
import { cliCheckMs, percentile } from './measure';

const ROOT = join(__dirname, '..', '..');
// The engine bundle, as the CLI and the language server load it (to render the pages).
const engine = require(join(ROOT, 'dist', 'engine.js')) as typeof Service;

/** A report as a government CMS serves it: the rendered report inside navigation, sidebar and layout tables. */
export function cmsPage(text: string, seed = 0): string {
  const page = engine.renderDocument(engine.parseReport(text));
  const article = page.slice(page.indexOf('<article'), page.lastIndexOf('</article>') + '</article>'.length);
  const links = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="/xxgk/${seed}/${i}.html">政务公开栏目 ${i}</a></li>`,
  ).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告_${seed}</title>
<script src="/js/jquery.js"></script><link rel="stylesheet" href="/css/a.css"></head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div><ul class="nav">${links}</ul>
<table width="1000"><tr><td width="220"><ul class="side">${links}</ul></td><td width="780">
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<table width="100%"><tr><td class="content">${article}</td></tr></table></td></tr></table>
<div class="footer">网站标识码 ${seed} 版权所有</div></body></html>`;
}

/**
 * The page against parse5's parse, in fresh processes (importPage.ts): each the median of interleaved
 * rounds (parse, import), where the machine's drift cancels; the figure is the median of the processes,
 * since one process's ratio depends on how V8 happened to optimise it (seen: 1.8 to 2.2 × for one build).
 */
export function importVsParse(quick: boolean): { parseMs: number; importMs: number; ratio: number; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-page-'));
  try {
    const page = join(dir, 'page.html');
    const html = cmsPage(readFileSync(join(ROOT, 'examples', 'clean-2021.ogi.md'), 'utf8'));
    writeFileSync(page, html);
    // parse5 bundled as the importer bundles it (CommonJS, esbuild): under tsx, an ES module's every
    // imported binding is a getter, which would slow the floor and flatter the ratio.
    const parser = join(dir, 'parse5.js');
    buildSync({
      entryPoints: [require.resolve('parse5')],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: parser,
      logLevel: 'error',
    });
    const runs = Array.from({ length: quick ? 1 : 5 }, () => {
      const run = spawnSync(
        process.execPath,
        [join(__dirname, 'importPage.js'), page, parser, join(ROOT, 'dist', 'import.js'), String(quick ? 300 : 3000)],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`importPage.js: ${run.stderr}`);
      return JSON.parse(run.stdout) as { parseMs: number; importMs: number; ratio: number };
    });
    const median = (pick: (r: (typeof runs)[number]) => number) => percentile(runs.map(pick), 50);
    return {
      parseMs: median((r) => r.parseMs),
      importMs: median((r) => r.importMs),
      ratio: median((r) => r.ratio),
      bytes: Buffer.byteLength(html),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `ogi-report check` over a folder of web pages on every core, against the same command pinned to one
 * CPU (where it starts no workers): the same work, process start and cold code included in both.
 */
export function pagesImportedAndChecked(
  files: number,
  quick: boolean,
): { cliMs: number; oneThreadMs: number; threads: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-import-'));
  try {
    mkdirSync(join(dir, 'pages'));
    for (let i = 0; i < files; i++)
      writeFileSync(join(dir, 'pages', `p${i}.html`), cmsPage(generateReport(8 * 1024, i), i));
    const cli: number[] = [],
      one: number[] = [];
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      cli.push(cliCheckMs(dir, 'pages'));
      one.push(cliCheckMs(dir, 'pages', true));
    }
    return {
      cliMs: percentile(cli, 50),
      oneThreadMs: percentile(one, 50),
      threads: Math.min(availableParallelism(), 8),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
