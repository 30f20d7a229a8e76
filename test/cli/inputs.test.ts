// What `ogi-report check` reads: directories searched recursively for *.ogi.md, CRLF / BOM files, and the
// message language (`--locale`, OGI_REPORT_LOCALE).
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CLEAN,
  JINGZHI,
  PNG_BYTES,
  TEXT_LINE,
  WRONG_TOTAL_COL,
  WRONG_TOTAL_LINE,
  assertBuilt,
  lines,
  makeTempDir,
  readRepoFile,
  runBin,
  summaryOf,
  writeFixture,
  wrongTotalReport,
} from './helpers';

let tmp: string;
before(() => {
  assertBuilt();
  tmp = makeTempDir();
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('directory input', () => {
  let root: string;
  before(() => {
    root = join(tmp, 'reports');
    const notAReport = '这不是报告\n'; // would give front-matter and section-missing errors if it were checked
    writeFixture(root, 'a-clean.ogi.md', readRepoFile(CLEAN));
    writeFixture(root, '2020/jingzhi.ogi.md', readRepoFile(JINGZHI));
    writeFixture(root, '2024/county/deep/wrong.ogi.md', wrongTotalReport());
    writeFixture(root, 'notes.md', notAReport);
    writeFixture(root, 'draft.ogi.md.bak', notAReport);
    writeFixture(root, 'ogi.md', notAReport);
    writeFixture(root, '2020/report.OGI.txt', notAReport);
    writeFixture(root, 'logo.png', PNG_BYTES);
    writeFixture(root, 'node_modules/pkg/readme.ogi.md', notAReport);
    writeFixture(root, '.git/x.ogi.md', notAReport);
  });

  test('finds nested *.ogi.md at any depth, in sorted order, and ignores every other file', () => {
    const r = runBin(['check', '--format', 'json', 'reports'], { cwd: tmp });
    assert.equal(r.status, 1, r.stderr); // the nested wrong-total report has an error; nothing is unreadable
    assert.equal(r.stderr, '');
    const files = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(
      files.map((f) => f.file),
      [
        join('reports', '2020', 'jingzhi.ogi.md'),
        join('reports', '2024', 'county', 'deep', 'wrong.ogi.md'),
        join('reports', 'a-clean.ogi.md'),
      ],
    );
    assert.ok(files[0].diagnostics.some((d) => d.code === 'section-title'));
    assert.ok(files[1].diagnostics.some((d) => d.code === 'row-total'));
    assert.deepEqual(files[2].diagnostics, []);
  });

  test('text output names nested files relative to the working directory', () => {
    const r = runBin(['check', 'reports'], { cwd: tmp });
    assert.equal(r.status, 1);
    assert.ok(
      lines(r.stdout).some((l) =>
        l.startsWith(
          `${join('reports', '2024', 'county', 'deep', 'wrong.ogi.md')}:${WRONG_TOTAL_LINE}:${WRONG_TOTAL_COL}: error row-total `,
        ),
      ),
      r.stdout,
    );
    assert.ok(
      lines(r.stdout).includes(
        `${join('reports', '2020', 'jingzhi.ogi.md')}:147:1: warning section-title 章节标题“五、存在的问题及改进情况”与法定表述不一致，应为“五、存在的主要问题及改进情况”`,
      ),
    );
    assert.equal(r.stderr, summaryOf(lines(r.stdout), 3));
  });

  test('the examples folder: both examples found, exit 0', () => {
    const r = runBin(['check', '--format', 'json', 'examples']);
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(files, [CLEAN, JINGZHI]);
  });

  test('a binary *.ogi.md inside a directory: the others are still checked, exit 2 naming the file', () => {
    const dir = join(tmp, 'with-binary');
    writeFixture(dir, 'good.ogi.md', readRepoFile(JINGZHI));
    const bad = writeFixture(dir, 'sub/broken.ogi.md', PNG_BYTES);
    const r = runBin(['check', dir]);
    assert.equal(r.status, 2);
    assert.ok(lines(r.stdout).length > 0);
    assert.ok(
      lines(r.stdout).every((l) => TEXT_LINE.exec(l)?.[1] === join(dir, 'good.ogi.md')),
      r.stdout,
    );
    assert.equal(lines(r.stderr)[0], `${bad}：不是文本文件（内容是二进制数据）`);
  });
});

describe('--locale en', () => {
  test('findings, summary and problems in English', () => {
    const missing = join(tmp, 'missing.ogi.md');
    const r = runBin(['check', '--locale', 'en', JINGZHI, missing]);
    assert.equal(r.status, 2);
    const out = lines(r.stdout);
    assert.ok(
      out.includes(
        `${JINGZHI}:147:1: warning section-title Section title "五、存在的问题及改进情况" differs from the statutory wording "五、存在的主要问题及改进情况"`,
      ),
      r.stdout,
    );
    assert.ok(
      out.includes(
        `${JINGZHI}:47:48: warning prose-mismatch The text states "同意公开答复" 5, but the table has 4 for "予以公开"`,
      ),
      r.stdout,
    );
    assert.deepEqual(lines(r.stderr), [
      `${missing}: cannot be read (ENOENT)`,
      `1 file(s): 0 error(s), ${out.length} warning(s)`,
    ]);
  });

  test('English messages also in json, and usage errors in English', () => {
    const json = JSON.parse(runBin(['check', '--format', 'json', '--locale', 'en', JINGZHI]).stdout) as {
      diagnostics: { code: string; message: string }[];
    }[];
    const title = json[0].diagnostics.find((d) => d.code === 'section-title');
    assert.match(title!.message, /^Section title /);
    const usage = runBin(['check', '--locale', 'en', '--format', 'xml', JINGZHI]);
    assert.equal(usage.status, 2);
    assert.equal(
      usage.stderr,
      'bad usage: --format xml\nusage: ogi-report check [--format text|json|sarif] FILE|DIR…\n',
    );
  });

  test('the default is Chinese; OGI_REPORT_LOCALE=en switches it, --locale overrides it', () => {
    const zh = runBin(['check', JINGZHI]);
    assert.match(zh.stdout, /section-title 章节标题/);
    const env = runBin(['check', JINGZHI], { env: { OGI_REPORT_LOCALE: 'en' } });
    assert.match(env.stdout, /section-title Section title /);
    const flag = runBin(['check', '--locale', 'zh-cn', JINGZHI], { env: { OGI_REPORT_LOCALE: 'en' } });
    assert.match(flag.stdout, /section-title 章节标题/);
  });
});

describe('line endings and BOM', () => {
  /** The text with a UTF-8 BOM and CRLF on every other line (LF on the rest). */
  function mixed(text: string): string {
    const ls = text.split('\n');
    return `\uFEFF${ls.map((l, i) => (i === ls.length - 1 ? l : l + (i % 2 === 0 ? '\r\n' : '\n'))).join('')}`;
  }

  function findings(path: string): string[] {
    return lines(runBin(['check', path]).stdout).map((l) => l.slice(path.length));
  }

  test('a mixed CRLF/LF file with BOM is reported at the same line:col as the LF original', () => {
    const path = writeFixture(tmp, 'crlf/jingzhi.ogi.md', mixed(readRepoFile(JINGZHI)));
    const raw = readFileSync(path);
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'fixture has a BOM');
    assert.ok(raw.includes('\r\n') && /[^\r]\n/.test(raw.toString('utf8')), 'fixture mixes CRLF and LF');

    const expected = findings(JINGZHI);
    assert.ok(expected.length > 0);
    assert.deepEqual(findings(path), expected);
    assert.ok(
      expected.includes(
        ':147:1: warning section-title 章节标题“五、存在的问题及改进情况”与法定表述不一致，应为“五、存在的主要问题及改进情况”',
      ),
    );
  });

  test("json ranges of the CRLF/BOM file equal the LF original's (no \\r inside a range)", () => {
    const path = writeFixture(tmp, 'crlf2/jingzhi.ogi.md', mixed(readRepoFile(JINGZHI)));
    const diags = (p: string) =>
      (JSON.parse(runBin(['check', '--format', 'json', p]).stdout) as { diagnostics: unknown[] }[])[0].diagnostics;
    assert.deepEqual(diags(path), diags(JINGZHI));
  });

  test('an error in an all-CRLF file with BOM: right line:col and exit 1', () => {
    const lf = writeFixture(tmp, 'lf/wrong.ogi.md', wrongTotalReport());
    const path = writeFixture(tmp, 'crlf/wrong.ogi.md', `\uFEFF${wrongTotalReport().replace(/\n/g, '\r\n')}`);
    const r = runBin(['check', path]);
    assert.equal(r.status, 1);
    const got = lines(r.stdout).map((l) => l.slice(path.length));
    assert.ok(
      got.includes(
        `:${WRONG_TOTAL_LINE}:${WRONG_TOTAL_COL}: error row-total “行政复议”的总计应为 3（1+0+1+1），实际填写 4`,
      ),
      r.stdout,
    );
    assert.deepEqual(got, findings(lf));
  });

  test('a BOM before the front matter does not hide it: a clean report with BOM and CRLF stays clean', () => {
    const path = writeFixture(tmp, 'crlf/clean.ogi.md', `\uFEFF${readRepoFile(CLEAN).replace(/\n/g, '\r\n')}`);
    const r = runBin(['check', path]);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.stdout, '');
  });
});
