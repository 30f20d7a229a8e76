// Shared helpers of the CLI tests: running the built bin as a user would, running `main` in-process,
// and writing throw-away report fixtures into a fresh temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli/main';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'ogi-report.js');
export const DIST = join(ROOT, 'dist', 'cli.js');

/** The examples, as paths relative to the repository root (the working directory of spawned runs). */
export const CLEAN = 'examples/clean-2021.ogi.md';
export const JINGZHI = 'examples/jingzhi-2020.ogi.md';

/** The codes of FORMAT.md §6, in its order. */
export const CODES = [
  'front-matter',
  'section-missing',
  'section-title',
  'section-order',
  'table-missing',
  'yaml-syntax',
  'unknown-key',
  'missing-row',
  'invalid-value',
  'blank-cell',
  'row-total',
  'result-total',
  'balance',
  'prose-mismatch',
  'late-publication',
  'year-mismatch',
  'section-content',
  'carry-over',
  'stock-continuity',
  'encoding',
] as const;

/** `file:line:col: severity code message`, 1-based line and column. */
export const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) ([a-z]+(?:-[a-z]+)*) (.+)$/;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function readRepoFile(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

export function assertBuilt(): void {
  if (!existsSync(DIST)) {
    assert.fail(
      `${DIST} is missing: the CLI tests run the built bin. Run \`npm run build\` first (\`npm test\` does it).`,
    );
  }
}

/**
 * Runs `node bin/ogi-report.js …args` in a child process, as a user would. The working directory is the
 * repository root unless `cwd` is given; OGI_REPORT_LOCALE is cleared unless `env` sets it, so the
 * default locale (zh-cn) is what is tested.
 */
export function runBin(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  assertBuilt();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.OGI_REPORT_LOCALE;
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `main(argv, io)` in this process and collects what it writes. */
export async function runMain(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  delete process.env.OGI_REPORT_LOCALE;
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

/** A fresh folder under os.tmpdir(). */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ogi-report-cli-'));
}

/** Writes a file (text as UTF-8, or raw bytes), creating its folders; returns its absolute path. */
export function writeFixture(dir: string, rel: string, content: string | Uint8Array): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** The clean example with one total made wrong: 行政复议 总计 4 where 1+0+1+1 = 3. */
export const WRONG_TOTAL_LINE = 96; // 1-based line of the changed row
export const WRONG_TOTAL_COL = 20; // 1-based column of the written 总计 value
export function wrongTotalReport(): string {
  const clean = readRepoFile(CLEAN);
  const bad = clean.replace('行政复议: [1, 0, 1, 1, 3]', '行政复议: [1, 0, 1, 1, 4]');
  assert.notEqual(bad, clean, `${CLEAN} no longer has the row “行政复议: [1, 0, 1, 1, 3]” that the CLI tests corrupt`);
  const line = bad.split('\n')[WRONG_TOTAL_LINE - 1];
  assert.equal(line, '行政复议: [1, 0, 1, 1, 4]', `${CLEAN}: the 行政复议 row moved from line ${WRONG_TOTAL_LINE}`);
  assert.equal(line[WRONG_TOTAL_COL - 1], '4');
  return bad;
}

/** Bytes that are not UTF-8 (the start of a PNG file). */
export const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff,
]);

/** Output lines, without the empty string after the final newline. */
export function lines(s: string): string[] {
  return s.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}

/** The zh-cn summary line that a text run should print on stderr, counted from its own finding lines. */
export function summaryOf(findingLines: string[], files: number): string {
  const count = (severity: string) => findingLines.filter((l) => TEXT_LINE.exec(l)?.[4] === severity).length;
  return `${files} 个文件：${count('error')} 个错误，${count('warning')} 个警告\n`;
}
