// The page and type of the Word document: GB/T 9704-2012, the national layout of official documents,
// as these reports use it (../shared/DOCX.md). Measures in twips (1/20 pt) unless named otherwise.
import { escapeHtml } from '../html';

export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** Word's font sizes are half-points. */
export const halfPoints = (points: number) => Math.round(points * 2);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** From the page's bottom edge to the page number's line: its dash sits 7 mm below the text block. */
  footer: mm(25),
};
/** The text block: 156 mm wide; every table fits it. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** 号 of Chinese type, in points. */
export const SIZE = { er: 22, san: 16, si: 14, wu: 10.5, xiaowu: 9 } as const;

/** Body lines at a fixed 28.95 pt: 22 lines fill the 225 mm text block. */
export const BODY_LINE = 579;
/** One character of body text (3号), the unit of GB/T 9704's indents. */
export const BODY_CHAR = SIZE.san * 20;

/** A font as documents name it, and the font Word takes where that one is not installed. */
export interface FontChoice {
  name: string;
  fallback: string;
  /** w:family and w:pitch of the font table, which Word also weighs when it substitutes. */
  family: 'roman' | 'modern' | 'swiss' | 'script' | 'auto';
  pitch: 'fixed' | 'variable';
}

export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体', family: 'script', pitch: 'variable' },
  body: { name: '仿宋_GB2312', fallback: '仿宋', family: 'modern', pitch: 'fixed' },
  heading1: { name: '黑体', fallback: 'SimHei', family: 'modern', pitch: 'fixed' },
  heading2: { name: '楷体_GB2312', fallback: '楷体', family: 'modern', pitch: 'fixed' },
  table: { name: '宋体', fallback: 'SimSun', family: 'auto', pitch: 'variable' },
  code: { name: 'Courier New', fallback: 'Liberation Mono', family: 'modern', pitch: 'fixed' },
} satisfies Record<string, FontChoice>;

/** The fallbacks under their own names too, so that a machine with only those finds them by name. */
const FALLBACK_ENTRIES: FontChoice[] = [
  { name: '仿宋', fallback: 'FangSong', family: 'modern', pitch: 'fixed' },
  { name: '楷体', fallback: 'KaiTi', family: 'modern', pitch: 'fixed' },
];

/** All four of a run's font slots: East Asian text, Latin, high ANSI and complex script. */
export const runFont = (font: FontChoice) => ({
  ascii: font.name,
  hAnsi: font.name,
  eastAsia: font.name,
  cs: font.name,
});

/**
 * word/fontTable.xml: every font the document uses, each with its fallback (w:altName), GB2312 as its
 * character set (86) where it is a Chinese font, and its family and pitch — what Word substitutes by.
 * Built from the constants above only, never from report text.
 */
export function fontTableXml(): string {
  const seen = new Set<string>();
  const entries = [...Object.values(FONTS), ...FALLBACK_ENTRIES].filter((f) => !seen.has(f.name) && seen.add(f.name));
  const font = (f: FontChoice) => {
    const chinese = /[^\x20-\x7e]/.test(f.name);
    return (
      `<w:font w:name="${escapeHtml(f.name)}">` +
      `<w:altName w:val="${escapeHtml(f.fallback)}"/>` +
      `<w:charset w:val="${chinese ? '86' : '00'}"/>` +
      `<w:family w:val="${f.family}"/>` +
      `<w:pitch w:val="${f.pitch}"/>` +
      `</w:font>`
    );
  };
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.map(font).join('') +
    '</w:fonts>'
  );
}

/** Width of a text in ems of its font: CJK characters and full-width forms take one, the rest half. */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 1 : 0.5;
  return width;
}

/**
 * Width of a text as Word and LibreOffice set it, in ems: its characters, and the quarter em they put
 * between Chinese and a number or Latin word (autospace, on by default in both).
 */
export function setWidth(text: string): number {
  const chars = [...text];
  let boundaries = 0;
  for (let i = 1; i < chars.length; i++) {
    const [a, b] = [chars[i - 1], chars[i]];
    const latin = (c: string) => /[0-9A-Za-z]/.test(c);
    const wide = (c: string) => emWidth(c) === 1 && !/[\p{P}]/u.test(c);
    if ((latin(a) && wide(b)) || (wide(a) && latin(b))) boundaries++;
  }
  return emWidth(text) + boundaries / 4;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals … Yi, kana, CJK ideographs and punctuation
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x2018 && cp <= 0x201d) || // quotation marks: full width in Chinese fonts
    cp === 0x2014 || // —
    cp === 0x2026 || // …
    cp === 0x00b7 ||
    cp >= 0x20000 // supplementary ideographs
  );
}
