// encoding: the file is not clean UTF-8 — it holds a NUL or an invalid byte (decoded as U+FFFD, by
// the CLI or by the editor), or it was decoded from another encoding (GB18030, UTF-16: the host says
// which, in the check's `source`). One finding, at the first such character.
import type { RawFinding, Rule } from './types';

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

export const encodingRule: Rule = {
  code: 'encoding',
  severity: 'warning',
  description: 'The file holds a NUL or an invalid UTF-8 byte, or is in another encoding than UTF-8',
  check({ report, source, t }): RawFinding[] {
    const { text } = report;
    if (source?.encoding) {
      // Where the other encoding first shows: the first character that is not ASCII.
      const at = Math.max(0, NON_ASCII.exec(text)?.index ?? 0);
      return [
        { start: at, end: Math.min(text.length, at + 1), message: t('encodingOther', { encoding: source.encoding }) },
      ];
    }
    const at = firstOf(text, '\u0000', '\uFFFD');
    if (at === -1) return [];
    const nul = text.charCodeAt(at) === 0;
    const byte = source?.badByte;
    const message = byte
      ? byte.value === 0
        ? t('encodingNul', { offset: byte.offset })
        : t('encodingBadByte', {
            offset: byte.offset,
            byte: `0x${byte.value.toString(16).toUpperCase().padStart(2, '0')}`,
          })
      : nul
        ? t('encodingNulChar')
        : t('encodingReplacement');
    return [{ start: at, end: at + 1, message }];
  },
};

/** The first offset of either character, or -1. */
function firstOf(text: string, a: string, b: string): number {
  const i = text.indexOf(a),
    j = text.indexOf(b);
  return i === -1 ? j : j === -1 ? i : Math.min(i, j);
}
