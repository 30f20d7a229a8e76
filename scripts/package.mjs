// `npm run package`: the production bundles, then the VSIX (dist/ogi-report.vsix), and its size.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { vsixReadme } from './vsixReadme.mjs';

const require = createRequire(import.meta.url);
const out = 'dist/ogi-report.vsix';
// Stale source maps from a development build must not linger next to the minified bundles.
for (const map of ['cli', 'server', 'client']) rmSync(`dist/${map}.js.map`, { force: true });
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
const vsce = require.resolve('@vscode/vsce/vsce');
const readme = 'dist/README.md';
writeFileSync(readme, vsixReadme(readFileSync('README.md', 'utf8')));
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--readme-path', readme, '--out', out],
  { stdio: 'inherit' },
);
execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { stdio: 'inherit' });
console.log(`${out}: ${(statSync(out).size / 1024).toFixed(0)} KiB`);
