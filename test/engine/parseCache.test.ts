// Parsing is pure: the Markdown chunk cache is the host's, passed to parseReport, and holds exactly the
// chunks of the last parse made with it; nothing is written onto a report once parsed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkReport, ParseCache, parseReport, type ParseOptions, type Report } from '../../server/src/service';
import { parsedTables } from '../../server/src/parse/report';

const FRONT = '---\nagency: 某某县市场监督管理局\nyear: 2024\nissued: 2025-01-20\n---\n';
// Each a chunk of its own: the body is split at the headings (none inside a fence).
const CHUNKS = [
  '## 一、总体情况\n\n本年度主动公开政府信息1268条。\n\n',
  '## 二、主动公开政府信息情况\n\n```yaml\n第二十条第（一）项:\n  规章: [0, 0, 0]\n# 注释\n```\n\n',
  '## 三、收到和处理政府信息公开申请情况\n\n本年度新收申请48件。\n\n| 项目 | 数量 |\n| --- | --- |\n| 予以公开 | 21 |\n',
];
const model = (r: Report) =>
  JSON.stringify({
    h: r.headings,
    f: r.fences,
    p: r.paragraphs,
    t: r.mdTables,
    s: r.sections.map((s) => [s.number, s.start, s.end, s.table?.fence.start]),
  });

test('the cache keeps the last parse’s chunks only, and an edit parses only the chunk it touches', () => {
  const cache = new ParseCache();
  const options: ParseOptions = { cache, chunkAbove: 0 };
  const text = FRONT + CHUNKS.join('');
  assert.equal(model(parseReport(text, options)), model(parseReport(text)));
  assert.equal(cache.size, 3);
  const [first, second, third] = CHUNKS.map((c) => cache.get(c));
  assert.ok(first && second && third);

  // The second section edited, lines added before the third: the first and third chunks' records are
  // the cached ones (the same objects), read at the third's new place.
  const edited = CHUNKS[1].replace('规章: [0, 0, 0]', '规章: [1, 0, 0]\n  行政规范性文件: [2, 1, 6]');
  const next = FRONT + CHUNKS[0] + edited + CHUNKS[2];
  const report = parseReport(next, options);
  assert.equal(model(report), model(parseReport(next)));
  assert.deepEqual(checkReport(report), checkReport(parseReport(next)));
  assert.equal(cache.get(CHUNKS[0]), first);
  assert.equal(cache.get(CHUNKS[2]), third);
  assert.notEqual(cache.get(edited), undefined);
  assert.equal(cache.get(CHUNKS[1]), undefined, 'the replaced chunk is dropped');
  assert.equal(cache.size, 3);

  // A short text is parsed whole by default: nothing of it is cached, nor anything before it.
  parseReport(text, { cache });
  assert.equal(cache.size, 0);
});

test('caches are independent and parsing without one keeps nothing', () => {
  const a = new ParseCache(),
    b = new ParseCache();
  const textA = FRONT + CHUNKS.join('');
  const textB = FRONT + CHUNKS[2];
  parseReport(textA, { cache: a, chunkAbove: 0 });
  parseReport(textB, { cache: b, chunkAbove: 0 });
  parseReport(textB, { chunkAbove: 0 });
  assert.equal(a.size, 3);
  assert.equal(b.size, 1);
  assert.ok(CHUNKS.every((c) => a.get(c)));
});

test('a report is not written to once parsed: checking it adds no field, parsedTables is recomputed', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.ogi.md'), 'utf8');
  const report = parseReport(text);
  const keys = (o: object) => Object.keys(o).sort();
  const before = { report: keys(report), sections: report.sections.map(keys) };
  checkReport(report);
  const tables = parsedTables(report);
  assert.equal(tables.length, 3);
  assert.notEqual(parsedTables(report), tables, 'computed on each call, not kept');
  assert.deepEqual(parsedTables(report), tables);
  assert.deepEqual({ report: keys(report), sections: report.sections.map(keys) }, before);
});
