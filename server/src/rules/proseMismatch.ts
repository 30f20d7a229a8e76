// prose-mismatch: a figure stated in the prose of sections 一–六 differs from the table (identity 5),
// or a stated whole (共…N件，其中…) is smaller than the sum of its stated parts.
// Precision over recall: a phrase counts only when the keyword and "N 件" sit in one clause.
import { cellsOf, isKnown, totalIndex } from '../evaluate';
import type { Paragraph } from '../parse/model';
import type { ProsePhrase, Template } from '../statute';
import { matchesOf } from './matches';
import type { CheckedTable, RawFinding, Rule } from './types';

/** A statutory phrase (statute data) ready to match: its patterns compiled once per template. */
interface FigurePhrase {
  def: ProsePhrase;
  pattern: RegExp;
  /** The pattern, tried at one position (its cue words start every match). */
  sticky: RegExp;
  exclude?: RegExp;
}
interface PhraseSet {
  phrases: FigurePhrase[];
  /** Every cue of every phrase, in one pattern: one scan of a paragraph tells which phrases can match. */
  cues: RegExp;
  byCue: Map<string, number[]>; // indices into phrases
}

// Compiled once per template's phrase list (statute data never changes).
const phraseSets = new WeakMap<readonly ProsePhrase[], PhraseSet>();
export function phraseSet(template: Template): PhraseSet {
  let set = phraseSets.get(template.prosePhrases);
  if (!set) {
    const phrases = template.prosePhrases.map((def) => ({
      def,
      pattern: new RegExp(def.pattern, 'g'),
      sticky: new RegExp(def.pattern, 'y'),
      exclude: def.exclude === undefined ? undefined : new RegExp(def.exclude),
    }));
    const byCue = new Map<string, number[]>();
    phrases.forEach((phrase, k) => {
      for (const cue of phrase.def.cues) byCue.set(cue, [...(byCue.get(cue) ?? []), k]);
    });
    const cues = new RegExp([...byCue.keys()].join('|') || '(?!)', 'g');
    phraseSets.set(template.prosePhrases, (set = { phrases, cues, byCue }));
  }
  return set;
}

/** The phrases whose cue words occur in `text`, in statute order, with where their cues start. */
function cuedPhrases(set: PhraseSet, text: string): [FigurePhrase, number[]][] {
  let starts: number[][] | undefined; // by phrase index
  const { cues } = set;
  cues.lastIndex = 0;
  for (let m = cues.exec(text); m; m = cues.exec(text)) {
    starts ??= [];
    for (const k of set.byCue.get(m[0])!) (starts[k] ??= []).push(m.index);
    cues.lastIndex = m.index + 1; // overlapping cues (上年结转下年度) are all seen
  }
  const out: [FigurePhrase, number[]][] = [];
  if (starts) for (let k = 0; k < set.phrases.length; k++) if (starts[k]) out.push([set.phrases[k], starts[k]]);
  return out;
}

// Every phrase pattern starts with its cue words, so its matches start where its cues do: tried
// there alone (sticky), it finds what a scan of the whole paragraph finds, without the scan.
/** The matches of a phrase's pattern, as `matchesOf` finds them, tried at its cue positions only. */
function phraseMatches(phrase: FigurePhrase, text: string, cueStarts: number[]): RegExpExecArray[] {
  const sticky = phrase.sticky;
  const out: RegExpExecArray[] = [];
  let scannedTo = 0; // a global scan resumes after the previous match: no overlapping matches
  for (const at of cueStarts) {
    if (at < scannedTo) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    scannedTo = m.index + Math.max(1, m[0].length);
  }
  return out;
}
const INCLUSIVE = /^\s*[（(]\s*(?:含|包括|包含)/;

/** A figure the paragraph states: the phrase it is read as, and where its number stands. */
interface Claim {
  numberAt: number;
  numberOffset: number;
  phrase: FigurePhrase;
  table: CheckedTable;
  m: RegExpExecArray;
}

const removeSpaces = (s: string) => (/\s/.test(s) ? s.replace(/\s+/g, '') : s);
// "未发生…行政复议/行政诉讼" states 0.
// The span stays in one clause; "未发生行政复议结果被纠正" is about the outcome, not the number.
const NONE_HAPPENED = /(?:未发生|没有发生|未出现|没有出现|未有)[^。；;！!，,\n]{0,80}/g;
const NONE_ABOUT_OUTCOME = /纠正|纠错|败诉|撤销|违法|结果|被诉|维持/;

export const proseMismatchRule: Rule = {
  code: 'prose-mismatch',
  severity: 'warning',
  description: 'A figure stated in the prose differs from the table (identity 5)',
  check({ report, tables: checked, t }) {
    const out: RawFinding[] = [];
    const tables = tablesById(checked);
    const set = phraseSet(report.template);
    // Table figures do not change during one check: each phrase's figure is computed once.
    const figures = new Map<FigurePhrase, Figure | undefined>();
    const figureOf = (table: CheckedTable, phrase: FigurePhrase) => {
      if (!figures.has(phrase)) figures.set(phrase, tableFigure(table, phrase));
      return figures.get(phrase);
    };
    for (const p of report.paragraphs) {
      if (!p.section) continue;
      // Every stated figure is "N 件" (only "未发生…" states one without).
      const hasCount = p.text.includes('件');
      // A number belongs to the figure word nearest before it: in `信息不存在无法提供3件` the 3 is
      // 无法提供's, not 信息不存在's; in `办结申请中予以公开4件` it is 予以公开's, not 办结's.
      // A plain array (a paragraph has a handful of claims): this loop runs for every paragraph.
      const claims: Claim[] = [];
      for (const [phrase, cueStarts] of hasCount ? cuedPhrases(set, p.text) : []) {
        const table = tables.get(phrase.def.table);
        if (!table) continue;
        for (const m of phraseMatches(phrase, p.text, cueStarts)) {
          if (phrase.exclude?.test(m[0])) continue;
          const numberOffset = m[0].lastIndexOf(m[1]);
          const claim: Claim = { numberAt: m.index + numberOffset, numberOffset, phrase, table, m };
          const k = claims.findIndex((c) => c.numberAt === claim.numberAt);
          if (k === -1) claims.push(claim);
          else if (claims[k].m.index < m.index) claims[k] = claim;
        }
      }
      if (claims.length > 1) claims.sort((a, b) => a.numberAt - b.numberAt);
      for (const { numberAt, numberOffset, phrase, table, m } of claims) {
        const said = removeSpaces(m[0].slice(0, numberOffset));
        // `予以公开（含部分公开）20件`, `予以公开20件（含部分公开4件）`: a figure the writer defines
        // differently from the table's row. Not compared.
        if (/[（()）]/.test(said) || INCLUSIVE.test(p.text.slice(m.index + m[0].length))) continue;
        compare(
          out,
          t,
          figureOf(table, phrase),
          Number(m[1]),
          said,
          p.start + numberAt,
          p.start + numberAt + m[1].length,
        );
      }
      // Every NONE_HAPPENED phrase starts with 未 or 没有.
      if (p.text.includes('未') || p.text.includes('没有')) {
        for (const m of matchesOf(NONE_HAPPENED, p.text)) {
          if (/\d+\s*件/.test(m[0])) continue;
          for (const phrase of set.phrases) {
            const word = phrase.def.noneWord;
            const table = word === undefined ? undefined : tables.get(phrase.def.table);
            const at = word === undefined ? -1 : m[0].indexOf(word);
            if (!table || at === -1 || NONE_ABOUT_OUTCOME.test(m[0].slice(at))) continue;
            const start = p.start + m.index! + at;
            compare(out, t, figureOf(table, phrase), 0, `${m[0].slice(0, 3)}…${word}`, start, start + word!.length);
          }
        }
      }
      if (hasCount && p.text.includes('其中')) out.push(...partsExceedWhole(p, t));
    }
    return out;
  },
};

/** The first table of each statutory id (a repeated section's second table is not the figures' source). */
function tablesById(tables: readonly CheckedTable[]): Map<string, CheckedTable> {
  const map = new Map<string, CheckedTable>();
  for (const checked of tables) if (!map.has(checked.table.def.id)) map.set(checked.table.def.id, checked);
  return map;
}

interface Figure {
  actual: number;
  phrase: FigurePhrase;
  table: CheckedTable;
  column: number;
}

/** The table's figure for a phrase (its total column), or undefined when the table cannot say. */
function tableFigure(checked: CheckedTable, phrase: FigurePhrase): Figure | undefined {
  const ti = totalIndex(checked.table.def);
  if (ti === -1) return undefined;
  // An absent or flagged term leaves the figure unsaid.
  const { evaluator } = checked;
  if (!phrase.def.paths.every((path) => isKnown(evaluator.amount(path, ti)))) return undefined;
  return { actual: evaluator.sum(phrase.def.paths, ti).value, phrase, table: checked, column: ti };
}

function compare(
  out: RawFinding[],
  t: Parameters<Rule['check']>[0]['t'],
  figure: Figure | undefined,
  stated: number,
  text: string,
  start: number,
  end: number,
) {
  if (!figure || figure.actual === stated) return;
  // The cells the figure comes from, when it is one written cell per path (not a group's sum).
  const terms = figure.phrase.def.paths.map((path) => figure.table.evaluator.explain(path, figure.column));
  const related = terms
    .flatMap((x) => {
      const cells = cellsOf(x);
      return cells.length === 1 ? cells : [];
    })
    .map((c) => ({ start: c.start, end: c.end, message: t('proseFigureRelated') }));
  const row = figure.phrase.def.paths.map((path) => path[path.length - 1]).join('+');
  out.push({
    start,
    end,
    message: t('proseFigure', {
      phrase: text.length > 30 ? `${text.slice(0, 30)}…` : text,
      stated,
      row,
      actual: figure.actual,
    }),
    related,
    data: { stated, actual: figure.actual },
  });
}

const WHOLE = /共[^。；;！!?？\n\d]{0,60}?(\d+)\s*件/g;
const PART = /(\d+)\s*件/g;

/** `共…N件，其中…a件、…b件`: the parts (outside parentheses) must not add up to more than N. */
function partsExceedWhole(p: Paragraph, t: Parameters<Rule['check']>[0]['t']): RawFinding[] {
  const out: RawFinding[] = [];
  const text = p.text;
  if (!text.includes('共')) return out; // every whole is `共…N件`
  const wholes = matchesOf(WHOLE, text);
  let w = -1; // index of the last whole ending before the current 其中 (both ascend)
  for (let at = text.indexOf('其中'); at !== -1; at = text.indexOf('其中', at + 2)) {
    while (w + 1 < wholes.length && wholes[w + 1].index! + wholes[w + 1][0].length <= at) w++;
    const whole = wholes[w];
    // The 其中 must follow its whole: no other figure in between (a parenthesis aside), and at most
    // the end of the whole's own sentence (`共收到申请125件，较上年增长15%。其中，…`).
    if (!whole) continue;
    const between = withoutParentheses(text.slice(whole.index! + whole[0].length, at));
    const sentences = between.split(/[。！!？?]/);
    if (
      /其中|\d+\s*件|\n\s*\n/.test(between) ||
      sentences.length > 2 ||
      (sentences.length === 2 && sentences[1].trim() !== '')
    )
      continue;
    const sentenceEnd = firstOf(text, ['。', '；', ';', '其中', '\n\n'], at + 2);
    let region = text.slice(at + 2, sentenceEnd);
    // `…，在予以公开的4件中，…` opens a breakdown of a part: the parts end before it.
    const nested = /\d+\s*件中/.exec(region);
    if (nested) region = region.slice(0, nested.index);
    const partsText = withoutParentheses(region);
    const parts = matchesOf(PART, partsText);
    if (parts.length < 2) continue;
    const sum = parts.reduce((s, m) => s + Number(m[1]), 0);
    const wholeValue = Number(whole[1]);
    if (sum <= wholeValue) continue;
    const first = parts[0],
      last = parts[parts.length - 1];
    const wholeAt = p.start + whole.index! + whole[0].lastIndexOf(whole[1]);
    out.push({
      start: p.start + at + 2 + first.index!,
      end: p.start + at + 2 + last.index! + last[0].length,
      message: t('proseParts', { sum, whole: wholeValue }),
      related: [
        { start: wholeAt, end: wholeAt + whole[1].length, message: t('proseParts', { sum, whole: wholeValue }) },
      ],
      data: { sum, whole: wholeValue },
    });
  }
  return out;
}

function firstOf(text: string, needles: string[], from: number): number {
  let best = text.length;
  for (const n of needles) {
    const i = text.indexOf(n, from);
    if (i !== -1 && i < best) best = i;
  }
  return best;
}

const PARENTHESIS = /[（()）]/g;
/**
 * Blanks out parenthesised text, keeping offsets (a breakdown of a part is not another part).
 * Nested parentheses count; an unclosed one blanks to the end; a stray closing one stays.
 */
function withoutParentheses(s: string): string {
  if (!/[（(]/.test(s)) return s;
  let depth = 0,
    openedAt = 0,
    keptFrom = 0,
    out = '';
  for (const m of matchesOf(PARENTHESIS, s)) {
    if (m[0] === '（' || m[0] === '(') {
      if (depth++ === 0) {
        out += s.slice(keptFrom, m.index);
        openedAt = m.index;
      }
    } else if (depth > 0 && --depth === 0) {
      out += ' '.repeat(m.index + 1 - openedAt);
      keptFrom = m.index + 1;
    }
  }
  return depth > 0 ? out + ' '.repeat(s.length - openedAt) : out + s.slice(keptFrom);
}

/** For the property tests: matching at cue positions finds what a whole scan finds; parentheses blanked as a plain reading does. */
export const proseMatching = { phraseSet, cuedPhrases, phraseMatches, withoutParentheses };
