// Word files as Word and WPS save them (IMPORT.md, Word), from hand-written WordprocessingML
// (test/fixtures/import/word-2021/): w:gridSpan, w:vMerge restart/continue, ideographic-space blanks,
// labels broken over two paragraphs in a cell, runs split mid-word; and what a .docx must not be.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { importDocx } from '../../server/src/import/word';
import { importSource } from '../../server/src/import';
import { ImportRefusal, type ImportResult } from '../../server/src/import/types';
import { checkText } from '../../server/src/service';
import { FIXTURES, docxOf } from './docx';
import { tablesOf } from './tables';

const FOLDER = join(FIXTURES, 'word-2021');
const refused = (reason: string) => (e: unknown) => e instanceof ImportRefusal && e.reason === reason;

describe('a 2021 report written in Word (test/fixtures/import/word-2021)', () => {
  let result: ImportResult;
  before(async () => {
    result = await importDocx(await docxOf(FOLDER));
  });

  test('the front matter, the template and all three tables', () => {
    const s = result.summary;
    assert.deepEqual(
      [s.template, s.agency, s.year, s.issued, s.contact],
      ['ogi-annual-2021', '桃源县教育局', 2021, '2022-01-18', '0736-6621000'],
    );
    assert.deepEqual(
      s.tables.map((x) => x.found),
      [true, true, true],
    );
    assert.equal(result.source, 'word');
  });

  test('gridSpan and vMerge continue: each row under its group, each value in its column', () => {
    const t = tablesOf(result.text);
    assert.deepEqual(t.requests['本年度办理结果/无法提供/本机关不掌握相关政府信息'], [
      '2',
      '1',
      '0',
      '0',
      '0',
      '0',
      '3',
    ]);
    assert.deepEqual(t.requests['本年度办理结果/其他处理/其他'], ['0', '0', '0', '0', '0', '0', '0']);
    // Labels broken over two paragraphs (`申请人无正当理` / `由逾期不补正…`) still name their rows.
    assert.ok(t.requests['本年度办理结果/其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']);
    // Section 二's one-column blocks: the value spans three grid columns.
    assert.deepEqual(t.proactive['第二十条第（五）项/行政许可'], ['426']);
  });

  test('an ideographic space is a blank cell, not 0; a wrong total stays wrong', () => {
    const t = tablesOf(result.text);
    assert.deepEqual(t.proactive['第二十条第（六）项/行政强制'], ['']);
    assert.deepEqual(t.requests['本年度办理结果/不予处理/重复申请'], ['', '0', '0', '0', '0', '0', '0']);
    assert.deepEqual(t.reviews['行政复议'], ['1', '0', '0', '1', '3']);
    const codes = checkText(result.text).map((f) => f.code);
    assert.deepEqual([...new Set(codes)].sort(), ['blank-cell', 'row-total']);
  });

  test('a cell’s place in the Word file: table, row and column', () => {
    const lines = result.text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('行政复议: '));
    const span = result.spans.find((s) => s.line === line && s.start === lines[line].lastIndexOf('3'));
    assert.deepEqual(span?.where, { table: 3, row: 4, column: 5 });
  });
});

describe('what a .docx must not be', () => {
  test('an old binary Word file (.doc, or a .doc named .docx) is refused, saying to save as .docx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await assert.rejects(importSource(ole, 'report.doc'), refused('legacyWord'));
    await assert.rejects(importSource(ole, 'report.wps'), refused('legacyWord'));
    await assert.rejects(importDocx(ole), refused('legacyWord'));
  });

  test('not a zip, or a zip without a document: damaged', async () => {
    await assert.rejects(importDocx(Buffer.from('PK but not really a zip file')), refused('damaged'));
    await assert.rejects(importDocx(Buffer.from('plain text')), refused('damaged'));
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await assert.rejects(importDocx(await zip.generateAsync({ type: 'nodebuffer' })), refused('damaged'));
  });

  test('a zip bomb: refused once the inflated bytes pass the cap, without holding them', async () => {
    const bomb = await docxOf(FOLDER, (name, text) =>
      name === 'word/document.xml' ? text + ' '.repeat(3_000_000) : text,
    );
    assert.ok(bomb.length < 200_000, `${bomb.length} bytes compressed`);
    await assert.rejects(importDocx(bomb, {}, { maxUncompressed: 2_000_000 }), refused('tooLarge'));
    await assert.rejects(importDocx(bomb, {}, { maxEntries: 2 }), refused('tooLarge'));
    await assert.rejects(importDocx(bomb, {}, { maxBytes: 1000 }), refused('tooLarge'));
  });

  test('XML that declares a DTD (entities, external or not) is refused', async () => {
    const xxe = await docxOf(FOLDER, (name, text) =>
      name === 'word/document.xml'
        ? text.replace('?>', '?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
        : text,
    );
    await assert.rejects(importDocx(xxe), refused('damaged'));
  });
});
