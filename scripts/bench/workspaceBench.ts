// The language server's workspace index (issue 17) in `npm run bench`: indexing a folder of reports
// against the CLI's check of the same files, the server's memory with them indexed and 50 open, the
// didChange → diagnostics latency with the index, and how soon this year's report is re-checked after
// a change to last year's (from the change, the debounce excluded).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEBOUNCE_MS } from '../../server/src/lsp/server';
import { startSession, type Session } from '../../test/lsp/harness';
import { generateReport } from './generate';
import { cliCheckMs, percentile } from './measure';

const ROOT = join(__dirname, '..', '..');
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

/** Last year's and this year's report of one agency, consistent (FORMAT.md §9), from the fixtures. */
function pair(): { last: string; current: string } {
  const dir = join(ROOT, 'test', 'fixtures', 'carry-over', 'consistent.years');
  const read = (name: string) =>
    readFileSync(join(dir, name), 'utf8').replace(/[ \t]*(?:<!--\s*expect:[^>]*-->|#\s*expect:.*)$/gm, '');
  return { last: read('2023.ogi.md'), current: read('2024.ogi.md') };
}

async function indexedSession(folder: string): Promise<{ session: Session; indexMs: number }> {
  const uri = pathToFileURL(folder).href;
  const session = await startSession({
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'bench' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
  });
  // From the initialized notification (startSession's last step) to the progress' end.
  const t = performance.now();
  await session.progressUntil((v) => v.kind === 'end');
  return { session, indexMs: performance.now() - t };
}

const rss = (session: Session) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${session.process.pid}/status`, 'utf8'))![1]) / 1024;

export async function workspaceBench(files: number, quick: boolean): Promise<{ rows: string[][]; results: object }> {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-bench-workspace-'));
  const rows: string[][] = [];
  try {
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    // `files` reports in all: the generated ones and one agency's two years.
    for (let i = 0; i < files - 2; i++) writeFileSync(join(reports, `r${i}.ogi.md`), generateReport(8 * 1024, i));
    const { last, current } = pair();
    const lastPath = join(reports, 'agency-2023.ogi.md');
    const currentPath = join(reports, 'agency-2024.ogi.md');
    writeFileSync(lastPath, last);
    writeFileSync(currentPath, current);

    // ---- indexing vs the CLI's check of the same files ----
    const rounds = quick ? 1 : 3;
    const cli: number[] = [],
      index: number[] = [];
    for (let r = 0; r < rounds; r++) {
      cli.push(cliCheckMs(dir, 'reports'));
      const { session, indexMs } = await indexedSession(reports);
      index.push(indexMs);
      await session.close();
    }
    const cliMs = percentile(cli, 50),
      indexMs = percentile(index, 50);
    rows.push([
      `index ${files.toLocaleString('en')} reports (8 KB), server`,
      ms(indexMs),
      `CLI check ${ms(cliMs)}`,
      `${(indexMs / cliMs).toFixed(2)} × the CLI's check (goal ≤ 1.2)`,
    ]);

    // ---- with the index: memory, didChange latency, re-publish after last year's change ----
    const { session } = await indexedSession(reports);
    try {
      for (let i = 0; i < 50; i++) {
        const uri = pathToFileURL(join(dir, `open-${i}.ogi.md`)).href;
        session.open(uri, generateReport(20 * 1024, 1000 + i), 1);
        await session.diagnostics(uri, (_d, v) => v === 1);
      }
      const rssMiB = rss(session);
      rows.push([
        `server RSS, ${files.toLocaleString('en')} indexed + 50 open (20 KB)`,
        `${rssMiB.toFixed(0)} MiB = ${(rssMiB * 1.048576).toFixed(1)} MB`,
        '',
        'goal ≤ 150 MB',
      ]);

      const lastUri = pathToFileURL(lastPath).href;
      const currentUri = pathToFileURL(currentPath).href;
      session.open(lastUri, last, 1);
      session.open(currentUri, current, 1);
      await session.diagnostics(lastUri, (_d, v) => v === 1);
      await session.diagnostics(currentUri, (_d, v) => v === 1);

      // didChange → diagnostics of this year's report, with the index (cf. the row without it).
      const lines = current.split('\n');
      const target = lines.findIndex((l) => l.startsWith('本年新收政府信息公开申请数量'));
      const column = lines[target].indexOf('[') + 1;
      const didChange: number[] = [];
      let version = 1;
      for (let i = 0; i < (quick ? 10 : 50); i++) {
        const text = i % 2 ? lines[target][column] : '9';
        version++;
        const t = performance.now();
        session.change(currentUri, version, [
          { range: { start: { line: target, character: column }, end: { line: target, character: column + 1 } }, text },
        ]);
        await session.diagnostics(currentUri, (_d, v) => v === version);
        didChange.push(performance.now() - t - DEBOUNCE_MS);
      }
      rows.push([
        `didChange → diagnostics, ${files.toLocaleString('en')} indexed`,
        ms(percentile(didChange, 50)),
        `p95 ${ms(percentile(didChange, 95))}`,
        `debounce ${DEBOUNCE_MS} ms excluded; goal: as without the index`,
      ]);

      // Last year's 结转下年度 changed back and forth: this year's report re-checked, carry-over in and out.
      const out = last.split('\n').findIndex((l) => l.startsWith('结转下年度继续办理'));
      const cell = last.split('\n')[out].indexOf('[') + 1;
      const republish: number[] = [];
      let lastVersion = 1;
      for (let i = 0; i < (quick ? 10 : 50); i++) {
        const broken = i % 2 === 0;
        lastVersion++;
        session.received.length = 0;
        const t = performance.now();
        session.change(lastUri, lastVersion, [
          {
            range: { start: { line: out, character: cell }, end: { line: out, character: cell + 1 } },
            text: broken ? '9' : '2',
          },
        ]);
        await session.diagnostics(currentUri, (d) => d.some((x) => x.code === 'carry-over') === broken);
        republish.push(performance.now() - t - DEBOUNCE_MS);
      }
      rows.push([
        "re-publish after last year's change",
        ms(percentile(republish, 50)),
        `p95 ${ms(percentile(republish, 95))}`,
        `debounce ${DEBOUNCE_MS} ms excluded; goal p95 ≤ 50 ms`,
      ]);
      return {
        rows,
        results: {
          files,
          indexMs,
          cliMs,
          ratio: indexMs / cliMs,
          rssWithIndexMiB: rssMiB,
          didChangeWithIndexMs: { p50: percentile(didChange, 50), p95: percentile(didChange, 95) },
          republishMs: { p50: percentile(republish, 50), p95: percentile(republish, 95) },
        },
      };
    } finally {
      await session.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
