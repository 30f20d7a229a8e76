// Bundles the hosts with esbuild: one self-contained CommonJS file per entry point.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// `--production` (the VSIX): minified, no source maps.
const production = process.argv.includes('--production');
// What every bundle is: one CommonJS file for Node in dist/.
const nodeBundle = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  logLevel: 'warning',
};

const entryPoints = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/lsp/main.ts',
  // The standalone server's bin starts here: dist/server.js with its code cache.
  'start-server': 'server/src/lsp/start.ts',
  client: 'client/src/extension.ts',
  // The engine alone, as the hosts bundle it: what `npm run bench` measures.
  engine: 'server/src/service.ts',
};

// The Word library (~1 MB) is a bundle of its own, dist/docx.js, required on the first export only
// (server/src/render/docx/library.ts): the hosts keep `require('./docx.js')` in its place, so that the
// server's start and `check` never load it.
const docxApart = {
  name: 'docx-apart',
  setup(b) {
    b.onResolve({ filter: /^docx$/ }, () => ({ path: './docx.js', external: true }));
  },
};
await build({
  entryPoints: { docx: createRequire(import.meta.url).resolve('docx') },
  ...nodeBundle,
});

// The importer (parse5, mammoth, jszip and the readers; IMPORT.md) is a bundle of its own, dist/import.js,
// required on the first import only (server/src/import/load.ts): the hosts keep `require('./import.js')`
// in its place, so that the server's start and a check of .ogi.md files never load it.
const importApart = {
  name: 'import-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/index$/ }, (args) =>
      args.importer.replace(/\\/g, '/').endsWith('server/src/import/load.ts')
        ? { path: './import.js', external: true }
        : undefined,
    );
  },
};
await build({
  entryPoints: { import: 'server/src/import/index.ts' },
  ...nodeBundle,
  sourcemap: !production,
});

// The PDF reader's worker thread with pdf.js inside (pdfjs-dist's legacy build, ~1.7 MB minified) is a
// bundle of its own, dist/pdf-worker.js, started on the first PDF only (server/src/import/pdf.ts); pdf.js's
// data beside it in dist/pdfjs/: the CMaps of Chinese fonts (without them Chinese text comes out empty
// from PDFs whose fonts use a predefined CMap) and the standard fonts' data.
await build({
  entryPoints: { 'pdf-worker': 'server/src/import/pdfWorker.ts' },
  ...nodeBundle,
  // pdf.js looks for the optional native canvas through import.meta.url: gone in a CommonJS bundle, as wanted.
  logOverride: { 'empty-import-meta': 'silent' },
});
{
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  rmSync('dist/pdfjs', { recursive: true, force: true });
  const chinese = /^(Adobe-(GB1|CNS1)|Uni(GB|CNS)|GB|CNS|B5|ETen|ETHK|HK|LICENSE)/;
  cpSync(join(pdfjs, 'cmaps'), 'dist/pdfjs/cmaps', {
    recursive: true,
    filter: (f) => f.endsWith('cmaps') || chinese.test(basename(f)),
  });
  cpSync(join(pdfjs, 'standard_fonts'), 'dist/pdfjs/standard_fonts', { recursive: true });
}

const bundles = await build({
  entryPoints,
  plugins: [docxApart, importApart],
  ...nodeBundle,
  // The client runs inside VS Code, which provides the `vscode` module at run time.
  external: ['vscode'],
  sourcemap: !production,
  define: { OGI_VERSION: JSON.stringify(version) },
  // js-yaml's CommonJS build parses ~3× faster than its ESM build (measured with `npm run bench`'s floor).
  alias: { 'js-yaml': createRequire(import.meta.url).resolve('js-yaml') },
  // What went into each bundle: test/grammar/clientBundle.test.ts checks the client's carries no engine.
  metafile: true,
});
// The client's part of the metafile: its output and the inputs that went into it.
{
  const { inputs, outputs } = bundles.metafile;
  const output = outputs['dist/client.js'];
  const used = Object.keys(output.inputs);
  const client = {
    inputs: Object.fromEntries(used.map((path) => [path, inputs[path]])),
    outputs: { 'dist/client.js': output },
  };
  writeFileSync('dist/client.meta.json', `${JSON.stringify(client, null, 1)}\n`);
}

// V8's code cache of dist/server.js, for the standalone server's start (server/src/lsp/start.ts).
// It is made by running the bundle's top level with the server's own Node flags, which V8 checks.
const runtime = await build({
  entryPoints: ['server/src/lsp/runtime.ts'],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  logLevel: 'warning',
});
const runtimeModule = { exports: {} };
new Function('module', 'exports', runtime.outputFiles[0].text)(runtimeModule, runtimeModule.exports);
const { SERVER_NODE_FLAGS, SERVER_ENV } = runtimeModule.exports;
const cache = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, 'dist/start-server.js', '--version'], {
  env: { ...process.env, ...SERVER_ENV, OGI_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
// Without a cache the server starts as fast as before this step existed: worth a warning, not a failed build.
if (cache.status !== 0) console.warn(`warning: no code cache for dist/server.js: ${cache.error ?? cache.stderr}`);
