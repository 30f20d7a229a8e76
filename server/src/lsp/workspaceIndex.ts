// The language server's index of the workspace's reports (FORMAT.md §9): the facts of every *.ogi.md
// (agency, year, template and the few cells the rules across years read — never whole models), so
// that a report is checked against last year's. Built in the background on start, reporting progress
// (window/workDoneProgress) and yielding between files, so that opening a report is never delayed;
// kept current by the open documents (which win over the disk) and by the client's file watcher
// (workspace/didChangeWatchedFiles). When a report's facts change, the reports of the next year that
// are open are re-checked: `onChanged` gets their URIs.
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeReport } from '../decode';
import { FactsStore, extractFacts, parseReport, type FactsLookup, type ReportFacts } from '../service';

/** Skipped when walking the workspace: dependencies, VCS metadata, hidden folders. */
const SKIP = (name: string) => name === 'node_modules' || name.startsWith('.');
/** How many files are indexed between two progress reports. */
const PROGRESS_EVERY = 25;
/** A workspace opened at a home directory is not searched without end: at most this many folders and reports. */
const MAX_FOLDERS = 50_000;
const MAX_REPORTS = 20_000;

export interface IndexProgress {
  begin(title: string, percentage?: number, message?: string): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

export interface WorkspaceIndexHost {
  /** Progress of the first indexing (a no-op reporter when the client shows none). */
  progress(): Promise<IndexProgress>;
  /** The reports whose checks across years may have changed (the next year's of a changed report). */
  onChanged(uris: string[]): void;
  log(message: string): void;
}

/** The same file, whatever way a URI spells it (VS Code and Node percent-encode differently). */
function fileKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export class WorkspaceIndex {
  private readonly store = new FactsStore();
  /** The facts in force per file: the open document's, else the disk's. */
  private readonly current = new Map<string, ReportFacts>();
  private readonly disk = new Map<string, ReportFacts>();
  private readonly open = new Map<string, ReportFacts>();
  private folders: string[] = [];
  private indexing: Promise<void> | undefined;

  constructor(private readonly host: WorkspaceIndexHost) {}

  readonly lookup: FactsLookup = (agencyKey, year) => this.store.lookup(agencyKey, year);

  /** The name a report goes by in messages: its path relative to its workspace folder. */
  nameOf(uri: string): string {
    const path = fileKey(uri);
    for (const folder of this.folders) {
      const rel = relative(folder, path);
      if (rel && !rel.startsWith('..') && !rel.startsWith(sep)) return rel.split(sep).join('/');
    }
    return basename(path);
  }

  /** Starts indexing the folders (file URIs) in the background; resolves when every file is read. */
  start(folderUris: string[]): Promise<void> {
    this.folders = folderUris.filter((u) => u.startsWith('file:')).map(fileKey);
    this.indexing ??= this.indexAll().catch((e) => this.host.log(`ogi-report: indexing failed: ${String(e)}`));
    return this.indexing;
  }

  private async indexAll(): Promise<void> {
    const progress = await this.host.progress().catch(() => undefined);
    progress?.begin('OGI Report', 0, 'indexing *.ogi.md');
    const files: string[] = [];
    const walked = { folders: 0 };
    for (const folder of this.folders) await walk(folder, files, walked);
    if (walked.folders >= MAX_FOLDERS || files.length >= MAX_REPORTS)
      this.host.log(`ogi-report: the workspace is large; ${files.length} reports indexed, the rest left out`);
    let done = 0;
    for (const file of files) {
      await this.readDisk(pathToFileURL(file).href);
      done++;
      if (done % PROGRESS_EVERY === 0 || done === files.length)
        progress?.report(Math.floor((done / files.length) * 100), `${done}/${files.length}`);
    }
    progress?.done();
  }

  /** Reads a file from disk into the index (a file that is gone or not text leaves it). */
  private async readDisk(uri: string): Promise<void> {
    const key = fileKey(uri);
    let facts: ReportFacts | undefined;
    try {
      const decoded = decodeReport(await readFile(key));
      if (!('binary' in decoded)) facts = extractFacts(parseReport(decoded.text), uri, this.nameOf(uri));
    } catch {
      facts = undefined;
    }
    if (facts) this.disk.set(key, facts);
    else this.disk.delete(key);
    this.update(key);
  }

  /** An open document's facts, from its latest parse: they win over the disk's. */
  setOpen(facts: ReportFacts): void {
    const key = fileKey(facts.uri);
    this.open.set(key, facts);
    this.update(key);
  }

  /** A document closed: the disk's facts again (read anew: it may not have been saved). */
  async close(uri: string): Promise<void> {
    const key = fileKey(uri);
    if (!this.open.delete(key)) return;
    this.update(key);
    if (uri.startsWith('file:')) await this.readDisk(uri);
  }

  /**
   * The client's file watcher: created, changed (1, 2) or deleted (3) files. A saved open document is
   * not read: its open facts are in force, and `close` reads the disk anew.
   */
  async filesChanged(changes: { uri: string; type: number }[]): Promise<void> {
    for (const change of changes) {
      if (!/\.ogi\.md$/i.test(change.uri)) continue;
      const key = fileKey(change.uri);
      if (change.type === 3) {
        this.disk.delete(key);
        this.update(key);
      } else if (!this.open.has(key)) await this.readDisk(change.uri);
    }
  }

  /** Puts the facts in force for a file into the store; tells the host whom that concerns. */
  private update(key: string): void {
    const before = this.current.get(key);
    const after = this.open.get(key) ?? this.disk.get(key);
    if (before === after || (before && after && sameFacts(before, after))) {
      // The same facts under another object: keep the newer, with nothing to re-check.
      if (after) this.replace(key, before, after);
      return;
    }
    this.replace(key, before, after);
    const concerned = new Set<string>();
    for (const facts of [before, after]) {
      if (facts?.agencyKey === undefined || facts.year === undefined) continue;
      for (const next of this.store.lookup(facts.agencyKey, facts.year + 1)) concerned.add(next.uri);
    }
    if (concerned.size) this.host.onChanged([...concerned]);
  }

  private replace(key: string, before: ReportFacts | undefined, after: ReportFacts | undefined): void {
    if (before) this.store.delete(before.uri);
    if (after) {
      this.store.set(after);
      this.current.set(key, after);
    } else this.current.delete(key);
  }
}

/** Facts equal as the rules and the editor read them (ranges included: they are where findings point). */
function sameFacts(a: ReportFacts, b: ReportFacts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every *.ogi.md under a folder, in a stable order, within the limits. */
async function walk(dir: string, into: string[], walked: { folders: number }): Promise<void> {
  if (++walked.folders > MAX_FOLDERS || into.length >= MAX_REPORTS) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP(e.name)) await walk(join(dir, e.name), into, walked);
    } else if (e.isFile() && e.name.endsWith('.ogi.md') && into.length < MAX_REPORTS) into.push(join(dir, e.name));
  }
}
