// RunSpecs (inline.ts) → the library's runs, in a given font and size.
import type { TextRun } from 'docx';
import type { RunSpec } from './inline';
import type { Docx } from './library';
import { FONTS, halfPoints, runFont, type FontChoice } from './page';

export interface RunStyle {
  font?: FontChoice;
  /** Points. */
  size?: number;
  bold?: boolean;
}

export function textRuns(d: Docx, specs: readonly RunSpec[], style: RunStyle = {}): TextRun[] {
  return specs.map(
    (s) =>
      new d.TextRun({
        text: s.text,
        break: s.breakBefore ? 1 : undefined,
        bold: s.bold || style.bold || undefined,
        italics: s.italics || undefined,
        strike: s.strike || undefined,
        size: style.size ? halfPoints(style.size) : undefined,
        // Inline code: Latin letters in the monospaced font, Chinese in the paragraph's.
        font: s.code
          ? { ascii: FONTS.code.name, hAnsi: FONTS.code.name }
          : style.font
            ? runFont(style.font)
            : undefined,
      }),
  );
}
