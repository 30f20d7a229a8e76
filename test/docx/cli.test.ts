// `ogi-report render --docx`: where it writes (atomically, never over the source), and what loading the
// Word library costs whom: the built CLI's `check` and the language server never load dist/docx.js;
// only an export does. The library's own Node types (a newer @types/node it depends on) do not reach
// the project's type check.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, test } from 'node:test';
import ts from 'typescript';
import { main } from '../../server/src/cli/main';
import { openPackage, text } from './package';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'clean-2021.ogi.md');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ogi-report-docx-cli-'));
});

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
const copy = (name: string) => {
  const to = join(dir, name);
  copyFileSync(EXAMPLE, to);
  return to;
};
const isDocx = (path: string) => readFileSync(path).subarray(0, 2).toString('latin1') === 'PK';

test('--docx writes the Word document where asked, and only it; -o X.docx chooses Word too', async () => {
  const source = copy('report.ogi.md');
  const r = await run('render', source, '--docx', join(dir, 'out.docx'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /out\.docx/);
  assert.ok(isDocx(join(dir, 'out.docx')));
  assert.deepEqual(readdirSync(dir).sort(), ['out.docx', 'report.ogi.md'], 'no HTML, no temporary file');
  const body = await (await openPackage(readFileSync(join(dir, 'out.docx')))).xml('word/document.xml');
  assert.match(text(body), /^某某县市场监督管理局\n2024年政府信息公开工作年度报告/);

  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'o.docx'), 'old');
  const o = await run('render', source, '-o', join(dir, 'sub', 'o.docx'));
  assert.equal(o.code, 0, o.err);
  assert.ok(isDocx(join(dir, 'sub', 'o.docx')), 'an existing file is replaced');
  assert.deepEqual(readdirSync(join(dir, 'sub')), ['o.docx']);
  // With -o X.html, --docx adds the Word document beside the page.
  const both = await run('render', source, '-o', join(dir, 'p.html'), '--docx', join(dir, 'p.docx'));
  assert.equal(both.code, 0, both.err);
  assert.ok(readFileSync(join(dir, 'p.html'), 'utf8').startsWith('<!doctype html>'));
  assert.ok(isDocx(join(dir, 'p.docx')));
});

test('--docx refuses the source itself and an unwritable place: exit 2, nothing left behind', async () => {
  const source = copy('report.ogi.md');
  const before = readFileSync(source, 'utf8');
  for (const args of [
    ['--docx', source],
    ['-o', `${dir}/./report.ogi.md`],
    ['--docx', `${dir}/./report.ogi.md`],
  ]) {
    const r = await run('render', source, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /拒绝覆盖/);
  }
  const missing = await run('render', source, '--docx', join(dir, 'no-such-dir', 'x.docx'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /无法写入/);
  assert.equal(readFileSync(source, 'utf8'), before);
  assert.deepEqual(readdirSync(dir), ['report.ogi.md']);
  assert.match((await run('render', '--help')).out, /--docx/);
});

test('the built CLI loads dist/docx.js for an export only; the server bundle does not carry the library', () => {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) assert.fail(`${cli} is missing: run \`npm run build\` first (\`npm test\` does it).`);
  const source = copy('report.ogi.md');
  const probe = (argv: string[]) => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(cli)}).main(${JSON.stringify(argv)}, { out() {}, err() {} }).then((code) =>
           console.log(JSON.stringify({ code, docx: Object.keys(require.cache).some((k) => k.endsWith('docx.js')) })))`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { code: number; docx: boolean };
  };
  assert.deepEqual(probe(['check', source]), { code: 0, docx: false });
  assert.deepEqual(probe(['render', source, '-o', join(dir, 'x.html')]), { code: 0, docx: false });
  assert.deepEqual(probe(['render', source, '--docx', join(dir, 'x.docx')]), { code: 0, docx: true });
  assert.ok(isDocx(join(dir, 'x.docx')));
  for (const bundle of ['cli.js', 'server.js']) {
    const code = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
    assert.ok(code.includes('require("./docx.js")'), `${bundle} requires the library's bundle`);
    // Two names only the library's own code has: its settings writer's and its Packer's.
    for (const marker of ['evenAndOddHeaders', 'toBase64String'])
      assert.ok(!code.includes(marker), `${bundle} carries the library itself (${marker})`);
  }
  const library = readFileSync(join(ROOT, 'dist', 'docx.js'), 'utf8');
  assert.ok(library.includes('evenAndOddHeaders') && library.includes('toBase64String'));
});

test("the library's @types/node stays its own: the project's type check resolves `node` to the project's", () => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)),
    },
  )!;
  const declarations = dirname(require.resolve('docx'));
  const ownTypes = require.resolve('@types/node/package.json');
  for (const file of ['index.d.cts', 'index.d.ts']) {
    const resolved = ts.resolveTypeReferenceDirective('node', join(declarations, file), config.options, ts.sys);
    const at = resolved.resolvedTypeReferenceDirective?.resolvedFileName;
    assert.ok(at, `${file}: /// <reference types="node" /> resolves`);
    assert.equal(dirname(at), dirname(ownTypes), `${file}: ${at}`);
  }
  // The library does bring another version of it, which is exactly what must not be picked.
  const nested = join(ROOT, 'node_modules', 'docx', 'node_modules', '@types', 'node', 'package.json');
  if (existsSync(nested))
    assert.notEqual(
      JSON.parse(readFileSync(nested, 'utf8')).version,
      JSON.parse(readFileSync(ownTypes, 'utf8')).version,
    );
});
