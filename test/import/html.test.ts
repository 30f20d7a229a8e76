// Web pages as government CMSs serve them (IMPORT.md, HTML): the report inside page chrome and layout
// tables, GBK bytes, nowrap cells with <p> inside, &nbsp; blanks, <br> in labels, headings as plain
// paragraphs; pages that load the report by script; pages without the statutory tables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decodeHtml, importHtml, importHtmlText } from '../../server/src/import/html';
import { ImportRefusal } from '../../server/src/import/types';
import { checkText } from '../../server/src/service';
import { FIXTURES } from './docx';
import { tablesOf } from './tables';

const CMS = readFileSync(join(FIXTURES, 'cms-gbk-2021.html'));

describe('a county CMS page in GB2312 (test/fixtures/import/cms-gbk-2021.html)', () => {
  const result = importHtml(CMS);
  const tables = tablesOf(result.text);

  test('is decoded by its declared charset', () => {
    assert.equal(CMS.includes(Buffer.from('临河县', 'utf8')), false, 'the fixture is GBK, not UTF-8');
    assert.match(decodeHtml(CMS), /临河县自然资源局2021年政府信息公开工作年度报告/);
  });

  test('the front matter: the article’s title (not a sidebar link’s), its 发布日期, the preamble’s telephone', () => {
    const s = result.summary;
    assert.deepEqual(
      [s.template, s.templateFrom, s.agency, s.year, s.issued, s.contact],
      ['ogi-annual-2021', 'tables', '临河县自然资源局', 2021, '2022-01-20', '0478-8123456'],
    );
    assert.deepEqual(s.sections, ['一', '二', '三', '四', '五', '六']);
  });

  test('the page chrome stays out: navigation, sidebar, footer, the hidden block', () => {
    for (const chrome of ['首页', '相关报告', '网站标识码', '当前位置', '统计代码', 'Copyright'])
      assert.ok(!result.text.includes(chrome), chrome);
    assert.match(result.text, /## 一、总体情况\n\n2021年，临河县自然资源局认真贯彻落实《条例》/);
    assert.match(result.text, /### （一）主动公开情况/);
  });

  test('data tables are numbered as a reader counts them (the layout tables around the article are not)', () => {
    assert.deepEqual(
      result.summary.tables.map((x) => [x.id, x.found, x.where?.table]),
      [
        ['proactive', true, 1],
        ['requests', true, 2],
        ['reviews', true, 3],
      ],
    );
  });

  test('cells as published: thousands separators, full-width digits, a unit kept verbatim, &nbsp; blank', () => {
    assert.deepEqual(tables.proactive['第二十条第（五）项/行政许可'], ['1286']);
    assert.deepEqual(tables.proactive['第二十条第（六）项/行政处罚'], ['215']);
    assert.deepEqual(tables.proactive['第二十条第（八）项/行政事业性收费'], ['3.75万元']);
    assert.deepEqual(tables.requests['本年度办理结果/不予公开/属于行政执法案卷'], ['', '0', '0', '0', '0', '0', '0']);
    // <br> inside the column headers (商业<br>企业) and the vertical group label read as one word each.
    assert.deepEqual(tables.requests['本年新收政府信息公开申请数量'], ['28', '3', '0', '1', '1', '0', '33']);
    assert.deepEqual(tables.reviews['行政复议'], ['1', '0', '0', '1', '2']);
    assert.deepEqual(result.summary.cells, { read: 199, blank: 1, unreadable: 0 });
  });

  test('faithful: the wrong total stays, and the checker finds every planted defect', () => {
    assert.deepEqual(tables.requests['本年度办理结果/总计'], ['24', '3', '0', '1', '1', '0', '31']);
    const codes: string[] = checkText(result.text).map((f) => f.code);
    for (const code of ['prose-mismatch', 'invalid-value', 'blank-cell', 'result-total', 'row-total'])
      assert.ok(codes.includes(code), code);
  });

  test('each table cell written remembers its table, row and column, and the page’s source line', () => {
    const line = result.text.split('\n').findIndex((l) => l.startsWith('  总计: '));
    const character = result.text.split('\n')[line].lastIndexOf('31');
    const span = result.spans.find((s) => s.line === line && s.start === character);
    assert.deepEqual(
      { table: span?.where.table, row: span?.where.row, column: span?.where.column },
      { table: 2, row: 27, column: 10 },
    );
    assert.equal(span?.where.line, 76, 'the HTML source line of the cell (its row is line 76 of the page)');
  });
});

const page = (body: string, head = '<meta charset="utf-8">') =>
  `<!doctype html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;
const requestsTable = (rows: string) =>
  `<table><tr><td colspan="2">\u3000</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>${rows}</table>`;

describe('what CMS markup does', () => {
  test('nested layout tables, <br> inside labels, nowrap, <p> in cells, an extra empty column', () => {
    const html = page(`
      <table><tr><td><table><tr><td>
        <p>某某街道办事处2024年政府信息公开工作年度报告</p>
        <p>三、收到和处理政府信息公开申请情况</p>
        <table border="1">
          <tr><td colspan="2">\u3000</td><td nowrap><p align="center">自然<br>人</p></td><td><p>商业<br/>企业</p></td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总&nbsp;计</td><td></td></tr>
          <tr><td colspan="2"><p>一、本年新收政府信息<br>公开申请数量</p></td><td>3</td><td>1</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>4</td><td></td></tr>
          <tr><td colspan="2">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td></tr>
        </table>
      </td></tr></table></td></tr></table>`);
    const r = importHtmlText(html);
    const t = tablesOf(r.text).requests;
    assert.deepEqual(t['本年新收政府信息公开申请数量'], ['3', '1', '', '0', '0', '0', '4']);
    assert.deepEqual(t['上年结转政府信息公开申请数量'], ['0', '0', '0', '0', '0', '0', '0']);
    assert.equal(r.summary.agency, '某某街道办事处');
    assert.equal(r.summary.year, 2024);
  });

  test('a table the page hides (display:none) is not read, and the visible ones keep their numbers and lines', () => {
    const html = page(
      `<div style="display:none"><table><tr><td>x</td></tr></table></div>\n<p>三、收到和处理政府信息公开申请情况</p>\n${requestsTable(
        '\n<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>',
      )}`,
    );
    const r = importHtmlText(html);
    assert.deepEqual(tablesOf(r.text).requests['本年新收政府信息公开申请数量'], ['1', '0', '0', '0', '0', '0', '1']);
    assert.equal(r.summary.tables.find((x) => x.id === 'requests')?.where?.table, 1);
  });

  test('a page declaring UTF-8 but saved in GBK is read as GB18030', () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta charset="utf-8"><p>'),
      Buffer.from([0xd6, 0xf7, 0xb6, 0xaf]),
      Buffer.from('</p>'),
    ]);
    assert.match(decodeHtml(bytes), /<p>主动<\/p>/);
  });

  test('a page without a declared charset: UTF-8, else GB18030', () => {
    const body = '<p>二、主动公开政府信息情况</p>';
    assert.match(decodeHtml(Buffer.from(page(body, ''), 'utf8')), /主动公开/);
    const gbk = Buffer.from(new TextEncoder().encode(''));
    assert.equal(gbk.length, 0);
    // 主动 in GBK: d6 f7 b6 af — not UTF-8, so the page is read as GB18030.
    const bytes = Buffer.concat([Buffer.from('<p>'), Buffer.from([0xd6, 0xf7, 0xb6, 0xaf]), Buffer.from('</p>')]);
    assert.equal(decodeHtml(bytes), '<p>主动</p>');
  });

  test('characters YAML does not print (a damaged byte, C1 controls) are escaped: the block stays valid', () => {
    // npm run fuzz: one byte of the GBK page set to 0x7f broke the YAML stream of the imported table.
    const html = page(
      `<p>三、收到和处理政府信息公开申请情况</p>${requestsTable(
        '<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>1\u007f件</td><td>0</td><td>0</td><td>0</td><td>0</td><td>\u0090</td><td>1</td></tr>',
      )}`,
    );
    const r = importHtmlText(html);
    assert.match(r.text, /本年新收政府信息公开申请数量: \["1\\u007f件", 0, 0, 0, 0, "\\u0090", 1\]/);
    assert.deepEqual(
      checkText(r.text).filter((f) => f.code === 'yaml-syntax'),
      [],
    );
    assert.deepEqual(tablesOf(r.text).requests['本年新收政府信息公开申请数量'], [
      '1\u007f件',
      '0',
      '0',
      '0',
      '0',
      '\u0090',
      '1',
    ]);
  });

  test('a page whose report is loaded by script is refused, saying so; its scripts never run', () => {
    const html = page(`
      <div class="header">首页 | 政务公开</div>
      <div id="content"></div>
      <script>document.getElementById('content').innerHTML = '<table><tr><td>行政复议</td></tr></table>';</script>
      <script src="/api/article.js?id=123"></script>`);
    assert.throws(
      () => importHtmlText(html),
      (e: unknown) => e instanceof ImportRefusal && e.reason === 'scriptBody',
    );
  });

  test('a page without the statutory tables is refused', () => {
    assert.throws(
      () =>
        importHtmlText(
          page('<p>一、总体情况</p><p>全年主动公开信息100条。</p><table><tr><td>序号</td><td>名称</td></tr></table>'),
        ),
      (e: unknown) => e instanceof ImportRefusal && e.reason === 'noTables',
    );
  });

  test('markup nested thousands deep, and spans beyond any table, neither throw nor hang', () => {
    const deep = `${'<div>'.repeat(20000)}<p>三、收到和处理政府信息公开申请情况</p>${requestsTable('<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>')}${'</div>'.repeat(20000)}`;
    assert.throws(() => importHtmlText(page(deep)), ImportRefusal);
    const spans = page(
      `<p>三、收到和处理政府信息公开申请情况</p>${requestsTable('<tr><td colspan="99999" rowspan="0">一、本年新收政府信息公开申请数量</td><td colspan="100000">1</td></tr>'.repeat(50))}`,
    );
    try {
      importHtmlText(spans);
    } catch (e) {
      assert.ok(e instanceof ImportRefusal);
    }
  });
});
