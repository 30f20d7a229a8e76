// Property tests of the importers: mutations of valid documents — text, web pages, Word files, and their
// bytes — never make an importer throw anything but an ImportRefusal, never hang (each input is answered
// within a stated bound, far above the measured milliseconds), and whatever they import is a report the
// engine reads without a YAML error: the importer never writes a broken table block.
// `npm test` runs a few hundred cases per importer; `npm run fuzz` runs FUZZ_RUNS.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import JSZip from 'jszip';
import { importHtml, importHtmlText } from '../../server/src/import/html';
import { importText } from '../../server/src/import/text';
import { importDocx } from '../../server/src/import/word';
import { ImportRefusal, type ImportResult } from '../../server/src/import/types';
import { checkText } from '../../server/src/service';
import { FIXTURES, docxOf } from '../import/docx';

const RUNS = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 2500) / 25));
/** Stated bound per document, far above the measured 10–50 ms: beyond it an importer is taken to hang. */
const BOUND_MS = 10_000;

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'import', 'seed', 'jingzhi-2020-report.txt'), 'utf8');
const FLAT = readFileSync(join(FIXTURES, 'flat-pdf-2020.txt'), 'utf8');
const CMS = new TextDecoder('gb18030').decode(readFileSync(join(FIXTURES, 'cms-gbk-2021.html')));
const DOCUMENT = readFileSync(join(FIXTURES, 'word-2021', 'word', 'document.xml'), 'utf8');

/** What an import may end in: a report the engine reads without a YAML error, or a refusal. */
function acceptable(run: () => ImportResult): void {
  let result: ImportResult;
  try {
    result = run();
  } catch (e) {
    assert.ok(e instanceof ImportRefusal, `threw ${String((e as Error)?.stack ?? e)}`);
    return;
  }
  const findings = checkText(result.text);
  const broken = findings.filter(
    (f) => f.code === 'yaml-syntax' || (f.code === 'front-matter' && /YAML/.test(f.message)),
  );
  assert.deepEqual(broken, [], result.text);
  for (const s of result.spans) assert.ok(s.start <= s.end && s.line >= 0);
}

/** A mutation of a text: pieces cut, repeated, or replaced by what documents and their damage hold. */
const PIECES = [
  '\n',
  '\t',
  ' | ',
  '|',
  '- 3 -',
  '—3—',
  '0',
  '１２',
  '3,119',
  '/',
  '—',
  '无',
  '约5件',
  '251000元',
  ':',
  '#',
  '"',
  "'",
  '[',
  '{',
  '-',
  '---',
  '```',
  '\u3000',
  '\u2f00',
  '\ufeff',
  '\u0000',
  '（一）',
  '三、',
  '总计',
  '其他',
  '予以公开',
  '本年新收政府信息公开申请数量',
  '第二十条第（一）项',
];
const HTML_PIECES = [
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<td rowspan="0" colspan="1000">',
  '<td colspan="-3">',
  '<th rowspan=9999>',
  '<br>',
  '<p>',
  '</p>',
  '&nbsp;',
  '<script>',
  '<!--',
  '-->',
  '<div style="display:none">',
  '<h2>',
  '<meta charset="big5">',
  '<![CDATA[',
  ...PIECES,
];
const XML_PIECES = [
  '<w:vMerge/>',
  '<w:vMerge w:val="restart"/>',
  '<w:gridSpan w:val="999"/>',
  '<w:gridSpan w:val="-1"/>',
  '</w:tc>',
  '<w:tc>',
  '</w:tr>',
  '<w:tr>',
  '<w:p>',
  '</w:p>',
  '<w:br/>',
  '&amp;',
  '&#12288;',
  '<w:t>',
  '</w:t>',
  '<!DOCTYPE x>',
  ...PIECES.filter((p) => !/[<&]/.test(p)),
];

function mutated(base: string, pieces: string[]) {
  const edit = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 400 }),
    insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.constant('')),
    repeat: fc.nat({ max: 3 }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 12 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      const at = e.at % (s.length + 1);
      s = s.slice(0, at) + e.insert.repeat(e.repeat + 1) + s.slice(at + e.cut);
    }
    return s;
  });
}

/** Runs an import, holding it to the bound. */
function bounded(run: () => void): void {
  const start = performance.now();
  run();
  const elapsed = performance.now() - start;
  assert.ok(elapsed < BOUND_MS, `took ${elapsed.toFixed(0)} ms (bound ${BOUND_MS} ms)`);
}

test('text: mutated seeds and PDF-like text', () => {
  fc.assert(
    fc.property(mutated(SEED, PIECES), (text) => bounded(() => acceptable(() => importText(text)))),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(mutated(FLAT, PIECES), (text) => bounded(() => acceptable(() => importText(text)))),
    { numRuns: RUNS },
  );
});

test('text: lines of anything', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 200 }),
      (parts) => bounded(() => acceptable(() => importText(parts.join('')))),
    ),
    { numRuns: RUNS },
  );
});

test('HTML: mutated CMS pages, as text and as bytes', () => {
  fc.assert(
    fc.property(mutated(CMS, HTML_PIECES), (html) => bounded(() => acceptable(() => importHtmlText(html)))),
    { numRuns: RUNS },
  );
  const bytes = readFileSync(join(FIXTURES, 'cms-gbk-2021.html'));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 40 }), (flips) => {
      const b = Buffer.from(bytes);
      for (const [at, v] of flips) b[at % b.length] = v;
      bounded(() => acceptable(() => importHtml(b)));
    }),
    { numRuns: RUNS },
  );
});

test('Word: mutated WordprocessingML, and damaged .docx bytes', async () => {
  await fc.assert(
    fc.asyncProperty(mutated(DOCUMENT, XML_PIECES), async (xml) => {
      const bytes = await docxOf(join(FIXTURES, 'word-2021'), (name, text) =>
        name === 'word/document.xml' ? xml : text,
      );
      let result: ImportResult | undefined;
      try {
        result = await importDocx(bytes);
      } catch (e) {
        assert.ok(e instanceof ImportRefusal, String((e as Error)?.stack ?? e));
      }
      if (result) acceptable(() => result!);
    }),
    { numRuns: Math.max(1, Math.round(RUNS / 4)), timeout: BOUND_MS },
  );
  const docx = await docxOf(join(FIXTURES, 'word-2021'));
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 20 }),
      async (flips) => {
        const b = Buffer.from(docx);
        for (const [at, v] of flips) b[at % b.length] = v;
        try {
          const result = await importDocx(b);
          acceptable(() => result);
        } catch (e) {
          assert.ok(e instanceof ImportRefusal, String((e as Error)?.stack ?? e));
        }
      },
    ),
    { numRuns: Math.max(1, Math.round(RUNS / 4)), timeout: BOUND_MS },
  );
  // A zip whose entries say one size and hold another.
  const zip = await JSZip.loadAsync(docx);
  zip.file('word/extra.xml', '<x>' + 'a'.repeat(1000) + '</x>');
  await importDocx(await zip.generateAsync({ type: 'nodebuffer' }));
});
