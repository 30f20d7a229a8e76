// Every input gets an answer in every format (FORMAT.md §7): a report with a stray NUL, an invalid
// UTF-8 byte, in GBK or in UTF-16 is checked, with one `encoding` finding at the first bad byte (or
// where the other encoding first shows) and its other findings as usual; a file that is not text is
// answered with its reason in text (stderr), JSON and SARIF.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLEAN_2021, gbkBytes, withBytes } from '../encodings';
import { PNG_BYTES, TEXT_LINE, assertBuilt, lines, makeTempDir, runBin, writeFixture } from './helpers';

let tmp: string;
const nul = withBytes(CLEAN_2021, '全年通过', [0]);
const badByte = withBytes(CLEAN_2021, '全年通过', [0xff]);
/** Where `全年通过` starts (zero-based line and UTF-16 column), where the NUL and the bad byte sit. */
const lineIndex = CLEAN_2021.split('\n').findIndex((l) => l.includes('全年通过'));
const at = { line: lineIndex, character: CLEAN_2021.split('\n')[lineIndex].indexOf('全年通过') };
/** Where GBK first shows: the agency's first character in the front matter. */
const gbkAt = { line: 1, character: 'agency: '.length };

const FILES = {
  'a-nul.ogi.md': () => nul.bytes,
  'b-bad-byte.ogi.md': () => badByte.bytes,
  'c-gbk.ogi.md': () => gbkBytes(CLEAN_2021),
  'd-utf16.ogi.md': () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_2021, 'utf16le')]),
  'e-image.ogi.md': () => PNG_BYTES,
} as const;
const EXPECTED = {
  'a-nul.ogi.md': { at, message: `文件第 ${nul.offset} 字节处有一个 NUL 字节（0x00）：` },
  'b-bad-byte.ogi.md': {
    at,
    message: `文件第 ${badByte.offset} 字节处的 0xFF 不是有效的 UTF-8 字节（已按 U+FFFD 读取）`,
  },
  'c-gbk.ogi.md': { at: gbkAt, message: '文件以 GB18030 编码保存，已按该编码读取' },
  'd-utf16.ogi.md': { at: gbkAt, message: '文件以 UTF-16LE 编码保存，已按该编码读取' },
} as const;
const readable = Object.keys(EXPECTED) as (keyof typeof EXPECTED)[];

before(() => {
  assertBuilt();
  tmp = makeTempDir();
  for (const [name, bytes] of Object.entries(FILES)) writeFixture(tmp, join('in', name), bytes());
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const run = (format: string) => runBin(['check', '--format', format, 'in'], { cwd: tmp });

describe('text', () => {
  test('each report: one encoding warning at its first bad byte and nothing else; the image named on stderr', () => {
    const r = run('text');
    assert.equal(r.status, 2, 'an input could not be read');
    const out = lines(r.stdout).map((l) => TEXT_LINE.exec(l)!);
    assert.deepEqual(
      out.map((m) => [m[1], Number(m[2]) - 1, Number(m[3]) - 1, m[4], m[5]]),
      readable.map((name) => [
        join('in', name),
        EXPECTED[name].at.line,
        EXPECTED[name].at.character,
        'warning',
        'encoding',
      ]),
    );
    out.forEach((m, i) => assert.ok(m[6].startsWith(EXPECTED[readable[i]].message), m[6]));
    assert.deepEqual(lines(r.stderr), [
      `${join('in', 'e-image.ogi.md')}：不是文本文件（内容是二进制数据）`,
      '4 个文件：0 个错误，4 个警告',
    ]);
  });

  test('in English too, the other encoding is named with how to convert', () => {
    const r = runBin(['check', '--locale', 'en', join('in', 'c-gbk.ogi.md')], { cwd: tmp });
    assert.match(r.stdout, /warning encoding The file is encoded in GB18030 .*iconv -f GB18030 -t UTF-8/);
  });
});

describe('json', () => {
  test('every input has its entry: the reports with their encoding finding, the image with its reason', () => {
    const r = run('json');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `${join('in', 'e-image.ogi.md')}：不是文本文件（内容是二进制数据）\n`);
    const entries = JSON.parse(r.stdout) as {
      file: string;
      diagnostics: { code: string; range: { start: object } }[];
      error?: object;
    }[];
    assert.deepEqual(
      entries.map((e) => e.file),
      Object.keys(FILES).map((name) => join('in', name)),
    );
    readable.forEach((name, i) => {
      assert.deepEqual(
        entries[i].diagnostics.map((d) => [d.code, d.range.start]),
        [['encoding', EXPECTED[name].at]],
        name,
      );
      assert.equal(entries[i].error, undefined);
    });
    assert.deepEqual(entries[4], {
      file: join('in', 'e-image.ogi.md'),
      diagnostics: [],
      error: { reason: 'binary', message: `${join('in', 'e-image.ogi.md')}：不是文本文件（内容是二进制数据）` },
    });
  });
});

describe('sarif', () => {
  test('the encoding findings as results, the image as a tool notification about that file', () => {
    const r = run('sarif');
    assert.equal(r.status, 2);
    const log = JSON.parse(r.stdout) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
          }[];
        }[];
        invocations: {
          executionSuccessful: boolean;
          toolExecutionNotifications: {
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
            properties: { reason: string };
          }[];
        }[];
      }[];
    };
    const [sarifRun] = log.runs;
    assert.deepEqual(
      sarifRun.results.map((x) => [
        x.ruleId,
        x.locations[0].physicalLocation.artifactLocation.uri,
        x.locations[0].physicalLocation.region.startLine,
        x.locations[0].physicalLocation.region.startColumn,
      ]),
      readable.map((name) => ['encoding', `in/${name}`, EXPECTED[name].at.line + 1, EXPECTED[name].at.character + 1]),
    );
    const [invocation] = sarifRun.invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications.map((n) => [
        n.message.text,
        n.locations[0].physicalLocation.artifactLocation.uri,
        n.properties.reason,
      ]),
      [[`${join('in', 'e-image.ogi.md')}：不是文本文件（内容是二进制数据）`, 'in/e-image.ogi.md', 'binary']],
    );
  });
});
