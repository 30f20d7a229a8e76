// Talks to the real language server over stdio, as an editor does. Tests await the server's
// messages (diagnostics, replies, requests to the client) — never sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/lsp/runtime';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The standalone server as its bin starts it: dist/server.js through its code cache (dist/start-server.js). */
export const SERVER = join(__dirname, '..', '..', 'bin', 'ogi-report-language-server.js');
const BUNDLE = join(__dirname, '..', '..', 'dist', 'server.js');

/** What the client answers to `workspace/configuration`: one object for every resource, or per resource. */
export type SettingsSource =
  Record<string, unknown> | ((scopeUri: string | undefined, section: string | undefined) => unknown);

export interface Session {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (or the latest already received). */
  diagnostics(uri: string, accept?: (d: Diagnostic[], version?: number) => boolean): Promise<Diagnostic[]>;
  /** Answers workspace/configuration requests. */
  settings: SettingsSource;
  /** Every `workspace/configuration` item the server asked for, in order. */
  configurationRequests: { scopeUri?: string; section?: string }[];
  /** How many `workspace/inlayHint/refresh` requests the server sent. */
  inlayHintRefreshes: number;
  /** Resolves at the next `workspace/inlayHint/refresh` request from the server. */
  nextInlayHintRefresh(): Promise<void>;
  /** Every `$/progress` value the server sent (window/workDoneProgress), in order. */
  progress: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number }[];
  /** Resolves with the progress so far once a value satisfies `accept` (or one already did). */
  progressUntil(accept: (value: Session['progress'][number]) => boolean): Promise<Session['progress']>;
  /** Every notification and diagnostics publication received, in order: `method` or `diagnostics:URI`. */
  received: string[];
  open(uri: string, text: string, version?: number): void;
  change(
    uri: string,
    version: number,
    changes: {
      range?: { start: { line: number; character: number }; end: { line: number; character: number } };
      text: string;
    }[],
  ): void;
  /** Closes a document; resolves with the diagnostics published for it afterwards. */
  closeDocument(uri: string): Promise<Diagnostic[]>;
  /** Replaces the settings and notifies the server, as an editor does when the user edits them. */
  configure(settings: SettingsSource): void;
  close(): Promise<void>;
}

export function fileUri(name: string): string {
  return pathToFileURL(join('/tmp/ogi-lsp-test', name)).toString();
}

/**
 * Registers the hooks of a file whose tests share one session: before them, starts it (default
 * initialization and settings) and gives it to `started`; after them, closes it.
 */
export function useSession(started: (session: Session) => void): void {
  let session: Session;
  before(async () => {
    session = await startSession();
    started(session);
  });
  after(async () => {
    await session.close();
  });
}

export async function startSession(
  init: Partial<InitializeParams> = {},
  settings: SettingsSource = {},
): Promise<Session> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  // Started as the product starts it (the client's and the bin's Node flags and environment).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...SERVER_ENV },
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: {
    uri: string;
    accept: (d: Diagnostic[], v?: number) => boolean;
    resolve: (d: Diagnostic[]) => void;
  }[] = [];
  let refreshWaiters: (() => void)[] = [];
  let progressWaiters: { accept: (v: Session['progress'][number]) => boolean; resolve: () => void }[] = [];
  const session: Session = {
    connection,
    process: child,
    initializeResult: undefined as unknown as InitializeResult,
    settings,
    configurationRequests: [],
    inlayHintRefreshes: 0,
    progress: [],
    received: [],
    progressUntil(accept) {
      if (session.progress.some(accept)) return Promise.resolve(session.progress);
      return new Promise((resolve) => progressWaiters.push({ accept, resolve: () => resolve(session.progress) }));
    },
    diagnostics(uri, accept = () => true) {
      const seen = latest.get(uri);
      if (seen && accept(seen.diagnostics, seen.version)) return Promise.resolve(seen.diagnostics);
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    nextInlayHintRefresh() {
      return new Promise((resolve) => refreshWaiters.push(resolve));
    },
    open(uri, text, version = 1) {
      latest.delete(uri);
      void connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'ogi-report', version, text },
      });
    },
    change(uri, version, contentChanges) {
      latest.delete(uri);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    closeDocument(uri) {
      latest.delete(uri);
      void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return session.diagnostics(uri);
    },
    configure(next) {
      session.settings = next;
      latest.clear();
      // Pushed too, as editors do; a server that can pull asks for them per resource anyway.
      void connection.sendNotification('workspace/didChangeConfiguration', {
        settings: typeof next === 'function' ? null : { ogiReport: next },
      });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      if (child.exitCode === null)
        await new Promise((r) => {
          child.once('exit', r);
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    session.received.push(`diagnostics:${p.uri}`);
    latest.set(p.uri, p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p.diagnostics, p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
    params.items.map((item) => {
      session.configurationRequests.push(item);
      const s = session.settings;
      return typeof s === 'function' ? s(item.scopeUri, item.section) : s;
    }),
  );
  connection.onRequest('workspace/inlayHint/refresh', () => {
    session.inlayHintRefreshes++;
    const resolve = refreshWaiters;
    refreshWaiters = [];
    for (const r of resolve) r();
    return null;
  });
  connection.onRequest('client/registerCapability', () => null);
  // Progress the server reports (window/workDoneProgress): created on request, then its values.
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (p: { value: Session['progress'][number] }) => {
    session.received.push(`$/progress:${p.value.kind}`);
    session.progress.push(p.value);
    const ready = progressWaiters.filter((w) => w.accept(p.value));
    progressWaiters = progressWaiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  });
  connection.listen();
  session.initializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: {
      workspace: { configuration: true, inlayHint: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
    ...init,
  });
  await connection.sendNotification('initialized', {});
  return session;
}
