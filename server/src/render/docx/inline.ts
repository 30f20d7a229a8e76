// Markdown inline content → the runs of a Word paragraph: plain text with its emphasis. Report text
// is never interpreted: nothing active (a field, a hyperlink) comes from it; a link keeps its text only,
// an image its description.
import type { MdToken } from '../markdownIt';
import { emWidth } from './page';

export interface RunSpec {
  text: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A line break before the text (a Markdown hard break). */
  breakBefore?: boolean;
}

// Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; U+FFFE/FFFF; lone surrogates): a
// package holding one is corrupt to Word, so each becomes U+FFFD.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Report text as Word may hold it: XML-safe, tabs as spaces. Escaping is the library's job. */
export function wordText(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/\t/g, '    ');
}

/** The runs of an inline token's children, emphasis nested as written. */
export function inlineRuns(tokens: readonly MdToken[] | null): RunSpec[] {
  const runs: RunSpec[] = [];
  if (!tokens) return runs;
  let bold = 0;
  let italics = 0;
  let strike = 0;
  let breakBefore = false;
  const push = (text: string, code = false) => {
    if (!text && !breakBefore) return;
    runs.push({
      text: wordText(text),
      ...(bold > 0 && { bold: true }),
      ...(italics > 0 && { italics: true }),
      ...(strike > 0 && { strike: true }),
      ...(code && { code: true }),
      ...(breakBefore && { breakBefore: true }),
    });
    breakBefore = false;
  };
  tokens.forEach((token, i) => {
    switch (token.type) {
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italics++;
        break;
      case 'em_close':
        italics--;
        break;
      case 's_open':
        strike++;
        break;
      case 's_close':
        strike--;
        break;
      case 'code_inline':
        push(token.content, true);
        break;
      case 'softbreak':
        push(softBreak(runs.at(-1)?.text ?? '', nextText(tokens, i)));
        break;
      case 'hardbreak':
        breakBefore = true;
        break;
      case 'link_open':
      case 'link_close':
        break;
      default:
        // text, text_special (an escape), image (its description as content), and anything else with text.
        push(token.content);
    }
  });
  if (breakBefore) push('');
  return mergeRuns(runs);
}

/** A line break inside a paragraph: nothing between two Chinese characters, a space otherwise. */
function softBreak(before: string, after: string): string {
  const last = [...before].pop() ?? '';
  const first = [...after][0] ?? '';
  return last && first && emWidth(last) === 1 && emWidth(first) === 1 ? '' : ' ';
}

function nextText(tokens: readonly MdToken[], i: number): string {
  for (let j = i + 1; j < tokens.length; j++) if (tokens[j].content) return tokens[j].content;
  return '';
}

function mergeRuns(runs: RunSpec[]): RunSpec[] {
  const out: RunSpec[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (
      last &&
      !run.breakBefore &&
      last.bold === run.bold &&
      last.italics === run.italics &&
      last.strike === run.strike &&
      last.code === run.code
    )
      last.text += run.text;
    else out.push({ ...run });
  }
  return out.filter((r) => r.text || r.breakBefore);
}
