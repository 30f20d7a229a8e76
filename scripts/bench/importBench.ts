// The import rows of `npm run bench` (issue 15): a page's import against parse5's own parse of the same
// page (the floor of reading HTML at all), and 1,000 web pages imported and checked by the CLI on every
// core against the same command on one CPU.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type * as Importer from '../../server/src/import/index';
import type * as Service from '../../server/src/service';
import { generateReport } from './generate';
import { cliCheckMs, percentile } from './measure';

const ROOT = join(__dirname, '..', '..');
// The bundles, as the CLI and the language server load them.
const importer = require(join(ROOT, 'dist', 'import.js')) as typeof Importer;
const engine = require(join(ROOT, 'dist', 'engine.js')) as typeof Service;

/**
 * parse5 bundled as the importer bundles it (CommonJS, esbuild): under tsx, an ES module's every imported
 * binding is a getter, which would slow the floor and flatter the ratio.
 */
function bundledParse5(): { parse(html: string): unknown } {
  const out = buildSync({
    entryPoints: [require.resolve('parse5')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'error',
  });
  const module = { exports: {} as { parse(html: string): unknown } };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

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

/** Interleaved rounds (parse, import), the median of the rounds' ratios: the machine's drift cancels. */
export function importVsParse(quick: boolean): { parseMs: number; importMs: number; ratio: number; bytes: number } {
  const { parse } = bundledParse5();
  const html = cmsPage(readFileSync(join(ROOT, 'examples', 'clean-2021.ogi.md'), 'utf8'));
  const bytes = Buffer.from(html);
  const timed = (fn: () => void) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };
  for (let i = 0; i < (quick ? 20 : 200); i++) {
    parse(html);
    importer.importHtml(bytes);
  }
  const parses: number[] = [],
    imports: number[] = [],
    ratios: number[] = [];
  const start = performance.now();
  while (ratios.length < 10 || performance.now() - start < (quick ? 300 : 3000)) {
    const p = timed(() => parse(html));
    const m = timed(() => importer.importHtml(bytes));
    parses.push(p);
    imports.push(m);
    ratios.push(m / p);
  }
  return {
    parseMs: percentile(parses, 50),
    importMs: percentile(imports, 50),
    ratio: percentile(ratios, 50),
    bytes: bytes.length,
  };
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
