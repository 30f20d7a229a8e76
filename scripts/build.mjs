// Bundles the hosts with esbuild: one self-contained CommonJS file per entry point.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// `--production` (the VSIX): minified, no source maps.
const production = process.argv.includes('--production');

const entryPoints = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/lsp/main.ts',
  client: 'client/src/extension.ts',
  // The engine alone, as the hosts bundle it: what `npm run bench` measures.
  engine: 'server/src/service.ts',
};

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // The client runs inside VS Code, which provides the `vscode` module at run time.
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { OGI_VERSION: JSON.stringify(version) },
  // js-yaml's CommonJS build parses ~3× faster than its ESM build (measured with `npm run bench`'s floor).
  alias: { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') },
});
