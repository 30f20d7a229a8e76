// Compiles the integration suite to dist-test/suite/*.js (mocha and vscode come from the host).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const dir = new URL('./suite/', import.meta.url).pathname;
await build({
  entryPoints: readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => dir + f),
  outdir: 'dist-test/suite',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
