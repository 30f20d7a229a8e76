// `ogi-report import` and `ogi-report check` of published documents, run as a user runs them (the
// built bin): exit codes 0/1/2, the summary, atomic writes that never replace a file unasked and never
// touch the source, refusals that say what to do; check's findings located in the source.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, runBin } from '../cli/helpers';
import { FIXTURES, docxOf } from './docx';

const SEED = join(__dirname, '..', 'fixtures', 'import', 'seed', 'jingzhi-2020-report.txt');
let dir: string;
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

before(async () => {
  dir = makeTempDir();
  copyFileSync(SEED, join(dir, 'seed.txt'));
  copyFileSync(join(FIXTURES, 'cms-gbk-2021.html'), join(dir, 'cms.html'));
  copyFileSync(join(FIXTURES, 'flat-pdf-2020.txt'), join(dir, 'flat.txt'));
  writeFileSync(join(dir, 'word.docx'), await docxOf(join(FIXTURES, 'word-2021')));
  writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  writeFileSync(
    join(dir, 'empty.html'),
    '<html><body><div id="app"></div><script src="app.js"></script></body></html>',
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('ogi-report import', () => {
  test('every statutory cell read: exit 0, the .ogi.md beside the source, the summary on stdout, the source untouched', () => {
    const before = hash(join(dir, 'seed.txt'));
    const r = runBin(['import', 'seed.txt'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(hash(join(dir, 'seed.txt')), before);
    const out = readFileSync(join(dir, 'seed.ogi.md'), 'utf8');
    assert.match(out, /^---\ntemplate: ogi-annual-2019\n/);
    assert.match(r.stdout, /^seed\.txt → seed\.ogi\.md\n {2}模板：ogi-annual-2019（由表格判断）\n/);
    assert.match(r.stdout, /单元格：已读 198，空白 0，无法读取 0/);
    assert.match(r.stdout, /已写入：seed\.ogi\.md\n$/);
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  test('never over an existing file without --force; with it, replaced', () => {
    writeFileSync(join(dir, 'seed.ogi.md'), 'mine\n');
    const r = runBin(['import', 'seed.txt'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stdout, /seed\.ogi\.md：文件已存在，未覆盖（加 --force 覆盖）/);
    assert.equal(readFileSync(join(dir, 'seed.ogi.md'), 'utf8'), 'mine\n');
    assert.equal(runBin(['import', '--force', 'seed.txt'], { cwd: dir }).status, 0);
    assert.match(readFileSync(join(dir, 'seed.ogi.md'), 'utf8'), /^---\ntemplate: ogi-annual-2019/);
  });

  test('cells in doubt: exit 1, each listed with its place in the source', () => {
    const r = runBin(['import', 'flat.txt', '-o', 'out/flat.ogi.md'], { cwd: dir });
    assert.equal(r.status, 2, 'the folder of -o must exist');
    const ok = runBin(['import', 'flat.txt', '-o', 'flat-imported.ogi.md'], { cwd: dir });
    assert.equal(ok.status, 1, ok.stderr);
    assert.match(
      ok.stdout,
      /存疑 1 处：\n {4}第62行：“本年度办理结果\/无法提供\/本机关不掌握相关政府信息”有 6 个数值，应为 7 个（原文：2 0 0 0 1 3）/,
    );
    assert.ok(existsSync(join(dir, 'flat-imported.ogi.md')));
  });

  test('several sources with --out-dir, JSON summaries, the worst exit', () => {
    const r = runBin(
      ['import', '--format', 'json', '--out-dir', '.', 'cms.html', 'word.docx', 'old.doc', 'empty.html', 'missing.pdf'],
      {
        cwd: dir,
      },
    );
    assert.equal(r.status, 2);
    const entries = JSON.parse(r.stdout) as {
      source: string;
      status: string;
      exit: number;
      output?: string;
      message: string;
      summary?: { template: string };
    }[];
    assert.deepEqual(
      entries.map((e) => [e.source, e.status, e.exit]),
      [
        ['cms.html', 'imported', 0],
        ['word.docx', 'imported', 0],
        ['old.doc', 'refused', 2],
        ['empty.html', 'refused', 2],
        ['missing.pdf', 'unreadable', 2],
      ],
    );
    assert.equal(entries[1].summary?.template, 'ogi-annual-2021');
    assert.match(entries[2].message, /另存为” \.docx/);
    assert.match(entries[3].message, /由脚本加载/);
    assert.ok(
      !existsSync(join(dir, 'old.ogi.md')) && !existsSync(join(dir, 'empty.ogi.md')),
      'nothing written for a refused source',
    );
  });

  test('bad usage: exit 2 with the usage', () => {
    for (const args of [
      ['import'],
      ['import', '-o', 'x.ogi.md', 'a.txt', 'b.txt'],
      ['import', '--year', '20x', 'a.txt'],
      ['import', '--template', 'nope', 'a.txt'],
      ['import', '--format', 'xml', 'a.txt'],
    ]) {
      const r = runBin(args, { cwd: dir });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /用法：ogi-report import/);
    }
  });

  test('--template, --agency and --year override what the document says', () => {
    const r = runBin(
      [
        'import',
        '--template',
        'ogi-annual-2021',
        '--agency',
        '某某局',
        '--year',
        '2021',
        '-o',
        'forced.ogi.md',
        'seed.txt',
      ],
      { cwd: dir },
    );
    assert.equal(r.status !== 2, true, r.stdout);
    assert.match(
      readFileSync(join(dir, 'forced.ogi.md'), 'utf8'),
      /^---\ntemplate: ogi-annual-2021\nagency: 某某局\nyear: 2021\n/,
    );
  });
});

describe('ogi-report check of published documents', () => {
  test('text output: each finding also names its place in the source', () => {
    const r = runBin(['check', 'cms.html', 'flat.txt', 'word.docx'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(
      lines.includes(
        'cms.html:74:27: error row-total “本年度办理结果总计”的总计应为 29（24+3+0+1+1+0），实际填写 31（原文表2 第27行 第10列）',
      ),
      r.stdout,
    );
    assert.ok(lines.some((l) => /^cms\.html:58:16: warning blank-cell .*（原文表2 第14行 第4列）$/.test(l)));
    assert.ok(
      lines.some((l) => /^cms\.html:39:13: error invalid-value .*3\.75万元.*（原文表1 第14行 第2列）$/.test(l)),
    );
    assert.ok(lines.some((l) => /^flat\.txt:49:5: error unknown-key .*（原文第54行）$/.test(l)));
    assert.ok(lines.some((l) => /^word\.docx:\d+:\d+: error row-total “行政复议”.*（原文表3 第4行 第5列）$/.test(l)));
  });

  test('JSON: sourceLocation and sourceText beside the imported text’s range', () => {
    const r = runBin(['check', '--format', 'json', 'word.docx'], { cwd: dir });
    const [entry] = JSON.parse(r.stdout);
    const total = entry.diagnostics.find((d: any) => d.code === 'row-total');
    assert.deepEqual(total.sourceLocation, { table: 3, row: 4, column: 5 });
    assert.equal(total.sourceText, '表3 第4行 第5列');
    assert.ok(total.range.start.line > 0);
  });

  test('SARIF: the source file, its line where it has lines, and the place as a logical location', () => {
    const r = runBin(['check', '--format', 'sarif', 'cms.html', 'word.docx'], { cwd: dir });
    const results = JSON.parse(r.stdout).runs[0].results;
    const html = results.find(
      (x: any) => x.ruleId === 'row-total' && x.locations[0].physicalLocation.artifactLocation.uri === 'cms.html',
    );
    assert.ok(html.locations[0].physicalLocation.region.startLine > 40, 'the cell’s line in the page');
    assert.equal(html.locations[0].logicalLocations[0].fullyQualifiedName, '表2 第27行 第10列');
    assert.deepEqual(html.properties.sourceLocation.table, 2);
    const word = results.find((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === 'word.docx');
    assert.equal(word.locations[0].physicalLocation.region, undefined, 'a Word file has no lines');
  });

  test('a source that cannot be imported is an input problem (exit 2); the others are still checked', () => {
    const r = runBin(['check', 'old.doc', 'cms.html'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /old\.doc：这是旧版 Word\/WPS 二进制文件/);
    assert.match(r.stdout, /^cms\.html:/m);
  });

  test('a folder: its reports, and its published documents without an .ogi.md beside them', () => {
    const sub = join(dir, 'folder');
    const r0 = runBin(['import', '--out-dir', '.', 'seed.txt', '-f', 'json'], { cwd: dir });
    assert.ok(r0.status !== null);
    mkdirSync(sub, { recursive: true });
    copyFileSync(join(dir, 'cms.html'), join(sub, 'a.html'));
    copyFileSync(join(dir, 'cms.html'), join(sub, 'b.html'));
    writeFileSync(join(sub, 'b.ogi.md'), readFileSync(join(dir, 'seed.ogi.md')));
    writeFileSync(join(sub, 'notes.txt'), 'not a report');
    const r = runBin(['check', '--format', 'json', 'folder'], { cwd: dir });
    assert.deepEqual(
      JSON.parse(r.stdout).map((e: any) => e.file),
      [join('folder', 'a.html'), join('folder', 'b.ogi.md')],
    );
  });
});
