// The VS Code client stays thin: its bundle carries no engine. Everything about reports comes from
// the language server through the requests of server/src/protocol.ts; the client may take from
// server/src only what ALLOWED lists (each a file without engine imports, so the list is closed).
// Checked twice: on a fresh in-memory build of client/src/extension.ts, and on the metafile that
// `npm run build` writes for the shipped dist/client.js (dist/client.meta.json).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build, type Metafile } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** The only files of server/src the client bundle may contain, and why. */
const ALLOWED = new Map([
  ['server/src/protocol.ts', 'the custom requests, declared once for both sides'],
  ['server/src/lsp/runtime.ts', 'the Node flags and environment the server process is started with'],
  // A constant string with no imports: the webview's stylesheet is the one the exported page embeds,
  // and the preview page needs it before (and independently of) any render reply.
  ['server/src/render/css.ts', "the report's stylesheet (REPORT_CSS), a constant"],
]);

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** A package's dependencies, transitively, as installed in node_modules. */
function closure(names: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return;
    for (const dep of Object.keys(readJson(manifest).dependencies ?? {})) visit(dep);
  };
  for (const n of names) visit(n);
  return seen;
}

/**
 * The engine's packages: the extension's runtime dependencies other than the language client and
 * server libraries, with everything they pull in that the language client does not need itself.
 */
function enginePackages(): Set<string> {
  const deps = Object.keys(readJson(join(ROOT, 'package.json')).dependencies);
  const client = closure(['vscode-languageclient']);
  const engine = closure(
    deps.filter((d) => !d.startsWith('vscode-languageclient') && !d.startsWith('vscode-languageserver')),
  );
  return new Set([...engine].filter((p) => !client.has(p)));
}

/** The package an input path is in (the innermost node_modules), or undefined for the project's own files. */
function packageOf(input: string): string | undefined {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  return scope.startsWith('@') ? `${scope}/${name}` : scope;
}

function offences(metafile: Metafile): string[] {
  const denied = enginePackages();
  return Object.keys(metafile.inputs)
    .map((input) => input.replace(/\\/g, '/'))
    .filter((input) => {
      const pkg = packageOf(input);
      if (pkg !== undefined) return denied.has(pkg);
      return input.startsWith('server/') && !ALLOWED.has(input);
    });
}

test('the engine packages are known: markdown-it, js-yaml and zod are among them', () => {
  const denied = enginePackages();
  for (const p of ['markdown-it', 'markdown-it-cjk-friendly', 'js-yaml', 'zod', 'linkify-it', 'mdurl'])
    assert.ok(denied.has(p), p);
  for (const p of ['vscode-languageclient', 'vscode-languageserver-protocol', 'vscode-jsonrpc'])
    assert.ok(!denied.has(p), p);
  assert.equal(packageOf('node_modules/a/node_modules/@scope/b/index.js'), '@scope/b');
  assert.equal(packageOf('server/src/protocol.ts'), undefined);
});

test('client/src/extension.ts bundles no engine: only the allowed files of server/src', async () => {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['client/src/extension.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(metafile.inputs);
  // The check is not vacuous: the bundle is the client, with its language client library.
  assert.ok(inputs.includes('client/src/extension.ts'), inputs.join('\n'));
  assert.ok(
    inputs.some((i) => packageOf(i) === 'vscode-languageclient'),
    'the language client library is bundled',
  );
  assert.ok(inputs.includes('server/src/protocol.ts'), 'the protocol is shared, not copied');
  assert.deepEqual(offences(metafile), []);
});

test('the shipped dist/client.js bundles no engine either (its metafile from npm run build)', () => {
  const path = join(ROOT, 'dist', 'client.meta.json');
  assert.ok(existsSync(path), 'dist/client.meta.json is missing: run npm run build');
  const metafile = readJson(path) as Metafile;
  assert.ok(Object.keys(metafile.outputs).some((o) => o.replace(/\\/g, '/') === 'dist/client.js'));
  assert.ok(Object.keys(metafile.inputs).includes('client/src/extension.ts'));
  assert.deepEqual(offences(metafile), []);
});
