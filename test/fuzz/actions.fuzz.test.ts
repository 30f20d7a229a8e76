// Nothing lost: every quick fix is one minimal edit — it changes only its own range, a replacement
// covers exactly the finding it fixes, and once applied that finding is gone.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkText, codeActions, parseReport, type Finding } from '../../server/src/service';
import type { LineIndex, Range } from '../../server/src/parse/text';

const RUNS = Math.max(50, Math.floor(Number(process.env.FUZZ_RUNS ?? 2500) / 5));
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const FIXTURES = join(__dirname, '..', 'fixtures');
const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ogi.md') ? [join(d, e.name)] : [],
  );
// Fixtures carry one defect each: a good supply of fixable findings. Their markers are comments.
const SEEDS = [...walk(EXAMPLES), ...walk(FIXTURES)].map((f) => readFileSync(f, 'utf8'));

const TOKENS = ['', '0', '~', '"/"', '7', '-1', '规范性文件', '予以公开', '总计', '  ', '\n'];
const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 4 }),
  ins: fc.constantFrom(...TOKENS),
});
const docs = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { maxLength: 3 })).map(([s, ms]) =>
  ms.reduce((t, m) => {
    const at = Math.floor(m.at * t.length);
    return t.slice(0, at) + m.ins + t.slice(at + m.del);
  }, s),
);

const offsetRange = (lines: LineIndex, r: Range) => [lines.offset(r.start), lines.offset(r.end)] as const;
const sameStart = (a: Finding, b: Finding) =>
  a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

test(`every quick fix is a minimal edit that removes its finding (${RUNS} documents)`, { timeout: 20 * 60_000 }, () => {
  let applied = 0;
  fc.assert(
    fc.property(docs, (text) => {
      const report = parseReport(text);
      const whole: Range = { start: { line: 0, character: 0 }, end: report.lines.position(report.text.length) };
      for (const action of codeActions(report, whole, 'file:///r.ogi.md', { only: ['quickfix'] })) {
        const edits = action.edit.changes['file:///r.ogi.md'];
        assert.equal(edits.length, 1, action.title);
        const [edit] = edits;
        const finding = action.diagnostics![0] as Finding;
        const [start, end] = offsetRange(report.lines, edit.range);
        if (start !== end) {
          // A replacement covers exactly the offending cell or key; a title or a row's value is
          // replaced on the finding's own line, never beyond it.
          if (['row-total', 'result-total', 'blank-cell', 'unknown-key'].includes(finding.code)) {
            // Exactly the cell or key — plus, for a quoted scalar ("/"), its quotes.
            const [fStart, fEnd] = offsetRange(report.lines, finding.range);
            const extra = report.text.slice(start, fStart) + report.text.slice(fEnd, end);
            assert.ok(
              start <= fStart && fEnd <= end && /^["']*$/.test(extra),
              `${action.title}: replaces more than its finding`,
            );
          } else
            assert.ok(
              edit.range.start.line === finding.range.start.line && edit.range.end.line === finding.range.start.line,
              `${action.title}: replaces beyond the finding's line`,
            );
        }
        const after = report.text.slice(0, start) + edit.newText + report.text.slice(end);
        // Only the edited range changed.
        assert.equal(after.slice(0, start), report.text.slice(0, start));
        assert.equal(after.slice(start + edit.newText.length), report.text.slice(end));
        if (
          [
            'row-total',
            'result-total',
            'blank-cell',
            'unknown-key',
            'section-title',
            'section-missing',
            'table-missing',
          ].includes(finding.code)
        ) {
          const left = checkText(after).filter((f) => f.code === finding.code);
          const gone =
            finding.code === 'section-missing' || finding.code === 'table-missing'
              ? left.length < checkText(report.text).filter((f) => f.code === finding.code).length
              : !left.some((f) => sameStart(f, finding) && f.message === finding.message);
          assert.ok(gone, `${action.title} did not remove ${finding.code}: ${finding.message}`);
        }
        applied++;
      }
    }),
    { numRuns: RUNS },
  );
  assert.ok(applied > 0, 'no quick fix was exercised');
});
