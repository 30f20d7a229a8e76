// Talks to the real language server over stdio, as an editor does. Tests await the server's
// messages (diagnostics, replies) — never sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type InitializeParams, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface Session {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (or the latest already received). */
  diagnostics(uri: string, accept?: (d: Diagnostic[], version?: number) => boolean): Promise<Diagnostic[]>;
  /** Answers workspace/configuration requests. */
  settings: Record<string, unknown>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): void;
  close(): Promise<void>;
}

export function fileUri(name: string): string {
  return pathToFileURL(join('/tmp/ogi-lsp-test', name)).toString();
}

export async function startSession(init: Partial<InitializeParams> = {}, settings: Record<string, unknown> = {}): Promise<Session> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; accept: (d: Diagnostic[], v?: number) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const session: Session = {
    connection,
    process: child,
    settings,
    diagnostics(uri, accept = () => true) {
      const seen = latest.get(uri);
      if (seen && accept(seen.diagnostics, seen.version)) return Promise.resolve(seen.diagnostics);
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    open(uri, text, version = 1) {
      latest.delete(uri);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version, text } });
    },
    change(uri, version, contentChanges) {
      latest.delete(uri);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch { /* already gone */ }
      connection.dispose();
      if (child.exitCode === null) await new Promise((r) => { child.once('exit', r); setTimeout(() => child.kill('SIGKILL'), 5000).unref(); });
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p.diagnostics, p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => session.settings));
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, locale: 'zh-cn',
    capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    ...init,
  });
  await connection.sendNotification('initialized', {});
  return session;
}
