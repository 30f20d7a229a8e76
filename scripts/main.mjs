// `npm start` — the main job: build and package the extension, then open the example reports with it:
// in desktop VS Code when `code` is on PATH, otherwise in the bundled browser workbench (code-server
// on 127.0.0.1), whose URL is printed. Ctrl+C stops the workbench (its whole process group).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const VSIX = join(ROOT, 'dist', 'ogi-report.vsix');
const EXAMPLES = join(ROOT, 'examples');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });

run(process.execPath, ['scripts/package.mjs']);

const code = spawnSync('code', ['--version'], { stdio: 'ignore' });
if (code.status === 0 && !process.env.OGI_BROWSER_WORKBENCH) {
  run('code', ['--install-extension', VSIX, '--force']);
  run('code', [EXAMPLES, join(EXAMPLES, 'jingzhi-2020.ogi.md'), join(EXAMPLES, 'clean-2021.ogi.md')]);
  console.log('\nOpened the example reports in VS Code with the ogi-report extension installed.');
  process.exit(0);
}

run('bash', ['scripts/e2e/install-code-server.sh']);
const entry = join(ROOT, '.e2e', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const home = join(ROOT, '.e2e', 'main');
const userData = join(home, 'user-data');
const extensions = join(home, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  `${JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'git.openRepositoryInParentFolders': 'never',
      'workbench.tips.enabled': false,
    },
    null,
    2,
  )}\n`,
);
const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
run(process.execPath, [entry, ...common, '--install-extension', VSIX, '--force']);

const port = Number(process.env.OGI_PORT) || (await freePort(8080));
mkdirSync(home, { recursive: true });
writeFileSync(join(home, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
const server = spawn(
  process.execPath,
  [
    entry,
    '--config',
    join(home, 'config.yaml'),
    ...common,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    EXAMPLES,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
);
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(143);
});
process.on('SIGHUP', () => {
  stop();
  process.exit(129);
});
process.on('exit', stop);
server.on('exit', (c) => {
  console.error(`code-server exited (${c})`);
  process.exit(c ?? 1);
});
for (let i = 0; i < 120; i++) {
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(EXAMPLES)}`;
console.log(
  `\nThe example reports are open in VS Code (code-server) with the ogi-report extension:\n\n  ${url}\n\nOpen jingzhi-2020.ogi.md, then "OGI Report: Open Preview to the Side" (Ctrl+K V). Ctrl+C stops the workbench.`,
);

/** The first free port from `start` on 127.0.0.1. */
function freePort(start) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(freePort(start + 1)));
    probe.listen(start, '127.0.0.1', () => probe.close(() => resolvePort(start)));
  });
}
