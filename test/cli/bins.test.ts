// After `npm ci`, both bins are on npm's PATH (node_modules/.bin) and start as their shebangs say.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime';

const ROOT = join(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

for (const bin of ['ogi-report', 'ogi-report-language-server']) {
  test(`node_modules/.bin/${bin} runs`, () => {
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', bin), ['--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.error ?? ''}${run.stderr}`);
    assert.equal(run.stdout.trim(), version);
  });
}

test('the language server bin starts Node with the server flags and environment', async () => {
  // Run through its shebang, as an editor runs it; inspect the process once it has answered.
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'ogi-report-language-server'), ['--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await once(child.stdout, 'data');
    const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
    for (const flag of SERVER_NODE_FLAGS) assert.ok(argv.includes(flag), argv.join(' '));
    const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_ENV))
      assert.ok(environ.includes(`${name}=${value}`), `${name} is not ${value}`);
  } finally {
    child.kill();
  }
});
