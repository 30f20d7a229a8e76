// Turning command-line paths into report texts: directories are searched for *.ogi.md (and published
// documents to import: .pdf, .docx, .html, .htm without an .ogi.md beside them); every
// problem with one input is recorded and the others are still read. Bytes are decoded as decode.ts
// says: a stray NUL, an invalid byte or another encoding is checked (the `encoding` rule names it);
// only what is not text at all is a problem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeReport } from '../decode';
import { isImportSource } from '../import/extensions';
import type { SourceInfo } from '../findings';

export type Input =
  | { path: string; text: string; source: SourceInfo }
  | { path: string; problem: 'unreadable' | 'binary' | 'noReports' | 'notReport'; reason?: string }
  /** A published document (PDF, Word, web page, text) to import in memory and check (sources.ts). */
  | { path: string; importSource: true };

const SKIP_DIRS = new Set(['node_modules', '.git']);

export function collectInputs(paths: string[]): Input[] {
  const out: Input[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      out.push({ path: p, problem: 'unreadable', reason: errorReason(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const found = findReports(p);
      if (found.length === 0) out.push({ path: p, problem: 'noReports' });
      for (const f of found) out.push(isImportSource(f, true) ? { path: f, importSource: true } : readInput(f));
    } else if (stat.isFile()) {
      out.push(isImportSource(p) ? { path: p, importSource: true } : readInput(p));
    } else {
      out.push({ path: p, problem: 'notReport' });
    }
  }
  return out;
}

function findReports(dir: string): string[] {
  const found: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) stack.push(full);
      else if (e.isFile() && e.name.endsWith('.ogi.md')) found.push(full);
      // A published document, unless its import sits beside it (`report.pdf` and `report.ogi.md`).
      else if (e.isFile() && isImportSource(e.name, true) && !entries.some((x) => x.name === importedName(e.name)))
        found.push(full);
    }
  }
  return found.sort();
}

function readInput(path: string): Input {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { path, problem: 'unreadable', reason: errorReason(e) };
  }
  const decoded = decodeReport(bytes);
  // An image or a zip named *.ogi.md would otherwise be "checked" into a report full of errors.
  if ('binary' in decoded) return { path, problem: 'binary' };
  return { path, text: decoded.text, source: decoded.source };
}

/** `report.pdf` → `report.ogi.md`, as `ogi-report import` names its output. */
function importedName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}.ogi.md`;
}

function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? String(err?.message ?? e);
}
