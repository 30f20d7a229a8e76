// Debian's Chromium as the browser tests (and the end-to-end workbench) launch it through playwright-core.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.OGI_CHROMIUM ?? '/usr/bin/chromium';

/** Headless in a container, offline: no sandbox, GPU, QUIC, first-run page or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails, saying how to install it, when Chromium is not at CHROMIUM. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    assert.fail(
      `Chromium not found at ${CHROMIUM}: the browser tests need Debian's chromium — install it with \`apt-get install -y chromium\` (CI does), or set OGI_CHROMIUM to its path.`,
    );
  }
}

/**
 * Launches headless Chromium with its profile in `dir`/user-data and `dir` as its home (config and cache
 * below it), pages of the given size.
 */
export async function launchChromium(
  dir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(join(dir, 'user-data'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
    viewport,
  });
  // tsx compiles with keepNames: functions inside page.evaluate callbacks call esbuild's __name helper.
  await context.addInitScript('globalThis.__name = (f) => f;');
  return context;
}
