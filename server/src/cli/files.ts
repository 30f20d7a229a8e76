// Turning command-line paths into report texts: directories are searched for *.ogi.md; every
// problem with one input is recorded and the others are still read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Input =
  | { path: string; text: string }
  | { path: string; problem: 'unreadable' | 'binary' | 'noReports' | 'notReport'; reason?: string };

const SKIP_DIRS = new Set(['node_modules', '.git']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

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
      for (const f of found) out.push(readInput(f));
    } else if (stat.isFile()) {
      out.push(readInput(p));
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
  // A NUL byte never occurs in a text report but is valid UTF-8: without this check a binary file (or a
  // UTF-16 file of mostly ASCII) would be "checked" and reported as a report full of errors.
  if (bytes.includes(0)) return { path, problem: 'binary' };
  try {
    return { path, text: utf8.decode(bytes) };
  } catch {
    return { path, problem: 'binary' };
  }
}

function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? String(err?.message ?? e);
}
