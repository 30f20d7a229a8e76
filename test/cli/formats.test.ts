// The three output formats of `ogi-report check`: text (`file:line:col: severity code message`, 1-based),
// json (FORMAT.md §7, zero-based LSP ranges) and SARIF 2.1.0 (validated against the official schema).
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  CLEAN,
  CODES,
  JINGZHI,
  ROOT,
  TEXT_LINE,
  WRONG_TOTAL_COL,
  WRONG_TOTAL_LINE,
  assertBuilt,
  lines,
  makeTempDir,
  readRepoFile,
  runBin,
  writeFixture,
  wrongTotalReport,
} from './helpers';

interface Position {
  line: number;
  character: number;
}
interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
  relatedInformation?: { file?: string; range: { start: Position; end: Position }; message: string }[];
}
interface JsonFile {
  file: string;
  diagnostics: JsonDiagnostic[];
}

const jingzhiLines = readRepoFile(JINGZHI).split('\n');

let tmp: string;
let wrongTotal: string;
before(() => {
  assertBuilt();
  tmp = makeTempDir();
  wrongTotal = writeFixture(tmp, 'wrong-total.ogi.md', wrongTotalReport());
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function checkJson(...paths: string[]): { status: number | null; files: JsonFile[] } {
  const r = runBin(['check', '--format', 'json', ...paths]);
  assert.equal(r.stderr, '', 'json output prints no summary on stderr');
  return { status: r.status, files: JSON.parse(r.stdout) as JsonFile[] };
}

describe('text format', () => {
  test('every stdout line is `file:line:col: severity code message`', () => {
    const r = runBin(['check', JINGZHI, wrongTotal]);
    const out = lines(r.stdout);
    assert.deepEqual(new Set(out.map((l) => TEXT_LINE.exec(l)?.[1])), new Set([JINGZHI, wrongTotal]));
    for (const l of out) {
      const m = TEXT_LINE.exec(l);
      assert.ok(m, `not a finding line: ${l}`);
      assert.ok((CODES as readonly string[]).includes(m[5]), `unknown code in: ${l}`);
      assert.ok(Number(m[2]) >= 1 && Number(m[3]) >= 1, `line and column are 1-based: ${l}`);
    }
  });

  test('the section-title finding of the seed is at 147:1, the line of the non-statutory 五 heading', () => {
    assert.equal(jingzhiLines[147 - 1], '## 五、存在的问题及改进情况');
    const r = runBin(['check', JINGZHI]);
    assert.ok(
      lines(r.stdout).includes(
        `${JINGZHI}:147:1: warning section-title 章节标题“五、存在的问题及改进情况”与法定表述不一致，应为“五、存在的主要问题及改进情况”`,
      ),
      r.stdout,
    );
  });

  test('text line:col are the json range start plus one, finding for finding', () => {
    const text = lines(runBin(['check', JINGZHI, wrongTotal]).stdout).map((l) => TEXT_LINE.exec(l)!);
    const json = checkJson(JINGZHI, wrongTotal).files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, d })));
    assert.equal(text.length, json.length);
    text.forEach((m, i) => {
      const { file, d } = json[i];
      assert.deepEqual(
        [m[1], Number(m[2]), Number(m[3]), m[4], m[5], m[6]],
        [file, d.range.start.line + 1, d.range.start.character + 1, d.severity, d.code, d.message],
      );
    });
  });
});

describe('json format', () => {
  test('one array of {file, diagnostics}; each diagnostic {code, severity, message, range}, and its related places', () => {
    const { status, files } = checkJson(CLEAN, JINGZHI);
    assert.equal(status, 0);
    assert.deepEqual(
      files.map((f) => f.file),
      [CLEAN, JINGZHI],
    );
    assert.deepEqual(files[0].diagnostics, []);
    assert.ok(files[1].diagnostics.length >= 4, 'the seed has at least the four defects of FORMAT.md §8');
    for (const f of files) assert.deepEqual(Object.keys(f).sort(), ['diagnostics', 'file']);
    for (const d of files[1].diagnostics) {
      const keys = Object.keys(d).sort();
      assert.deepEqual(
        keys.filter((k) => k !== 'relatedInformation'),
        ['code', 'message', 'range', 'severity'],
      );
      // Related places (the parts of a sum, the table's figure) in this same file: a range and a message.
      for (const r of (d as { relatedInformation?: object[] }).relatedInformation ?? [])
        assert.deepEqual(Object.keys(r).sort(), ['message', 'range']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      for (const p of [d.range.start, d.range.end]) {
        assert.deepEqual(Object.keys(p).sort(), ['character', 'line']);
        assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < jingzhiLines.length);
        assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= jingzhiLines[p.line].length);
      }
    }
  });

  test("the seed's prose-mismatch (同意公开答复 5 vs 予以公开 4) has its exact zero-based range, at the figure", () => {
    // Find the sentence in the file instead of trusting a number, then pin the number.
    const line = jingzhiLines.findIndex((l) => l.includes('同意公开答复5件'));
    const character = jingzhiLines[line].indexOf('同意公开答复5件') + '同意公开答复'.length;
    assert.equal(line, 46);
    assert.equal(character, 47);

    const d = checkJson(JINGZHI).files[0].diagnostics.filter(
      (x) => x.code === 'prose-mismatch' && x.message.includes('同意公开答复'),
    );
    assert.equal(d.length, 1);
    assert.deepEqual(d[0], {
      code: 'prose-mismatch',
      severity: 'warning',
      message: '正文称“同意公开答复”5 件，但表格中“予以公开”为 4',
      range: { start: { line: 46, character: 47 }, end: { line: 46, character: 48 } },
      relatedInformation: [
        {
          message: '表格中的对应数值',
          range: d[0].relatedInformation![0].range,
        },
      ],
    });
    const related = d[0].relatedInformation![0].range;
    assert.ok(jingzhiLines[related.start.line].startsWith('  予以公开: [4'), 'at the table figure');
    assert.equal(jingzhiLines[related.start.line].slice(related.start.character, related.end.character), '4');
    assert.equal(jingzhiLines[46].slice(47, 48), '5');
  });

  test('the section-title finding spans the heading text, zero-based', () => {
    const d = checkJson(JINGZHI).files[0].diagnostics.find((x) => x.code === 'section-title');
    assert.deepEqual(d?.range, {
      start: { line: 146, character: 0 },
      end: { line: 146, character: '## 五、存在的问题及改进情况'.length },
    });
  });

  test('an error report: severity error, range at the written 总计, exit 1', () => {
    const { status, files } = checkJson(wrongTotal);
    assert.equal(status, 1);
    assert.equal(files[0].file, wrongTotal);
    const d = files[0].diagnostics.find((x) => x.code === 'row-total');
    assert.deepEqual(d?.range, {
      start: { line: WRONG_TOTAL_LINE - 1, character: WRONG_TOTAL_COL - 1 },
      end: { line: WRONG_TOTAL_LINE - 1, character: WRONG_TOTAL_COL },
    });
    assert.equal(d?.severity, 'error');
  });

  test('`-f json` and `--format=json` are the same as `--format json`', () => {
    const long = runBin(['check', '--format', 'json', JINGZHI]).stdout;
    assert.ok(long.startsWith('['));
    assert.equal(runBin(['check', '-f', 'json', JINGZHI]).stdout, long);
    assert.equal(runBin(['check', '--format=json', JINGZHI]).stdout, long);
  });
});

describe('sarif format', () => {
  // The official SARIF 2.1.0 schema (rtm.5) as shipped by @microsoft/jest-sarif. It is written as
  // draft-04 (`$schema` draft-04, top-level `id`) but uses no keyword whose meaning changed since, so it
  // is loaded as draft-07, which ajv 8 supports natively. Its `language` pattern has a stray `]` that is
  // an error under the `u` flag, so patterns are compiled as plain (non-unicode) regular expressions.
  const schemaPath = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  const { $schema: _draft04, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile({ ...rest, $id: String(id) });

  interface SarifLog {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
      invocations: {
        executionSuccessful: boolean;
        toolExecutionNotifications: { level: string; message: { text: string } }[];
      }[];
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId?: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
          };
        }[];
      }[];
    }[];
  }

  function sarif(args: string[], cwd?: string): { status: number | null; log: SarifLog; stderr: string } {
    const r = runBin(['check', '--format', 'sarif', ...args], { cwd });
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), `not valid SARIF 2.1.0:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    return { status: r.status, log, stderr: r.stderr };
  }

  test('the validator itself rejects broken SARIF (so a pass means something)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
    assert.equal(
      validate({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
      }),
      false,
    );
  });

  test('valid SARIF 2.1.0; the driver lists all 17 codes as rules', () => {
    const { status, log } = sarif([JINGZHI, CLEAN]);
    assert.equal(status, 0);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'ogi-report');
    assert.deepEqual(driver.rules.map((r) => r.id).sort(), [...CODES].sort());
    assert.equal(driver.rules.find((r) => r.id === 'row-total')?.defaultConfiguration.level, 'error');
    assert.equal(driver.rules.find((r) => r.id === 'prose-mismatch')?.defaultConfiguration.level, 'warning');
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });

  test('results carry ruleId, ruleIndex, level and a location with region startLine/startColumn (1-based)', () => {
    const { log } = sarif([JINGZHI]);
    const run = log.runs[0];
    assert.equal(run.results.length, checkJson(JINGZHI).files[0].diagnostics.length);
    for (const res of run.results) {
      assert.ok((CODES as readonly string[]).includes(res.ruleId));
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.equal(res.level, 'warning');
      assert.ok(res.message.text.length > 0);
      assert.equal(res.locations.length, 1);
      const { artifactLocation, region } = res.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'examples/jingzhi-2020.ogi.md', uriBaseId: '%SRCROOT%' });
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    }
    const title = run.results.find((r) => r.ruleId === 'section-title');
    assert.deepEqual(title?.locations[0].physicalLocation.region, {
      startLine: 147,
      startColumn: 1,
      endLine: 147,
      endColumn: 16,
    });
    const prose = run.results.find((r) => r.ruleId === 'prose-mismatch' && r.message.text.includes('同意公开答复'));
    assert.deepEqual(prose?.locations[0].physicalLocation.region, {
      startLine: 47,
      startColumn: 48,
      endLine: 47,
      endColumn: 49,
    });
  });

  test('an error finding has level error; a file outside the working directory gets an absolute file: URI', () => {
    const { status, log } = sarif([wrongTotal]);
    assert.equal(status, 1);
    const res = log.runs[0].results.find((r) => r.ruleId === 'row-total');
    assert.equal(res?.level, 'error');
    assert.deepEqual(res?.locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(wrongTotal).href });
    assert.equal(res?.locations[0].physicalLocation.region.startLine, WRONG_TOTAL_LINE);
    assert.equal(res?.locations[0].physicalLocation.region.startColumn, WRONG_TOTAL_COL);
  });

  test('relative paths become percent-encoded URI references with forward slashes', () => {
    const dir = join(tmp, 'encoded');
    writeFixture(dir, '年报 2020/景芝镇#1.ogi.md', readRepoFile(JINGZHI));
    const { log } = sarif(['年报 2020'], dir);
    const uris = new Set(
      log.runs[0].results.map((r) => JSON.stringify(r.locations[0].physicalLocation.artifactLocation)),
    );
    assert.deepEqual(
      [...uris],
      [
        JSON.stringify({
          uri: `${encodeURIComponent('年报 2020')}/${encodeURIComponent('景芝镇#1.ogi.md')}`,
          uriBaseId: '%SRCROOT%',
        }),
      ],
    );
  });

  test('an unreadable input: still valid SARIF, execution unsuccessful, a notification naming the path; exit 2', () => {
    const missing = join(tmp, 'gone.ogi.md');
    const { status, log, stderr } = sarif([JINGZHI, missing]);
    assert.equal(status, 2);
    assert.equal(log.runs[0].results.length, checkJson(JINGZHI).files[0].diagnostics.length);
    assert.ok(log.runs[0].results.length > 0);
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.deepEqual(
      inv.toolExecutionNotifications.map((n) => [n.level, n.message.text]),
      [['error', `${missing}：无法读取（ENOENT）`]],
    );
    // The notification is about that file, with the reason as data.
    const notification = inv.toolExecutionNotifications[0] as unknown as {
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      properties: { reason: string };
    };
    assert.deepEqual(notification.locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(missing).href });
    assert.equal(notification.properties.reason, 'ENOENT');
    assert.match(stderr, /gone\.ogi\.md：无法读取（ENOENT）/);
  });
});
