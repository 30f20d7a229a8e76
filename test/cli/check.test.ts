// `ogi-report check`: exit codes (FORMAT.md §7: 0 no errors, 1 errors, 2 bad usage / unreadable input)
// and what goes to stdout vs stderr, by running the built bin (bin/ogi-report.js → dist/cli.js).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CLEAN,
  JINGZHI,
  PNG_BYTES,
  ROOT,
  TEXT_LINE,
  WRONG_TOTAL_COL,
  WRONG_TOTAL_LINE,
  assertBuilt,
  lines,
  makeTempDir,
  readRepoFile,
  runBin,
  runMain,
  summaryOf,
  writeFixture,
  wrongTotalReport,
} from './helpers';

const SECTION_TITLE_LINE = `${JINGZHI}:147:1: warning section-title 章节标题“五、存在的问题及改进情况”与法定表述不一致，应为“五、存在的主要问题及改进情况”`;

let tmp: string;
let wrongTotal: string; // a report with one error (row-total) and one warning
let png: string; // an explicit non-UTF-8 file
let nulFile: string; // valid UTF-8, but binary (nothing but NUL bytes)
let noReportsDir: string; // a folder with files, none of them *.ogi.md
let missing: string;

before(() => {
  assertBuilt();
  tmp = makeTempDir();
  wrongTotal = writeFixture(tmp, 'wrong-total.ogi.md', wrongTotalReport());
  png = writeFixture(tmp, 'logo.png', PNG_BYTES);
  nulFile = writeFixture(tmp, 'zeros.ogi.md', new Uint8Array(64));
  noReportsDir = join(tmp, 'no-reports');
  writeFixture(noReportsDir, 'README.md', '# not a report\n');
  writeFixture(noReportsDir, 'sub/report.ogi.txt', '---\nagency: x\n---\n');
  missing = join(tmp, 'does-not-exist.ogi.md');
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('exit 0: no errors', () => {
  test('a clean report: no findings, exit 0, summary on stderr', () => {
    const r = runBin(['check', CLEAN]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '1 个文件：0 个错误，0 个警告\n');
  });

  test('a report with only warnings: findings printed, still exit 0', () => {
    const r = runBin(['check', JINGZHI]);
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.ok(out.length >= 4, 'the seed has at least the four defects of FORMAT.md §8');
    for (const l of out) assert.match(l, /^examples\/jingzhi-2020\.ogi\.md:\d+:\d+: warning /, l);
    assert.ok(out.includes(SECTION_TITLE_LINE), r.stdout);
    assert.equal(r.stderr, summaryOf(out, 1));
    assert.match(r.stderr, /^1 个文件：0 个错误，[1-9]\d* 个警告\n$/);
  });

  test('--version prints the package version; --help prints usage; both exit 0', () => {
    const { version } = JSON.parse(readRepoFile('package.json')) as { version: string };
    const v = runBin(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `${version}\n`);
    const h = runBin(['check', '--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /ogi-report check \[--format text\|json\|sarif\]/);
  });
});

describe('exit 1: errors found', () => {
  test('a wrong 总计: the row-total error is printed at the written total, exit 1', () => {
    const r = runBin(['check', wrongTotal]);
    assert.equal(r.status, 1, r.stderr);
    const out = lines(r.stdout);
    assert.ok(
      out.includes(
        `${wrongTotal}:${WRONG_TOTAL_LINE}:${WRONG_TOTAL_COL}: error row-total “行政复议”的总计应为 3（1+0+1+1），实际填写 4`,
      ),
      r.stdout,
    );
    assert.equal(out.filter((l) => / error /.test(l)).length, 1, 'exactly one error: the wrong total');
    assert.equal(r.stderr, summaryOf(out, 1));
  });

  test('one erroneous report among clean ones makes the run exit 1', () => {
    const r = runBin(['check', CLEAN, wrongTotal, JINGZHI]);
    assert.equal(r.status, 1, r.stderr);
    const files = new Set(lines(r.stdout).map((l) => TEXT_LINE.exec(l)?.[1]));
    assert.deepEqual([...files].sort(), [JINGZHI, wrongTotal].sort());
    assert.equal(r.stderr, summaryOf(lines(r.stdout), 3));
  });
});

describe('exit 2: bad usage', () => {
  const cases: { name: string; args: string[]; stderr: RegExp }[] = [
    { name: 'unknown flag', args: ['check', '--bogus', JINGZHI], stderr: /参数错误：.*--bogus/ },
    {
      name: 'unknown --format',
      args: ['check', '--format', 'xml', JINGZHI],
      stderr: /参数错误：--format xml\n用法：ogi-report check/,
    },
    { name: '--format without a value', args: ['check', JINGZHI, '--format'], stderr: /参数错误：.*--format/ },
    { name: 'no paths', args: ['check'], stderr: /^用法：ogi-report check \[--format text\|json\|sarif\]/ },
    { name: 'no paths, only options', args: ['check', '--format', 'json'], stderr: /^用法：ogi-report check/ },
    { name: 'unknown command', args: ['lint', JINGZHI], stderr: /参数错误：未知的命令“lint”/ },
  ];
  for (const c of cases) {
    test(`${c.name}: exit 2, message on stderr, nothing checked`, () => {
      const r = runBin(c.args);
      assert.equal(r.status, 2, `${c.args.join(' ')} → ${r.status}\n${r.stderr}`);
      assert.match(r.stderr, c.stderr);
      assert.equal(r.stdout, '', 'no findings may be printed on bad usage');
    });
  }

  test('no arguments at all: exit 2 and the usage', () => {
    const r = runBin([]);
    assert.equal(r.status, 2);
    assert.match(r.stdout + r.stderr, /ogi-report check \[--format text\|json\|sarif\]/);
  });
});

describe('exit 2: unreadable input, named on stderr', () => {
  const cases: { name: string; path: () => string; message: (p: string) => string }[] = [
    { name: 'nonexistent path', path: () => missing, message: (p) => `${p}：无法读取（ENOENT）` },
    {
      name: 'directory without any *.ogi.md',
      path: () => noReportsDir,
      message: (p) => `${p}：目录中没有 *.ogi.md 报告`,
    },
    { name: 'binary (non-UTF-8) file', path: () => png, message: (p) => `${p}：不是文本文件（内容是二进制数据）` },
    {
      name: 'binary file that is valid UTF-8 (nothing but NUL bytes)',
      path: () => nulFile,
      message: (p) => `${p}：不是文本文件（内容是二进制数据）`,
    },
  ];
  for (const c of cases) {
    test(`${c.name}: exit 2 with a message naming the path`, () => {
      const p = c.path();
      const r = runBin(['check', p]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(lines(r.stderr)[0], c.message(p));
      assert.equal(lines(r.stderr)[1], '0 个文件：0 个错误，0 个警告');
    });
  }

  test('several inputs: the readable ones are still checked and printed; each bad one is named on stderr', () => {
    const alone = runBin(['check', JINGZHI]).stdout;
    const r = runBin(['check', missing, JINGZHI, noReportsDir, png, CLEAN]);
    assert.equal(r.status, 2, r.stderr);
    const out = lines(r.stdout);
    assert.equal(r.stdout, alone, 'the readable files are reported exactly as when checked alone');
    assert.ok(out.includes(SECTION_TITLE_LINE), r.stdout);
    for (const l of out) assert.match(l, TEXT_LINE);
    const err = lines(r.stderr);
    assert.ok(err.includes(`${missing}：无法读取（ENOENT）`), r.stderr);
    assert.ok(err.includes(`${noReportsDir}：目录中没有 *.ogi.md 报告`), r.stderr);
    assert.ok(err.includes(`${png}：不是文本文件（内容是二进制数据）`), r.stderr);
    assert.equal(`${err.at(-1)}\n`, summaryOf(out, 2));
    assert.doesNotMatch(r.stdout, /无法读取|不是文本文件/, 'problems must not be mixed into the findings on stdout');
  });

  test('several inputs in json: one valid JSON array, each input in order, the unreadable one with its reason', () => {
    const r = runBin(['check', '--format', 'json', JINGZHI, missing]);
    assert.equal(r.status, 2, r.stderr);
    const parsed = JSON.parse(r.stdout) as { file: string; diagnostics: unknown[]; error?: unknown }[];
    assert.deepEqual(
      parsed.map((f) => f.file),
      [JINGZHI, missing],
    );
    assert.deepEqual(parsed[1], {
      file: missing,
      diagnostics: [],
      error: { reason: 'ENOENT', message: `${missing}：无法读取（ENOENT）` },
    });
    assert.equal(parsed[0].error, undefined);
    assert.deepEqual(
      parsed[0].diagnostics,
      (JSON.parse(runBin(['check', '--format', 'json', JINGZHI]).stdout) as typeof parsed)[0].diagnostics,
    );
    assert.ok(parsed[0].diagnostics.length > 0);
    assert.equal(r.stderr, `${missing}：无法读取（ENOENT）\n`);
  });

  test('an unreadable input outranks errors found: exit 2, the errors still printed', () => {
    const r = runBin(['check', wrongTotal, missing]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stdout, new RegExp(`:${WRONG_TOTAL_LINE}:${WRONG_TOTAL_COL}: error row-total `));
    assert.match(r.stderr, /does-not-exist\.ogi\.md：无法读取/);
  });
});

describe('in-process main(argv, io)', () => {
  before(() => process.chdir(ROOT));

  test('returns the exit code and writes through io, never to the process streams', async () => {
    assert.deepEqual(await runMain(['check', CLEAN]), { code: 0, out: '', err: '1 个文件：0 个错误，0 个警告\n' });
    const bad = await runMain(['check', wrongTotal]);
    assert.equal(bad.code, 1);
    assert.match(bad.out, / error row-total /);
    const usage = await runMain(['check', '--nope']);
    assert.equal(usage.code, 2);
    assert.equal(usage.out, '');
    assert.match(usage.err, /--nope/);
    const unreadable = await runMain(['check', missing, JINGZHI]);
    assert.equal(unreadable.code, 2);
    assert.ok(lines(unreadable.out).includes(SECTION_TITLE_LINE));
    assert.match(unreadable.err, /does-not-exist\.ogi\.md：无法读取（ENOENT）/);
  });

  test('the built bin prints exactly what the source does (catches a stale dist/cli.js)', async () => {
    for (const format of ['text', 'json']) {
      const args = ['check', '--format', format, JINGZHI, wrongTotal];
      const inProcess = await runMain(args);
      const spawned = runBin(args);
      assert.equal(spawned.status, inProcess.code);
      assert.equal(
        spawned.stdout,
        inProcess.out,
        `dist/cli.js differs from server/src for --format ${format}: rebuild`,
      );
      assert.equal(spawned.stderr, inProcess.err);
    }
  });
});
