// Text as it comes out of other tools (IMPORT.md, Text and PDF): a label followed by its numbers, wrapped
// labels, header cells one per line, page markers between rows, pipe-flattened rows, full-width digits,
// thousands separators, Kangxi radicals; anchored on the statute's labels and their order, never guessing
// where a blank cell was.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { importText, importTextLines } from '../../server/src/import/text';
import { ImportRefusal } from '../../server/src/import/types';
import { checkText } from '../../server/src/service';
import { FIXTURES } from './docx';
import { tablesOf } from './tables';

describe('PDF-like flat text (test/fixtures/import/flat-pdf-2020.txt)', () => {
  const result = importText(readFileSync(join(FIXTURES, 'flat-pdf-2020.txt'), 'utf8'));
  const t = tablesOf(result.text);

  test('front matter from a title over two lines, the signature and the preamble; the 2019 template from its columns', () => {
    const s = result.summary;
    assert.deepEqual(
      [s.template, s.templateFrom, s.agency, s.year, s.issued, s.contact],
      ['ogi-annual-2019', 'tables', '城西区人民政府办公室', 2020, '2021-01-25', '0731-5551234'],
    );
    // Kangxi radicals in the headings (⼀、⼆、) read as 一、二、.
    assert.deepEqual(s.sections, ['一', '二', '三', '四', '五', '六']);
  });

  test('header cells one per line, a page marker between rows, a sign and a thousands separator', () => {
    assert.deepEqual(t.proactive['第二十条第（五）项/行政许可'], ['36', '-2', '1205']);
    assert.deepEqual(t.proactive['第二十条第（五）项/其他对外管理服务事项'], ['12', '0', '340']);
    assert.deepEqual(t.proactive['第二十条第（九）项/政府集中采购'], ['14', '96171.6']);
  });

  test('full-width digits, the vertical group label, a label wrapped with its numbers on the middle line', () => {
    assert.deepEqual(t.requests['本年新收政府信息公开申请数量'], ['10', '1', '0', '0', '1', '0', '12']);
    assert.deepEqual(t.requests['本年度办理结果/部分公开'], ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(t.requests['本年度办理结果/不予公开/属于四类过程性信息'], ['0', '0', '0', '0', '0', '0', '0']);
  });

  test('a typo in a label: placed by its position, written as published (the checker names the statute’s)', () => {
    assert.match(result.text, /\n {4}其他法律行政止公开: \[0, 0, 0, 0, 0, 0, 0\]\n/);
    const finding = checkText(result.text).find((f) => f.code === 'unknown-key');
    assert.match(finding!.message, /其他法律行政法规禁止公开/);
  });

  test('a flat row with a blank cell: no guess — the row left blank, said so with its source line', () => {
    assert.deepEqual(t.requests['本年度办理结果/无法提供/本机关不掌握相关政府信息'], ['', '', '', '', '', '', '']);
    assert.deepEqual(result.summary.doubts, [
      {
        kind: 'rowValues',
        table: 'requests',
        row: '本年度办理结果/无法提供/本机关不掌握相关政府信息',
        text: '2 0 0 0 1 3',
        found: 6,
        expected: 7,
        where: { line: 62 },
      },
    ]);
    assert.match(
      result.text,
      /本机关不掌握相关政府信息: \[null, null, null, null, null, null, null\] {2}# 导入：原文此行有 6 个数值（2 0 0 0 1 3）/,
    );
    assert.deepEqual(result.summary.cells, { read: 191, blank: 0, unreadable: 7 });
  });

  test('section 四 as one data row of 15 numbers under its header lines', () => {
    assert.deepEqual(t.reviews['行政复议'], ['0', '0', '0', '0', '0']);
    assert.deepEqual(t.reviews['行政诉讼/复议后起诉'], ['0', '0', '0', '0', '0']);
  });
});

const head = ['某某县统计局2021年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'];

describe('what text does', () => {
  test('pipe-flattened rows, with a Markdown delimiter row and a colspan lost', () => {
    const r = importText(
      [
        ...head,
        '| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
        '|---|---|---|---|---|---|---|---|',
        '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
        '| 二、上年结转政府信息公开申请数量 | / | — | 0 | 0 | 0 | 0 | 0 |',
        '| 三、本年度办理结果 | （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      ].join('\n'),
    );
    const t = tablesOf(r.text).requests;
    assert.deepEqual(t['本年新收政府信息公开申请数量'], ['3', '0', '0', '0', '0', '0', '3']);
    assert.deepEqual(t['上年结转政府信息公开申请数量'], ['', '', '0', '0', '0', '0', '0']);
    assert.deepEqual(t['本年度办理结果/予以公开'], ['2', '0', '0', '0', '0', '0', '2']);
  });

  test('2021’s 其他处理 written as one row (2019’s form) is kept as one row', () => {
    const r = importText(
      [
        ...head,
        '本年制发件数 本年废止件数 现行有效件数',
        '（六）其他处理 1 0 0 0 0 0 1',
        '（七）总计 1 0 0 0 0 0 1',
      ].join('\n'),
      { template: 'ogi-annual-2021' },
    );
    assert.deepEqual(tablesOf(r.text).requests['本年度办理结果/其他处理'], ['1', '0', '0', '0', '0', '0', '1']);
    assert.equal(r.summary.templateFrom, 'option');
    assert.ok(
      !r.summary.doubts.some((d) => d.row?.startsWith('本年度办理结果/其他处理/')),
      'its sub-rows are not missing',
    );
  });

  test('a row whose place is not certain is kept under its label and flagged, not dropped', () => {
    const r = importText(
      [
        ...head,
        '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3',
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '（一）予以公开 2 0 0 0 0 0 2',
        '（二）部分公开 0 0 0 0 0 0 0',
        '另行统计的事项 1 0 0 0 0 0 1',
        '另一项统计 1 0 0 0 0 0 1',
        '1.属于国家秘密 0 0 0 0 0 0 0',
      ].join('\n'),
    );
    assert.ok(
      r.summary.doubts.some((d) => d.kind === 'rowUnplaced'),
      JSON.stringify(r.summary.doubts),
    );
    assert.match(r.text, /# 导入：无法确定此行在法定表格中的位置，按原文标签保留/);
  });

  test('rows kept without a label, or under the same label, get their source place: the block stays valid YAML', () => {
    // npm run fuzz found a page whose stray rows all came out as `（原文无标签）:`, a key repeated.
    const r = importText(
      [
        ...head,
        '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3',
        '1 2 3',
        '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
        '4 5',
        '（一）予以公开 2 0 0 0 0 0 2',
      ].join('\n'),
    );
    assert.match(r.text, /\n（原文无标签）: \[null, null, null, null, null, null, null\] {2}# /);
    assert.match(r.text, /\n"?（原文无标签）（第6行）"?: \[null/);
    assert.deepEqual(
      checkText(r.text).filter((f) => f.code === 'yaml-syntax'),
      [],
    );
    assert.equal(r.summary.doubts.filter((d) => d.kind === 'rowUnplaced').length, 2);
  });

  test('lines carry their PDF page; a bare page number at a page’s end is furniture', () => {
    const lines = [
      { text: '某某县统计局2021年政府信息公开工作年度报告', where: { page: 1, line: 1 } },
      { text: '三、收到和处理政府信息公开申请情况', where: { page: 2, line: 1 } },
      { text: '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3', where: { page: 2, line: 2 } },
      { text: '2', where: { page: 2, line: 3 } },
      { text: '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', where: { page: 3, line: 1 } },
    ];
    const r = importTextLines(lines, {}, 'pdf');
    assert.deepEqual(tablesOf(r.text).requests['上年结转政府信息公开申请数量'], ['0', '0', '0', '0', '0', '0', '0']);
    assert.equal(r.source, 'pdf');
    const row = r.text.split('\n').findIndex((l) => l.startsWith('上年结转'));
    assert.deepEqual(r.spans.find((s) => s.line === row)?.where, { page: 3, line: 1 });
  });

  test('the command line’s options override what the document says', () => {
    const r = importText([...head, '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3'].join('\n'), {
      agency: '某某县统计局（代）',
      year: 2022,
      template: 'ogi-annual-2019',
    });
    assert.match(r.text, /^---\ntemplate: ogi-annual-2019\nagency: 某某县统计局（代）\nyear: 2022\n/);
  });

  test('a text without the statutory tables is refused', () => {
    assert.throws(
      () => importText('一、总体情况\n全年主动公开政府信息 100 条。\n'),
      (e: unknown) => e instanceof ImportRefusal && e.reason === 'noTables',
    );
  });

  test('prose stays prose: paragraphs, sub-headings and lists as written, headings as published', () => {
    const r = importText(
      [
        ...head,
        '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3',
        '五、存在的问题及改进情况',
        '（一）存在的问题',
        '一是公开内容不全；',
        '二是更新不及时。',
        '# 不是标题',
      ].join('\n'),
    );
    assert.match(
      r.text,
      /## 五、存在的问题及改进情况\n\n### （一）存在的问题\n\n一是公开内容不全；\n\n二是更新不及时。\n\n\\# 不是标题\n/,
    );
  });
});
