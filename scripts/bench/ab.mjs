// Side-by-side comparison of engine bundles, the one instrument that separates a change from this
// machine's drift: every bundle is loaded into one process, and rounds of "floor, block-only floor,
// check" as the bench times them run over all of them in a shuffled order. Prints each bundle's
// median check ÷ floor. `--per N`: N calls of each in a row per round (the bench makes one).
//
//   node scripts/bench/ab.mjs dist/engine.js /tmp/other-engine.js [--file F] [--ms 15000] [--per 1]
//
// Build a variant with `npx esbuild server/src/service.ts --bundle --platform=node --format=cjs
// --alias:js-yaml=$(node -p "require.resolve('js-yaml')") --outfile=/tmp/variant.js`. Two copies
// of one bundle agree within ~0.01 ×; a code change can move a ratio by ~0.03 × through code
// layout alone, so smaller differences are not findings. Compare ratios within one run only: every
// bundle loaded competes for the CPU's caches, so with six loaded all ratios read ~0.5 × higher.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { file: { type: 'string', default: 'examples/clean-2021.ogi.md' }, ms: { type: 'string', default: '15000' }, per: { type: 'string', default: '1' } },
});
if (positionals.length === 0) {
  console.error('usage: node scripts/bench/ab.mjs BUNDLE... [--file F] [--ms N] [--per N]');
  process.exit(2);
}
const { parseEvents } = require('js-yaml');
const MarkdownIt = require('markdown-it');
const md = new MarkdownIt({ html: false });
// The bench's block-only floor too, which it runs between the floor and the check (the inline core
// rules are those server/src/parse/report.ts switches off): the checks then start as the bench's do.
const blockMd = new MarkdownIt({ html: false });
blockMd.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
const text = readFileSync(values.file, 'utf8');
// The bench's floor (scripts/bench/run.ts): markdown-it over the body, parseEvents over each YAML block.
function floor(parser = md) {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) parseEvents(fm[1], {});
  for (const t of parser.parse(text.slice(fm ? fm[0].length : 0), {})) if (t.type === 'fence' && /^ya?ml/.test(t.info)) parseEvents(t.content, {});
}
const engines = positionals.map((path) => ({ path, engine: require(resolve(path)), ratios: [] }));
const per = Number(values.per);
const blockOf = (fn) => {
  const t = performance.now();
  for (let i = 0; i < per; i++) fn();
  return (performance.now() - t) / per;
};
const check = (engine) => () => { engine.parseCache.clear(); engine.checkText(text); };
for (let i = 0; i < 50; i++) { floor(); for (const { engine } of engines) check(engine)(); } // warm-up
const end = performance.now() + Number(values.ms);
while (performance.now() < end) {
  const order = engines.map((e) => e).sort(() => Math.random() - 0.5);
  for (const e of order) {
    const f = blockOf(floor); // floors first, as in the bench: each check starts on the caches they left
    blockOf(() => floor(blockMd));
    e.ratios.push(blockOf(check(e.engine)) / f);
  }
}
for (const { path, ratios } of engines) {
  const sorted = ratios.sort((a, b) => a - b);
  console.log(`${path}: ${sorted[sorted.length >> 1].toFixed(3)} × floor (median of ${sorted.length} rounds)`);
}
