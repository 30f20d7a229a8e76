// Desktop VS Code entry of the integration suite: @vscode/test-electron downloads a VS Code build
// (or uses VSCODE_EXECUTABLE) and runs test/integration/suite in it, on the examples folder.
// Needs a machine where a VS Code build can be had; here the same suite runs in code-server instead
// (test/e2e/integration.e2e.test.ts). Run: npm run build && node test/integration/build.mjs &&
// npx tsx test/integration/runElectron.ts
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = join(__dirname, '..', '..');
runTests({
  extensionDevelopmentPath: ROOT,
  extensionTestsPath: join(ROOT, 'dist-test', 'suite', 'index.js'),
  launchArgs: [join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
