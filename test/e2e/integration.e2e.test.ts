// The integration suite (test/integration/suite, mocha over the `vscode` API) run inside code-server's
// extension host through the workbench's `payload` URL — the same suite @vscode/test-electron runs in
// desktop VS Code. Its log and exit code come back through codeAutomationLog / codeAutomationExit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, ROOT, prepare, startWorkbench } from './codeServer';

test('the mocha integration suite passes inside the code-server workbench', { timeout: 600_000 }, async () => {
  const vsix = prepare(); // builds dist/ (the extension is loaded from the repository here)
  execFileSync(process.execPath, [join(ROOT, 'test', 'integration', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const log: string[] = [];
  let exit: (code: number) => void;
  const exited = new Promise<number>((resolve) => {
    exit = resolve;
  });
  const remote = (port: number, path: string) => `vscode-remote://127.0.0.1:${port}${path}`;
  const wb = await startWorkbench(vsix, {
    installVsix: false,
    query: (port) =>
      `&payload=${encodeURIComponent(
        JSON.stringify([
          ['extensionDevelopmentPath', remote(port, ROOT)],
          ['extensionTestsPath', remote(port, join(ROOT, 'dist-test', 'suite', 'index.js'))],
        ]),
      )}`,
    beforeGoto: async (page) => {
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        log.push([type, ...(Array.isArray(args) ? args : [args])].map(String).join(' '));
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    },
  });
  try {
    const code = await Promise.race([
      exited,
      new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error(`no exit after 5 min:\n${log.join('\n')}`)), 300_000).unref(),
      ),
    ]);
    await wb.shot('integration-suite');
    writeFileSync(join(ARTIFACTS, 'integration-suite.log'), log.join('\n'));
    assert.equal(code, 0, log.join('\n'));
    // Mocha's format string arrives with its arguments after it: "%d passing (%s) 5 2s".
    const passing = /%d passing \(%s\) (\d+)|(\d+) passing/.exec(log.join('\n'));
    assert.equal(Number(passing?.[1] ?? passing?.[2]), 6, log.join('\n'));
  } finally {
    await wb.close();
  }
});
