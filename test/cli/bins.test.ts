// After `npm ci`, both bins are on npm's PATH (node_modules/.bin) and start as their shebangs say.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

for (const bin of ['ogi-report', 'ogi-report-language-server']) {
  test(`node_modules/.bin/${bin} runs`, () => {
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', bin), ['--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.error ?? ''}${run.stderr}`);
    assert.equal(run.stdout.trim(), version);
  });
}

test('the language server bin starts Node with the server flags', () => {
  const shebang = readFileSync(join(ROOT, 'bin', 'ogi-report-language-server.js'), 'utf8').split('\n')[0];
  const source = readFileSync(join(ROOT, 'server', 'src', 'lsp', 'runtime.ts'), 'utf8');
  const flags = JSON.parse(/SERVER_NODE_FLAGS = (\[[^\]]*\])/.exec(source)![1].replace(/'/g, '"')) as string[];
  assert.equal(shebang, `#!/usr/bin/env -S node ${flags.join(' ')}`);
});
