// Property tests: mutated and generated reports never make the engine throw, every answer's ranges
// lie inside the document, and every file is answered within a stated bound.
// `npm test` runs a few thousand cases; `npm run fuzz` runs 100 000 (FUZZ_RUNS).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkReport,
  codeActions,
  complete,
  documentSymbols,
  foldingRanges,
  hover,
  inlayHints,
  ParseCache,
  parseReport,
  type ParseOptions,
} from '../../server/src/service';
import { LineIndex, type Range } from '../../server/src/parse/text';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
/** Stated bound per document for parse + check + every feature, far above the measured ~5 ms. */
const BOUND_MS = 3000;
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SEEDS = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.ogi.md'))
  .map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

const PIECES = [
  '---',
  '```yaml',
  '```',
  '\n',
  '\r\n',
  ': ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '- ',
  '#',
  '## ',
  '&a ',
  '*a',
  '!!binary ',
  '? ',
  '|',
  '>',
  '"',
  "'",
  '~',
  'null',
  '-1',
  '1.5',
  '99999999999999999999',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '\t',
  '总计',
  '予以公开',
  '其中',
  '共',
  '件',
  '本年度办理结果:',
  '  不予公开:',
  '行政复议',
  '一、总体情况',
  '三、收到和处理政府信息公开申请情况',
  '（一）',
  '<script>',
  '收到申请5件',
];

const junk = fc.oneof(
  fc.constantFrom(...PIECES),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

type Edit = { at: number; del: number; ins: string };
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 200 }),
  ins: fc.array(junk, { maxLength: 5 }).map((a) => a.join('')),
});

function applyEdits(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    t = t.slice(0, at) + e.ins + t.slice(at + e.del);
  }
  return t;
}

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([s, edits]) => applyEdits(s, edits));
const truncated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([s, f]) => s.slice(0, Math.floor(s.length * f)));
const generated = fc.array(junk, { maxLength: 200 }).map((a) => a.join(''));
const document = fc.oneof(
  { weight: 5, arbitrary: mutated },
  { weight: 2, arbitrary: truncated },
  { weight: 2, arbitrary: generated },
);

function assertInside(lines: LineIndex, range: Range, what: string) {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} of ${lines.lineCount}`);
    const length = lines.lineEnd(p.line) - lines.lineStarts[p.line];
    assert.ok(
      p.character >= 0 && p.character <= length,
      `${what}: character ${p.character} > ${length} on line ${p.line}`,
    );
  }
  assert.ok(
    range.start.line < range.end.line ||
      (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: inverted range`,
  );
}

/** Runs every engine entry point on a text; asserts ranges and the time bound. */
function exercise(text: string, cursor: number) {
  const started = performance.now();
  const report = parseReport(text);
  const lines = report.lines;
  const whole: Range = { start: { line: 0, character: 0 }, end: lines.position(report.text.length) };
  for (const f of checkReport(report)) {
    assertInside(lines, f.range, f.code);
    for (const r of f.relatedInformation ?? []) assertInside(lines, r.range, `${f.code} related`);
  }
  const position = lines.position(Math.floor(cursor * report.text.length));
  for (const item of complete(report, position))
    if (item.textEdit) assertInside(lines, item.textEdit.range, 'completion');
  const h = hover(report, position);
  if (h) assertInside(lines, h.range, 'hover');
  for (const a of codeActions(report, whole, 'file:///x.ogi.md'))
    for (const e of Object.values(a.edit.changes).flat()) assertInside(lines, e.range, a.title);
  const visit = (symbols: ReturnType<typeof documentSymbols>) =>
    symbols.forEach((s) => {
      assertInside(lines, s.range, 'symbol');
      assertInside(lines, s.selectionRange, 'symbol selection');
      visit(s.children);
    });
  visit(documentSymbols(report));
  for (const f of foldingRanges(report))
    assert.ok(f.startLine < f.endLine && f.endLine < lines.lineCount, 'folding range');
  for (const hint of inlayHints(report))
    assertInside(lines, { start: hint.position, end: hint.position }, 'inlay hint');
  const elapsed = performance.now() - started;
  assert.ok(elapsed < BOUND_MS, `took ${elapsed.toFixed(0)} ms (bound ${BOUND_MS} ms) on ${text.length} characters`);
}

test(`engine never throws and keeps ranges inside the document (${RUNS} cases)`, { timeout: 30 * 60_000 }, () => {
  fc.assert(
    fc.property(document, fc.double({ min: 0, max: 1, noNaN: true }), (text, cursor) => exercise(text, cursor)),
    { numRuns: RUNS },
  );
});

test('hostile payloads: alias bombs, deep nesting, huge numbers, NUL, long lines', { timeout: 10 * 60_000 }, () => {
  const head =
    '---\nagency: x\nyear: 2024\nissued: 2025-01-20\n---\n\n## 三、收到和处理政府信息公开申请情况\n\n```yaml\n';
  const payloads = [
    `a: &a [1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b]\n本年新收政府信息公开申请数量: [*c,*c,*c,*c,*c,*c,*c]`,
    `本年度办理结果:${'\n  x:'.repeat(1)}${'['.repeat(10_000)}`,
    `本年新收政府信息公开申请数量: [${'9'.repeat(400)}, 1e308, -0, 0x10, .5, 1_000, NaN, .inf]`,
    `本年新收政府信息公开申请数量: [\u0000, "\u0000", 0]\n\u0000: 1`,
    `${'予以公开'.repeat(300_000)}: [0]`,
  ];
  for (const p of payloads) for (const cursor of [0, 0.5, 0.99]) exercise(`${head}${p}\n\`\`\`\n`, cursor);
});

test(
  `chunked, cached Markdown parsing finds exactly what a whole cold parse finds (${RUNS} cases)`,
  { timeout: 30 * 60_000 },
  () => {
    // One cache through all the cases, as a document's through its edits: a case's first parse reuses
    // the chunks the case before left that it shares (the seeds' unmutated sections), its second
    // parse reuses all of its own.
    const cached: ParseOptions = { cache: new ParseCache(), chunkAbove: 0 }; // split every report, however short
    const whole: ParseOptions = { chunkAbove: Infinity }; // one markdown-it parse of the body, nothing cached
    const findings = (text: string, options: ParseOptions) =>
      checkReport(parseReport(text, options)).map(
        (f) =>
          `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.code} ${f.message}`,
      );
    const model = (text: string, options: ParseOptions) => {
      const r = parseReport(text, options);
      return JSON.stringify({
        h: r.headings,
        f: r.fences,
        p: r.paragraphs,
        t: r.mdTables,
        s: r.sections.map((s) => [s.number, s.start, s.end]),
      });
    };
    fc.assert(
      fc.property(document, (text) => {
        const warm = [findings(text, cached), model(text, cached)];
        assert.deepEqual([findings(text, whole), model(text, whole)], warm);
      }),
      { numRuns: RUNS },
    );
  },
);
