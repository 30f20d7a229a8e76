// What `npm run bench` (run.ts) and the side-by-side comparison (ab.ts) both measure against.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseEvents } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { INLINE_CORE_RULES } from '../../server/src/parse/markdown';

const md = new MarkdownIt({ html: false });
/**
 * The engine skips markdown-it's inline phase (it reads blocks only); this stricter floor's parser
 * skips it too, and is printed beside the floor the goal is stated against.
 */
export const blockMd = new MarkdownIt({ html: false });
blockMd.core.ruler.disable(INLINE_CORE_RULES);

/** The floor: markdown-it over the body and js-yaml `parseEvents` over the front matter and every YAML block. */
export function floor(text: string, parser = md): void {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) parseEvents(fm[1], {});
  for (const t of parser.parse(text.slice(fm ? fm[0].length : 0), {}))
    if (t.type === 'fence' && /^ya?ml/.test(t.info)) parseEvents(t.content, {});
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Milliseconds the command line takes to check `folder` in `cwd` (JSON output, discarded). `oneCpu`:
 * pinned to one CPU with taskset (util-linux), where the CLI sees one core and starts no workers.
 */
export function cliCheckMs(cwd: string, folder: string, oneCpu = false): number {
  const t = performance.now();
  const command = [join(__dirname, '..', '..', 'bin', 'ogi-report.js'), 'check', '--format', 'json', folder];
  const run = spawnSync(
    oneCpu ? 'taskset' : process.execPath,
    oneCpu ? ['--cpu-list', '0', process.execPath, ...command] : command,
    {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 28,
    },
  );
  if (run.error) throw run.error;
  if (run.status === null) throw new Error(`the CLI was killed: ${run.signal}`);
  return performance.now() - t;
}
