// One process of the HTML import row (importBench.ts): `node importPage.js PAGE PARSE5 IMPORTER MS`.
// Interleaved rounds of parse5's parse of the page and the importer's import of its bytes, for MS
// milliseconds after a warm-up; prints the medians and the median of the rounds' ratios as JSON.
// Plain JavaScript, so that it runs without a loader: nothing but the two bundles in the process.
const { readFileSync } = require('node:fs');

const [page, parser, importerPath, budget] = process.argv.slice(2);
const { parse } = require(parser);
const importer = require(importerPath);
const bytes = readFileSync(page);
const html = bytes.toString('utf8');

const timed = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

for (let i = 0; i < 200; i++) {
  parse(html);
  importer.importHtml(bytes);
}
const parses = [],
  imports = [],
  ratios = [];
const start = performance.now();
while (ratios.length < 10 || performance.now() - start < Number(budget)) {
  const p = timed(() => parse(html));
  const m = timed(() => importer.importHtml(bytes));
  parses.push(p);
  imports.push(m);
  ratios.push(m / p);
}
process.stdout.write(
  `${JSON.stringify({ parseMs: median(parses), importMs: median(imports), ratio: median(ratios) })}\n`,
);
