// `ogi-report check` over several files applies the rules across years among its inputs (FORMAT.md
// §9): the finding is at this year's cell, last year's cell — in its own file — is its related place,
// in every format; on worker threads as in one process.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, assertBuilt, lines, makeTempDir, runBin, runMain, writeFixture } from './helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const withoutMarkers = (text: string) => text.replace(/[ \t]*(?:<!--\s*expect:[^>]*-->|#\s*expect:.*)$/gm, '');
const fixture = (rel: string) => withoutMarkers(readFileSync(join(FIXTURES, rel), 'utf8'));
const LAST_YEAR = fixture('carry-over/inconsistent.years/2023.ogi.md');
const THIS_YEAR = fixture('carry-over/inconsistent.years/2024.ogi.md');
/** Zero-based line of the first line starting with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));

interface JsonEntry {
  file: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number } };
    relatedInformation?: { file?: string; range: { start: { line: number; character: number } }; message: string }[];
  }[];
}

let tmp: string;
before(() => {
  assertBuilt();
  tmp = makeTempDir();
  writeFixture(tmp, 'reports/2023/county.ogi.md', LAST_YEAR);
  writeFixture(tmp, 'reports/2024/county.ogi.md', THIS_YEAR);
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('carry-over among the inputs', () => {
  const thisFile = join('reports', '2024', 'county.ogi.md');
  const lastFile = join('reports', '2023', 'county.ogi.md');
  const carriedIn = lineOf(THIS_YEAR, '上年结转政府信息公开申请数量');
  const carriedOut = lineOf(LAST_YEAR, '结转下年度继续办理');

  test('text: at this year’s 上年结转 value, naming last year’s file; a warning, so exit 0', () => {
    const r = runBin(['check', 'reports'], { cwd: tmp });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(lines(r.stdout), [
      `${thisFile}:${carriedIn + 1}:18: warning carry-over “上年结转政府信息公开申请数量”的“自然人”为 3，而上年（2023 年度）报告 ${lastFile} 的“结转下年度继续办理”为 2，两者应相等`,
      `${thisFile}:${carriedIn + 1}:36: warning carry-over “上年结转政府信息公开申请数量”的“总计”为 4，而上年（2023 年度）报告 ${lastFile} 的“结转下年度继续办理”为 3，两者应相等`,
    ]);
    // Each alone: nothing across years.
    assert.equal(runBin(['check', join('reports', '2024')], { cwd: tmp }).stdout, '');
  });

  test('json: the related place names last year’s file and its cell', () => {
    const r = runBin(['check', '--format', 'json', 'reports'], { cwd: tmp });
    const entries = JSON.parse(r.stdout) as JsonEntry[];
    assert.deepEqual(
      entries.map((e) => e.file),
      [lastFile, thisFile],
    );
    assert.deepEqual(entries[0].diagnostics, []);
    const [first] = entries[1].diagnostics;
    assert.equal(first.code, 'carry-over');
    assert.deepEqual(first.range.start, { line: carriedIn, character: 17 });
    assert.deepEqual(first.relatedInformation, [
      {
        file: lastFile,
        range: { start: { line: carriedOut, character: 12 }, end: { line: carriedOut, character: 13 } },
        message: `上年（2023 年度）报告 ${lastFile} 中的对应数值：2`,
      },
    ]);
  });

  test('sarif: the related location is in last year’s file', () => {
    const r = runBin(['check', '--format', 'sarif', 'reports'], { cwd: tmp });
    const run = (
      JSON.parse(r.stdout) as {
        runs: {
          results: {
            ruleId: string;
            level: string;
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
            relatedLocations: {
              physicalLocation: {
                artifactLocation: { uri: string };
                region: { startLine: number; startColumn: number };
              };
            }[];
          }[];
        }[];
      }
    ).runs[0];
    assert.deepEqual(
      run.results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri]),
      [
        ['carry-over', 'warning', 'reports/2024/county.ogi.md'],
        ['carry-over', 'warning', 'reports/2024/county.ogi.md'],
      ],
    );
    const related = run.results[0].relatedLocations[0].physicalLocation;
    assert.equal(related.artifactLocation.uri, 'reports/2023/county.ogi.md');
    assert.deepEqual(related.region, {
      startLine: carriedOut + 1,
      startColumn: 13,
      endLine: carriedOut + 1,
      endColumn: 14,
    });
  });
});

test('on worker threads (60 reports) the findings across years are those of one process', async () => {
  const dir = join(tmp, 'many');
  // 30 agencies, two years each; every third agency's 2024 report does not carry on from its 2023.
  for (let i = 0; i < 30; i++) {
    const agency = (text: string) => text.replace('agency: 某某县市场监督管理局', `agency: 某某县第${i}局`);
    writeFixture(dir, `a${String(i).padStart(2, '0')}-2023.ogi.md`, agency(LAST_YEAR));
    const consistent = THIS_YEAR.replace(
      '上年结转政府信息公开申请数量: [3, 1, 0, 0, 0, 0, 4]',
      '上年结转政府信息公开申请数量: [2, 1, 0, 0, 0, 0, 3]',
    ).replace(
      '本年新收政府信息公开申请数量: [4, 0, 0, 0, 0, 0, 4]',
      '本年新收政府信息公开申请数量: [5, 0, 0, 0, 0, 0, 5]',
    );
    assert.notEqual(consistent, THIS_YEAR);
    writeFixture(dir, `a${String(i).padStart(2, '0')}-2024.ogi.md`, agency(i % 3 === 0 ? THIS_YEAR : consistent));
  }
  const spawned = runBin(['check', '--format', 'json', dir]);
  const inProcess = await runMain(['check', '--format', 'json', dir]);
  assert.equal(spawned.stdout, inProcess.out, 'workers and one process agree');
  const entries = JSON.parse(spawned.stdout) as JsonEntry[];
  assert.equal(entries.length, 60);
  const withCarryOver = entries.filter((e) => e.diagnostics.some((d) => d.code === 'carry-over'));
  assert.deepEqual(
    withCarryOver.map((e) => basename(e.file)),
    Array.from({ length: 10 }, (_, k) => `a${String(k * 3).padStart(2, '0')}-2024.ogi.md`),
  );
  assert.equal(spawned.status, 0, spawned.stderr);
  for (const e of entries)
    assert.deepEqual(
      e.diagnostics.filter((d) => d.code !== 'carry-over'),
      [],
      `${e.file}: clean apart from carry-over`,
    );
});
