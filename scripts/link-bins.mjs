// npm links the bins of dependencies into node_modules/.bin, never the root package's own. Linking
// ours there (on `npm ci`, via `prepare`) makes `npx ogi-report` and `npx ogi-report-language-server`
// work in a checkout, as they do after `npm install ogi-report`.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const binDir = join(root, 'node_modules', '.bin');
if (existsSync(join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const [name, target] of Object.entries(bin)) {
    const link = join(binDir, name);
    rmSync(link, { force: true });
    symlinkSync(relative(binDir, join(root, target)), link);
    chmodSync(join(root, target), 0o755);
  }
}
