// Reading a report's bytes (server/src/decode.ts) and the `encoding` rule: a stray NUL or an invalid
// byte is checked, with a finding at the first one; GBK and UTF-16 are decoded and named; only what is
// not text at all is refused. In the editor (no bytes, only text) the rule finds U+0000 and U+FFFD.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeReport, firstBadUtf8 } from '../../server/src/decode';
import { checkText } from '../../server/src/service';
import { CLEAN_2021, gbkBytes, withBytes } from '../encodings';

const decoded = (bytes: Uint8Array) => {
  const d = decodeReport(bytes);
  assert.ok(!('binary' in d), 'decoded as text');
  return d;
};
const encodingFindings = (bytes: Uint8Array, locale?: string) => {
  const d = decoded(bytes);
  return { ...d, findings: checkText(d.text, { source: d.source, locale }).filter((f) => f.code === 'encoding') };
};

describe('decoding', () => {
  test('UTF-8, with or without a BOM: the text, nothing to say', () => {
    assert.deepEqual(decodeReport(Buffer.from(CLEAN_2021)), { text: CLEAN_2021, source: {} });
    const bom = decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN_2021)]));
    assert.deepEqual(bom.source, {});
    assert.equal(bom.text.replace(/^\uFEFF/, ''), CLEAN_2021);
  });

  test('a stray NUL: the text as it is, the NUL named at its byte', () => {
    const { bytes, offset } = withBytes(CLEAN_2021, '## 二、', [0]);
    const d = decoded(bytes);
    assert.deepEqual(d.source, { badByte: { value: 0, offset } });
    assert.equal(d.text, CLEAN_2021.replace('## 二、', '\u0000## 二、'));
  });

  test('an invalid UTF-8 byte: read as U+FFFD, the first one named at its byte', () => {
    const { bytes, offset } = withBytes(CLEAN_2021, '## 三、', [0xff]);
    const d = decoded(bytes);
    assert.deepEqual(d.source, { badByte: { value: 0xff, offset } });
    assert.equal(d.text, CLEAN_2021.replace('## 三、', '\uFFFD## 三、'));
    // A truncated sequence counts from its lead byte, as TextDecoder reads it.
    assert.equal(firstBadUtf8(Buffer.from([0x41, 0xe4, 0xb8])), 1);
    assert.equal(firstBadUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, 'a surrogate is not UTF-8');
    assert.equal(firstBadUtf8(Buffer.from('中文 ok')), -1);
  });

  test('GBK (GB18030): decoded and named', () => {
    const d = decoded(gbkBytes(CLEAN_2021));
    assert.deepEqual(d.source, { encoding: 'GB18030' });
    assert.equal(d.text, CLEAN_2021);
  });

  test('UTF-16, with a BOM or plainly so: decoded and named', () => {
    const le = decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_2021, 'utf16le')]));
    assert.deepEqual(le.source, { encoding: 'UTF-16LE' });
    assert.equal(le.text, CLEAN_2021);
    const be = Buffer.from(CLEAN_2021, 'utf16le').swap16();
    assert.deepEqual(decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).source, { encoding: 'UTF-16BE' });
    const ascii = '---\nagency: x\nyear: 2024\n---\n## 一、总体情况\n';
    assert.deepEqual(decoded(Buffer.from(ascii, 'utf16le')), { text: ascii, source: { encoding: 'UTF-16LE' } });
  });

  test('what is not text at all is refused: an image, zeros', () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff,
    ]);
    assert.deepEqual(decodeReport(png), { binary: true });
    assert.deepEqual(decodeReport(new Uint8Array(64)), { binary: true });
    assert.deepEqual(
      decodeReport(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0, 0xa5, 0x9b, 0xc3])),
      {
        binary: true,
      },
    );
  });
});

describe('the encoding rule', () => {
  test('a NUL: one finding at it, naming its byte offset', () => {
    const { bytes, offset } = withBytes(CLEAN_2021, '全年通过', [0]);
    const { text, findings } = encodingFindings(bytes);
    assert.equal(findings.length, 1);
    const at = text.indexOf('\u0000');
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at) - 1;
    assert.deepEqual(findings[0].range, {
      start: { line, character },
      end: { line, character: character + 1 },
    });
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, new RegExp(`第 ${offset} 字节处有一个 NUL 字节`));
    // The rest of the report is checked as usual: nothing else is wrong with it.
    assert.deepEqual(
      checkText(text).map((f) => f.code),
      ['encoding'],
    );
  });

  test('invalid bytes: one finding, at the first', () => {
    // Two: a lone lead byte in one paragraph, a stray continuation byte in a later one.
    const [head, rest] = CLEAN_2021.split('全年通过');
    const [middle, tail] = rest.split('本年度未收取');
    const bytes = Buffer.concat(
      [head, [0xc3], '全年通过', middle, [0x80], '本年度未收取', tail].map((p) =>
        typeof p === 'string' ? Buffer.from(p) : Buffer.from(p),
      ),
    );
    const { text, findings } = encodingFindings(bytes, 'en');
    assert.equal(findings.length, 1);
    assert.equal(text.indexOf('\uFFFD'), head.length);
    assert.equal(text.split('\uFFFD').length, 3, 'both read as U+FFFD');
    const offset = Buffer.byteLength(head);
    assert.match(findings[0].message, new RegExp(`^0xC3 at byte ${offset} of the file is not valid UTF-8`));
    assert.deepEqual(
      checkText(text).map((f) => f.code),
      ['encoding'],
      'the rest of the report is checked as usual',
    );
  });

  test('GBK: the encoding named at the first character it shows in, and how to convert', () => {
    const { findings } = encodingFindings(gbkBytes(CLEAN_2021));
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].range.start, { line: 1, character: 8 }, 'the agency, the first Chinese text');
    assert.match(findings[0].message, /GB18030 编码保存.*iconv -f GB18030 -t UTF-8/);
  });

  test('in the editor, without the bytes: U+0000 and U+FFFD in the text are found', () => {
    const nul = checkText(CLEAN_2021.replace('## 五、', '\u0000## 五、')).filter((f) => f.code === 'encoding');
    assert.equal(nul.length, 1);
    assert.match(nul[0].message, /NUL 字符/);
    const replaced = checkText(CLEAN_2021.replace('某某县', '某\uFFFD县'), { locale: 'en' }).filter(
      (f) => f.code === 'encoding',
    );
    assert.deepEqual(replaced[0].range.start, { line: 1, character: 9 });
    assert.match(replaced[0].message, /replacement character \(U\+FFFD\).*GBK\/GB18030/);
  });
});
