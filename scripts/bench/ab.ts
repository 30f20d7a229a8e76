// Side-by-side comparison of engine bundles, the one instrument that separates a change from this
// machine's drift: every bundle is loaded into one process, and rounds of "floor, block-only floor,
// check" as the bench times them (the same floor, from measure.ts) run over all of them in a
// shuffled order. Prints each bundle's median check ÷ floor. `--per N`: N calls of each in a row
// per round (the bench makes one).
//
//   npx tsx scripts/bench/ab.ts dist/engine.js /tmp/other-engine.js [--file F] [--ms 15000] [--per 1]
//
// Build a variant with `npx esbuild server/src/service.ts --bundle --platform=node --format=cjs
// --alias:js-yaml=$(node -p "require.resolve('js-yaml')") --outfile=/tmp/variant.js`. Two copies
// of one bundle agree within ~0.01 ×; a code change can move a ratio by ~0.03 × through code
// layout alone, so smaller differences are not findings. Compare ratios within one run only: every
// bundle loaded competes for the CPU's caches, so with six loaded all ratios read ~0.5 × higher.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Service from '../../server/src/service';
import { blockMd, floor, percentile } from './measure';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    file: { type: 'string', default: 'examples/clean-2021.ogi.md' },
    ms: { type: 'string', default: '15000' },
    per: { type: 'string', default: '1' },
  },
});
if (positionals.length === 0) {
  console.error('usage: npx tsx scripts/bench/ab.ts BUNDLE... [--file F] [--ms N] [--per N]');
  process.exit(2);
}
const text = readFileSync(values.file, 'utf8');
const engines = positionals.map((path) => ({
  path,
  engine: require(resolve(path)) as typeof Service,
  ratios: [] as number[],
}));
const per = Number(values.per);
const blockOf = (fn: () => void) => {
  const t = performance.now();
  for (let i = 0; i < per; i++) fn();
  return (performance.now() - t) / per;
};
const check = (engine: typeof Service) => () => {
  // Bundles built before the chunk cache became the host's (2026-12-03) kept one module-wide: cleared,
  // they are measured cold, as checkText always is now.
  (engine as { parseCache?: { clear(): void } }).parseCache?.clear();
  engine.checkText(text);
};
for (let i = 0; i < 50; i++) {
  floor(text);
  for (const { engine } of engines) check(engine)();
} // warm-up
const end = performance.now() + Number(values.ms);
while (performance.now() < end) {
  const order = [...engines].sort(() => Math.random() - 0.5);
  for (const e of order) {
    const f = blockOf(() => floor(text)); // floors first, as in the bench: each check starts on the caches they left
    blockOf(() => floor(text, blockMd));
    e.ratios.push(blockOf(check(e.engine)) / f);
  }
}
for (const { path, ratios } of engines)
  console.log(`${path}: ${percentile(ratios, 50).toFixed(3)} × floor (median of ${ratios.length} rounds)`);
