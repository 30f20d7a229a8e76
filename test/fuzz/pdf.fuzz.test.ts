// Property tests of the PDF reader: mutated PDFs (bytes flipped, cut, dropped, repeated, PDF syntax
// spliced in) are imported or refused — never another error, never a hang, each within a stated bound.
// `npm test` runs a few dozen cases (each is a whole PDF through pdf.js); `npm run fuzz` runs
// FUZZ_RUNS / 500 of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { importSource, ImportRefusal } from '../../server/src/import';
import { pdfToLines } from '../../server/src/import/pdf';

const RUNS = Math.max(24, Math.floor(Number(process.env.FUZZ_RUNS ?? 0) / 500));
const TIMEOUT_MS = 6000;
/** The reader's own limit, the grace before its thread is stopped, and room for a loaded machine. */
const BOUND_MS = TIMEOUT_MS + 2000 + 4000;
const FIXTURES = join(__dirname, '..', 'fixtures', 'import', 'pdf');
const SEEDS = ['county-2021.pdf', 'township-2019.pdf', 'restricted.pdf'].map(
  (f) => new Uint8Array(readFileSync(join(FIXTURES, f))),
);
const TOKENS = [
  'obj',
  'endobj',
  'stream\n',
  '\nendstream',
  '<<',
  '>>',
  '[',
  ']',
  '/Length 99999999',
  '/Filter /FlateDecode',
  '/Type /Page',
  '/Kids [3 0 R 3 0 R]',
  '/Count 999999',
  '5 0 R',
  'xref\n0 1\n0000000000 65535 f \n',
  'trailer',
  'startxref\n0\n',
  '%%EOF',
  'BT /F1 12 Tf (\u4e00) Tj ET',
  '\u0000',
  '9999999999',
  '-1',
];

type Mutation =
  | { kind: 'flip'; at: number[]; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'drop'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'splice'; at: number; token: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 24 }),
    value: fc.integer({ min: 0, max: 255 }),
  }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('drop' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 4096 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 4096 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    token: fc.constantFrom(...TOKENS),
  }),
);

function mutate(seed: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = Buffer.from(seed);
  for (const m of mutations) {
    const pos = (x: number) => Math.min(bytes.length - 1, Math.floor(x * bytes.length));
    if (m.kind === 'flip') {
      bytes = Buffer.from(bytes);
      for (const x of m.at) bytes[pos(x)] ^= m.value || 1;
    } else if (m.kind === 'cut') bytes = bytes.subarray(0, pos(m.at));
    else if (m.kind === 'drop')
      bytes = Buffer.concat([bytes.subarray(0, pos(m.at)), bytes.subarray(pos(m.at) + m.length)]);
    else if (m.kind === 'repeat') {
      const at = pos(m.at);
      bytes = Buffer.concat([bytes.subarray(0, at + m.length), bytes.subarray(at)]);
    } else
      bytes = Buffer.concat([bytes.subarray(0, pos(m.at)), Buffer.from(m.token, 'latin1'), bytes.subarray(pos(m.at))]);
    if (bytes.length === 0) break;
  }
  return new Uint8Array(bytes);
}

test(
  'mutated PDFs are imported or refused, never thrown at, within a bound',
  { timeout: RUNS * BOUND_MS },
  async (t) => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (seed, mutations) => {
          const bytes = mutate(SEEDS[seed], mutations);
          const started = performance.now();
          let outcome: string;
          try {
            const lines = await pdfToLines(bytes, { timeoutMs: TIMEOUT_MS });
            for (const l of lines) {
              assert.equal(typeof l.text, 'string');
              assert.ok(Number.isInteger(l.where.page) && l.where.page! >= 1);
            }
            // The lines, whatever they are, go through the text importer too.
            try {
              const result = await importSource(bytes, 'mutated.pdf');
              assert.equal(typeof result.text, 'string');
              outcome = 'imported';
            } catch (e) {
              if (!(e instanceof ImportRefusal)) throw e;
              outcome = `lines, then ${e.reason}`;
            }
          } catch (e) {
            if (!(e instanceof ImportRefusal)) throw e;
            outcome = e.reason;
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          const elapsed = performance.now() - started;
          assert.ok(elapsed < 2 * BOUND_MS, `${Math.round(elapsed)} ms`);
        },
      ),
      { numRuns: RUNS },
    );
    // Some mutations must leave a readable PDF and some a refused one, or the property tested little.
    t.diagnostic(`outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    assert.ok(outcomes.size >= 2, JSON.stringify([...outcomes]));
  },
);
