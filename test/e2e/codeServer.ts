// A real VS Code workbench for end-to-end tests: code-server (from npm, installed into .e2e/ by
// scripts/e2e/install-code-server.sh) with the packaged VSIX installed, served on 127.0.0.1 and
// driven by playwright-core in Debian's Chromium. Everything it starts runs in its own process group
// and is killed as a group; teardown waits until the port is free again.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../browser/chromium';

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
const CHROMIUM = '/usr/bin/chromium';
const ENTRY = join(ROOT, '.e2e', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface Workbench {
  url: string;
  port: number;
  workspace: string;
  page: Page;
  browser: Browser;
  /** Saves a screenshot as test-artifacts/e2e/<name>.png. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Files to add to the workspace (a copy of examples/). */
  files?: Record<string, string>;
  /** Extra query parameters of the workbench URL, given the port (the integration suite's payload). */
  query?: (port: number) => string;
  /** Install the packaged VSIX (default); off when the extension is loaded from the repository. */
  installVsix?: boolean;
  /** Called with every page console line. */
  onConsole?: (line: string) => void;
  beforeGoto?: (page: Page) => Promise<void>;
}

/**
 * Registers the suite's hooks: before the tests, builds the VSIX and starts a workbench with it (`started`
 * is then given it, e.g. to keep it in the test file's variables); after them, closes it.
 */
export function useWorkbench(options: WorkbenchOptions, started: (wb: Workbench) => void): void {
  let wb: Workbench | undefined;
  before(
    async () => {
      const vsix = prepare();
      wb = await startWorkbench(vsix, options);
      started(wb);
    },
    { timeout: 600_000 },
  );
  after(
    async () => {
      await wb?.close();
    },
    { timeout: 120_000 },
  );
}

/** Runs a step; on failure keeps a screenshot of the workbench as it was. */
export async function step(wb: Workbench, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    await wb.shot(name);
  } catch (e) {
    await wb.shot(`FAILED-${name}`);
    throw e;
  }
}

/** Opens `file` with Quick Open, waits for its tab and focuses its editor. */
export async function quickOpen(page: Page, file: string): Promise<void> {
  // Retried: a notification or a widget can steal the focus from the first Ctrl+P.
  await waitFor(
    async () => {
      await page.keyboard.press('Control+P');
      return page
        .locator('.quick-input-widget input')
        .waitFor({ timeout: 3_000 })
        .then(
          () => true,
          () => false,
        );
    },
    30_000,
    'Quick Open',
  );
  await page.locator('.quick-input-widget input').fill(file);
  // Clicked, not Enter: until the list has filtered, Enter would open whatever was on top.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().click();
  await page.locator('.tab.active', { hasText: file }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().click();
}

/** Builds the VSIX and installs code-server (both idempotent and offline). */
export function prepare(): string {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh does)`);
  execFileSync('bash', [join(ROOT, 'scripts', 'e2e', 'install-code-server.sh')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const vsix = join(ROOT, 'dist', 'ogi-report.vsix');
  if (!existsSync(vsix)) throw new Error('npm run package did not produce dist/ogi-report.vsix');
  return vsix;
}

export async function startWorkbench(vsix: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), 'ogi-e2e-'));
  const userData = join(home, 'user-data');
  const extensions = join(home, 'extensions');
  const workspace = join(home, 'workspace');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(workspace, name), text);
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      'editor.accessibilitySupport': 'off',
      'editor.hover.delay': 100,
      'files.autoSave': 'off',
      'window.commandCenter': false,
      'chat.disableAIFeatures': true,
    }),
  );
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  if (options.installVsix !== false)
    execFileSync(process.execPath, [ENTRY, ...common, '--install-extension', vsix], { stdio: 'ignore' });

  const port = await freePort();
  writeFileSync(join(home, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const server: ChildProcess = spawn(
    process.execPath,
    [
      ENTRY,
      '--config',
      join(home, 'config.yaml'),
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    // code-server's own log is kept beside the screenshots: the first place to look when a start fails.
    {
      detached: true,
      stdio: [
        'ignore',
        openSync(join(ARTIFACTS, 'code-server.log'), 'w'),
        openSync(join(ARTIFACTS, 'code-server.log'), 'a'),
      ],
      env: { ...process.env, HOME: home },
    },
  );
  const killGroup = (pid?: number) => {
    if (pid)
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
  };

  let browser: Browser | undefined;
  try {
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true,
      60_000,
      'code-server /healthz',
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
      args: [...CHROMIUM_ARGS], // launch() gives every run a fresh temporary profile
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    if (options.onConsole) page.on('console', (m) => options.onConsole!(m.text()));
    await options.beforeGoto?.(page);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}${options.query?.(port) ?? ''}`;
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    const wb: Workbench = {
      url,
      port,
      workspace,
      page,
      browser,
      shot: async (name) => {
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) }).catch(() => undefined);
      },
      close: async () => {
        await browser?.close().catch(() => undefined);
        killGroup(server.pid);
        await waitFor(async () => !(await portInUse(port)), 30_000, `port ${port} to be free`);
        rmSync(home, { recursive: true, force: true });
      },
    };
    return wb;
  } catch (e) {
    await browser?.close().catch(() => undefined);
    killGroup(server.pid);
    throw e;
  }
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(true));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(false)));
  });
}
