// prose-mismatch tries each phrase's pattern only where one of its cue words starts (a sticky
// match), instead of scanning the whole paragraph: a property test that both find the same matches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { matchesOf } from '../../server/src/rules/matches';
import { proseMatching } from '../../server/src/rules/proseMismatch';
import { DEFAULT_TEMPLATE_ID, getTemplate } from '../../server/src/statute';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const { phraseSet, cuedPhrases, phraseMatches } = proseMatching;
const SET = phraseSet(getTemplate(DEFAULT_TEMPLATE_ID)!);
const PHRASES = SET.phrases;
// Cue words, their neighbours in real prose, figures, clause punctuation and filler.
const CUES = [...new Set(PHRASES.flatMap((p) => p.def.cues))];
const PIECES = [...CUES, ...CUES.map((c) => `${c}2件`), ...CUES.map((c) => `${c}申请10件`)].concat([
  '申请',
  '政府信息公开申请',
  '件',
  '3件',
  '12 件',
  '0',
  '7',
  '，',
  '。',
  '；',
  '、',
  '（',
  '）',
  '(',
  ')',
  '\n',
  ' ',
  '不',
  '部分',
  '其中',
  '共',
  '上年',
  '结转',
  '下年度',
  '复议',
  '诉讼',
  '维持',
  '直接起诉',
  '含',
  '本年度',
  '全年',
  '的',
  '中',
]);
const paragraph = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const shape = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0], m[1]]);

test(`phrase patterns tried at their cues find what a whole scan finds (${RUNS} paragraphs)`, () => {
  let matched = 0;
  fc.assert(
    fc.property(paragraph, (text) => {
      const cued = new Map(cuedPhrases(SET, text));
      for (const phrase of PHRASES) {
        const scan = shape(matchesOf(phrase.pattern, text));
        const atCues = shape(phraseMatches(phrase, text, cued.get(phrase) ?? []));
        assert.deepEqual(atCues, scan, phrase.pattern.source);
        matched += scan.length;
      }
    }),
    { numRuns: RUNS },
  );
  assert.ok(matched > RUNS, `the generator yields matches (${matched})`);
});

/** The plain reading of "blank out what is in parentheses": character by character. */
function withoutParenthesesReference(s: string): string {
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    out += depth > 0 ? ' '.repeat(ch.length) : ch;
    if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return out;
}

test(`parentheses are blanked as a character-by-character reading does (${RUNS} strings)`, () => {
  const { withoutParentheses } = proseMatching;
  const piece = fc.constantFrom('（', '）', '(', ')', '含', '部分公开', '4件', '，', '😀', '\uD800', ' ', '其中');
  let blanked = 0;
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
      (s) => {
        const out = withoutParentheses(s);
        assert.equal(out, withoutParenthesesReference(s));
        assert.equal(out.length, s.length, 'offsets kept');
        if (out !== s) blanked++;
      },
    ),
    { numRuns: RUNS },
  );
  assert.ok(blanked > RUNS / 4, `the generator yields parentheses (${blanked})`);
});
