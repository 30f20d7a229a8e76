// The Word document (DOCX.md) read back from its package's XML: page and margins, the fonts of each
// element, page numbers, properties, the statutory tables' merges written cell by cell, and the same
// cells, labels, numbering and spans as the HTML preview — on both examples, on one fixture of every
// distinct table shape (spans) and on the blank-cell fixtures (blank and computed cells). One fixture per
// shape: each render costs the library some 50 ms.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildGrid } from '../../server/src/render/grid';
import { titleLines } from '../../server/src/render/docx';
import { labelLines } from '../../server/src/render/docx/tables';
import { parseReport, renderDocx, renderHtml } from '../../server/src/service';
import { byTag, cells, parseHtmlFragment, span, text as htmlText } from '../render/dom';
import {
  all,
  child,
  children,
  deep,
  openPackage,
  readTable,
  text,
  val,
  type Package,
  type ReadTable,
  type XmlElement,
} from './package';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const EXAMPLES = { clean: 'examples/clean-2021.ogi.md', jingzhi: 'examples/jingzhi-2020.ogi.md' };
/** twips of millimetres, as the page is specified. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const TEXT_WIDTH = mm(210) - mm(28) - mm(26);

function fixtures(dir = join(ROOT, 'test', 'fixtures')): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? fixtures(p) : p.endsWith('.ogi.md') ? [p] : [];
    });
}

/** The shape of a report's statutory tables: every cell's spans. */
function tableShape(source: string): string {
  const report = parseReport(source);
  return report.sections
    .flatMap((s) => {
      if (!s.table?.instance) return [];
      const g = buildGrid({ report, instance: s.table.instance, line: s.table.fence.line });
      const rows = [...g.head, ...g.bodies.flat()].map((r) =>
        r.cells.map((c) => `${c.colspan ?? 1}.${c.rowspan ?? 1}`),
      );
      return [`${g.id}:${rows.join('|')}`];
    })
    .join('\n');
}

interface Rendered {
  name: string;
  source: string;
  pkg: Package;
  doc: XmlElement;
}
const rendered = new Map<string, Rendered>();
const examples: Record<keyof typeof EXAMPLES, Rendered> = {} as never;

before(async () => {
  const sources = new Map<string, string>(Object.values(EXAMPLES).map((p) => [p, read(p)]));
  const shapes = new Set([...sources.values()].map(tableShape));
  for (const f of fixtures()) {
    const source = readFileSync(f, 'utf8');
    const shape = tableShape(source);
    if (shapes.has(shape) && !f.includes(`${join('fixtures', 'blank-cell')}`)) continue;
    shapes.add(shape);
    sources.set(f.slice(ROOT.length + 1), source);
  }
  for (const [name, source] of sources) {
    const pkg = await openPackage(await renderDocx(parseReport(source)));
    rendered.set(name, { name, source, pkg, doc: await pkg.xml('word/document.xml') });
  }
  examples.clean = rendered.get(EXAMPLES.clean)!;
  examples.jingzhi = rendered.get(EXAMPLES.jingzhi)!;
});

const body = (r: Rendered) => child(child(r.doc, 'w:document'), 'w:body')!;
const paragraphs = (r: Rendered) => children(body(r), 'w:p');
const styleOf = (p: XmlElement) => val(child(p, 'w:pPr'), 'w:pStyle');
async function style(pkg: Package, id: string) {
  const styles = await pkg.xml('word/styles.xml');
  const found = deep(styles, 'w:style').filter((s) => s.attrs['w:styleId'] === id);
  assert.equal(found.length, 1, `one style ${id}`);
  return found[0];
}
const fonts = (rPr: XmlElement | undefined) => child(rPr, 'w:rFonts')?.attrs;

// ---------------------------------------------------------------- page and type

describe('page and type (GB/T 9704)', () => {
  test('A4 portrait, margins 37/35/28/26 mm, a 156 mm text block, nothing else in the section', () => {
    for (const r of Object.values(examples)) {
      const sectPr = child(body(r), 'w:sectPr')!;
      assert.deepEqual(child(sectPr, 'w:pgSz')!.attrs, { 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
      const m = child(sectPr, 'w:pgMar')!.attrs;
      assert.deepEqual([m['w:top'], m['w:bottom'], m['w:left'], m['w:right']].map(Number), [
        mm(37),
        mm(35),
        mm(28),
        mm(26),
      ]);
      assert.equal(11906 - Number(m['w:left']) - Number(m['w:right']), TEXT_WIDTH);
      assert.ok(Math.abs(TEXT_WIDTH - mm(156)) <= 1);
    }
  });

  test('fonts per element, East Asian slot set, with fallbacks in the font table', async () => {
    const { pkg } = examples.clean;
    const expect = async (id: string, font: string, halfPoints: string) => {
      const rPr = child(await style(pkg, id), 'w:rPr');
      assert.equal(fonts(rPr)?.['w:eastAsia'], font, `${id} East Asian font`);
      assert.equal(fonts(rPr)?.['w:ascii'], font, `${id} Latin font`);
      assert.equal(val(rPr, 'w:sz'), halfPoints, `${id} size`);
    };
    await expect('Title', '方正小标宋简体', '44'); // 2号
    await expect('Normal', '仿宋_GB2312', '32'); // 3号
    await expect('Heading1', '黑体', '32');
    await expect('Heading2', '楷体_GB2312', '32');
    await expect('Heading3', '仿宋_GB2312', '32');
    await expect('OgiTable', '宋体', '21'); // 五号
    await expect('Footer', '宋体', '28'); // 4号

    const normal = child(await style(pkg, 'Normal'), 'w:pPr')!;
    assert.deepEqual(child(normal, 'w:spacing')!.attrs, {
      'w:after': '0',
      'w:before': '0',
      'w:line': '579',
      'w:lineRule': 'exact',
    });
    assert.deepEqual(child(normal, 'w:ind')!.attrs, { 'w:firstLine': '640', 'w:firstLineChars': '200' });
    assert.equal(val(child(await style(pkg, 'Title'), 'w:pPr'), 'w:jc'), 'center');
    for (const id of ['Heading1', 'Heading2', 'Heading3'])
      assert.ok(child(child(await style(pkg, id), 'w:pPr'), 'w:keepNext'), `${id} stays with what follows`);
    const lang = deep(await pkg.xml('word/styles.xml'), 'w:docDefaults')[0];
    assert.equal(deep(lang, 'w:lang')[0].attrs['w:eastAsia'], 'zh-CN');

    const table = Object.fromEntries(
      deep(await pkg.xml('word/fontTable.xml'), 'w:font').map((f) => [
        f.attrs['w:name'],
        { alt: val(f, 'w:altName'), charset: val(f, 'w:charset') },
      ]),
    );
    assert.deepEqual(table['方正小标宋简体'], { alt: '宋体', charset: '86' });
    assert.deepEqual(table['仿宋_GB2312'], { alt: '仿宋', charset: '86' });
    assert.deepEqual(table['楷体_GB2312'], { alt: '楷体', charset: '86' });
    assert.deepEqual(table['黑体'], { alt: 'SimHei', charset: '86' });
    assert.deepEqual(table['宋体'], { alt: 'SimSun', charset: '86' });
    assert.deepEqual(table['仿宋'], { alt: 'FangSong', charset: '86' });
  });

  test('elements take their styles: title, section headings, sub-headings, body, table text', () => {
    const ps = paragraphs(examples.clean);
    assert.equal(styleOf(ps[0]), 'Title');
    assert.equal(
      text(ps[0]),
      '某某县市场监督管理局\n2024年政府信息公开工作年度报告',
      'the title breaks after the agency',
    );
    const byText = (t: string) => ps.find((p) => text(p) === t)!;
    assert.equal(styleOf(byText('一、总体情况')), 'Heading1');
    assert.equal(styleOf(byText('六、其他需要报告的事项')), 'Heading1');
    assert.equal(styleOf(byText('（一）主动公开情况')), 'Heading2');
    assert.equal(styleOf(byText('本年度未收取信息处理费。')), undefined, 'body text is Normal');
    const tables = all(body(examples.clean), 'w:tbl');
    const sizes = tables.map((t) => new Set(deep(t, 'w:sz').map((s) => s.attrs['w:val'])));
    assert.deepEqual(
      sizes.map((s) => [...s]),
      [['21'], ['18'], ['21']],
      'section 三 in 小五 (9 pt), 二 and 四 in 五号 (10.5 pt)',
    );
    for (const t of tables)
      for (const run of deep(t, 'w:r')) assert.equal(fonts(child(run, 'w:rPr'))?.['w:eastAsia'], '宋体');
  });

  test('page numbers “— N —” from a PAGE field, odd pages right and even pages left, in 宋体', async () => {
    const { pkg } = examples.jingzhi;
    const settings = await pkg.xml('word/settings.xml');
    assert.ok(deep(settings, 'w:evenAndOddHeaders').length, 'different odd and even footers');
    const rels = await pkg.xml('word/_rels/document.xml.rels');
    const target = (id: string) => deep(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target;
    const refs = all(child(body(examples.jingzhi), 'w:sectPr')!, 'w:footerReference');
    assert.deepEqual(refs.map((r) => r.attrs['w:type']).sort(), ['default', 'even']);
    for (const ref of refs) {
      const footer = await pkg.xml(`word/${target(ref.attrs['r:id'])}`);
      const [p] = deep(footer, 'w:p');
      assert.equal(deep(footer, 'w:p').length, 1);
      const pPr = child(p, 'w:pPr');
      assert.equal(val(pPr, 'w:pStyle'), 'Footer');
      const odd = ref.attrs['w:type'] === 'default';
      assert.equal(val(pPr, 'w:jc'), odd ? 'right' : 'left');
      assert.equal(child(pPr, 'w:ind')!.attrs[odd ? 'w:right' : 'w:left'], '280', 'one character in');
      const parts = children(p, 'w:r').map((r) => {
        const field = child(r, 'w:fldChar')?.attrs['w:fldCharType'];
        const instr = child(r, 'w:instrText');
        return field ? `{${field}}` : instr ? `[${ownText(instr).trim()}]` : text(r);
      });
      assert.deepEqual(parts, ['— ', '{begin}', '[PAGE]', '{separate}', '{end}', ' —']);
    }
  });

  test('document properties: title = the report title, author = the agency', async () => {
    for (const [r, title, agency] of [
      [examples.clean, '某某县市场监督管理局2024年政府信息公开工作年度报告', '某某县市场监督管理局'],
      [examples.jingzhi, '安丘市景芝镇人民政府2020年政府信息公开工作年度报告', '安丘市景芝镇人民政府'],
    ] as const) {
      const core = await r.pkg.xml('docProps/core.xml');
      assert.equal(ownText(deep(core, 'dc:title')[0]), title);
      assert.equal(ownText(deep(core, 'dc:creator')[0]), agency);
    }
  });

  test('the signature: agency and Chinese date, right-aligned, the date two characters right of the agency', () => {
    const ps = paragraphs(examples.jingzhi);
    const [agency, date] = ps.slice(-2);
    assert.deepEqual([text(agency), text(date)], ['安丘市景芝镇人民政府', '2021年1月26日']);
    for (const p of [agency, date]) assert.equal(styleOf(p), 'OgiSignature');
    const right = (p: XmlElement) => Number(child(child(p, 'w:pPr'), 'w:ind')!.attrs['w:right']);
    assert.equal(right(agency), 2 * 320, 'the agency two characters in from the right');
    // 10 characters of agency; the date is 6.5 ems of characters plus five quarter-em gaps at 年/月/日.
    assert.equal(right(date), Math.round((10 - 7.75) * 320));
    // Never alone on a page: the last body paragraph, the blank line and the agency are kept with the next.
    const keep = (p: XmlElement) => {
      const k = child(child(p, 'w:pPr'), 'w:keepNext');
      return !!k && k.attrs['w:val'] !== 'false';
    };
    assert.deepEqual(ps.slice(-4).map(keep), [true, true, true, false]);
    assert.equal(text(ps.at(-4)!), '2020年，本镇未承办人大代表建议和政协委员提案。');
  });
});

// ---------------------------------------------------------------- the statutory tables

const statutory = (r: Rendered) =>
  all(body(r), 'w:tbl')
    .map(readTable)
    .filter((t) => t.rows.some((row) => row.cells.some((c) => /第二十条|申请人情况|行政复议/.test(c.text))));
const find = (t: ReadTable, label: string) => {
  const found = t.rows.flatMap((r) => r.cells).filter((c) => c.text.replace(/\n/g, '') === label);
  assert.equal(found.length, 1, `one cell “${label}”`);
  return found[0];
};

describe('statutory tables, merges written out', () => {
  test('each fits the text block: fixed layout, the grid adds up to 156 mm, every row fills the grid', () => {
    for (const r of rendered.values()) {
      for (const tbl of all(body(r), 'w:tbl')) {
        const t = readTable(tbl);
        const tblPr = child(tbl, 'w:tblPr')!;
        assert.deepEqual(child(tblPr, 'w:tblW')!.attrs, { 'w:type': 'dxa', 'w:w': String(TEXT_WIDTH) }, r.name);
        assert.equal(val(tblPr, 'w:tblLayout', 'w:type'), 'fixed');
        assert.equal(
          t.grid.reduce((a, b) => a + b, 0),
          TEXT_WIDTH,
          r.name,
        );
        for (const row of t.rows) assert.equal(row.width, t.grid.length, `${r.name}: a row short of the grid`);
        // Every row is kept whole on its page; borders are 0.5 pt single lines.
        assert.ok(t.rows.every((row) => row.cantSplit));
        const borders = child(tblPr, 'w:tblBorders')!;
        for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV'])
          assert.deepEqual([val(borders, side), val(borders, side, 'w:sz')], ['single', '4'], side);
      }
    }
  });

  test('2021: the corner note, 申请人情况 over seven columns, 法人或其他组织 over five, groups down their rows', () => {
    const [proactive, requests, reviews] = statutory(examples.clean);
    assert.equal(proactive.rows.filter((r) => r.header).length, 0, 'section 二 has no head to repeat');
    assert.deepEqual(
      requests.rows.map((r) => r.header),
      requests.rows.map((_, i) => i < 3),
      'the three head rows repeat on each page',
    );
    const corner = requests.rows[0].cells[0];
    assert.match(corner.text, /^（本列数据的勾稽关系为：/);
    assert.deepEqual([corner.colspan, corner.rowspan], [3, 3]);
    assert.deepEqual([find(requests, '申请人情况').colspan, find(requests, '法人或其他组织').colspan], [7, 5]);
    assert.deepEqual([find(requests, '自然人').rowspan, find(requests, '总计').rowspan], [2, 2]);
    const results = find(requests, '三、本年度办理结果');
    assert.deepEqual([results.col, results.colspan, results.rowspan], [0, 1, 22]);
    assert.deepEqual(
      ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'].map((l) => find(requests, l).rowspan),
      [8, 3, 5, 3],
    );
    assert.equal(find(requests, '（七）总计').colspan, 2);
    assert.equal(find(requests, '四、结转下年度继续办理').colspan, 3);
    // Every cell a row span covers is written, as a continue cell, in each row below its first.
    const tbl = requests.element;
    const rows = children(tbl, 'w:tr');
    const first = rows.findIndex((tr) => text(tr).includes('三、本年度办理结果'));
    for (let i = first; i < first + 22; i++) {
      const tc = children(rows[i], 'w:tc')[0];
      const vMerge = child(child(tc, 'w:tcPr'), 'w:vMerge')!;
      assert.equal(vMerge.attrs['w:val'], i === first ? 'restart' : 'continue', `row ${i}`);
      if (i > first) assert.equal(text(tc), '', 'a covered cell is empty');
    }
    // The vertical label stands upright, down its narrow column.
    assert.equal(val(child(children(rows[first], 'w:tc')[0], 'w:tcPr'), 'w:textDirection'), 'tbRl');

    assert.deepEqual(
      reviews.rows.map((r) => r.header),
      [true, true, true, false],
    );
    assert.deepEqual([find(reviews, '行政复议').colspan, find(reviews, '行政诉讼').colspan], [5, 10]);
    assert.deepEqual([find(reviews, '未经复议直接起诉').colspan, find(reviews, '复议后起诉').colspan], [5, 5]);
    assert.equal(reviews.rows[1].cells[0].rowspan, 2, '行政复议’s columns run down two head rows');
    assert.deepEqual(
      reviews.rows[3].cells.map((c) => c.text),
      ['1', '0', '1', '1', '3', '1', '0', '0', '0', '1', '0', '0', '0', '1', '1'],
      '未经复议直接起诉’s left-out total shown as computed (1)',
    );
  });

  test('2019: one 其他处理 row, twenty rows under 本年度办理结果, five captioned blocks in section 二', () => {
    const [proactive, requests] = statutory(examples.jingzhi);
    assert.equal(find(requests, '三、本年度办理结果').rowspan, 20);
    assert.equal(find(requests, '（六）其他处理').colspan, 2);
    const captions = proactive.rows.filter((r) => r.cells.length === 1 && r.cells[0].colspan === 4);
    assert.deepEqual(
      captions.map((r) => r.cells[0].text),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'],
    );
    assert.equal(find(proactive, '采购总金额（万元）').colspan, 2);
  });

  test('computed totals where the author left them out; a blank cell stays blank', () => {
    const [, requests] = statutory(examples.clean);
    const row = (label: string) => requests.rows.find((r) => r.cells.some((c) => c.text.replace(/\n/g, '') === label))!;
    assert.deepEqual(
      row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')
        .cells.slice(-7)
        .map((c) => c.text),
      ['3', '1', '0', '0', '0', '0', '4'],
    );
    assert.equal(row('4.保护第三方合法权益').cells.at(-1)!.text, '3');
    const blank = rendered.get('test/fixtures/blank-cell/marks.ogi.md');
    assert.ok(blank, 'the blank-cell fixture is among the shapes rendered');
    const cellsOf = statutory(blank!).flatMap((t) => t.rows.flatMap((r) => r.cells));
    assert.ok(
      cellsOf.some((c) => c.text === '' && c.rowspan === 1),
      'a blank cell is written empty',
    );
  });

  test('header cells break between words only (商业/企业, never 商业企/业)', () => {
    const [, requests] = statutory(examples.clean);
    assert.equal(find(requests, '社会公益组织').text, '社会\n公益\n组织');
    assert.deepEqual(labelLines('社会公益组织', 0, 3.1), ['社会', '公益', '组织']);
    assert.deepEqual(labelLines('商业企业', 0, 3.1), ['商业', '企业']);
    assert.deepEqual(labelLines('自然人', 0, 3.1), ['自然人']);
    assert.deepEqual(labelLines('（三）不予公开', 3, 3.1), ['（三）不予', '公开'], 'the numbering stays with its word');
  });
});

// ---------------------------------------------------------------- preview and Word agree

/** Every table of the HTML export: per row, its cells' text, colspan and rowspan. */
function htmlTables(source: string) {
  const dom = parseHtmlFragment(renderHtml(parseReport(source), { mode: 'export' }));
  return byTag(dom, 'table').map((t) =>
    byTag(t, 'tr').map((tr) =>
      cells(tr).map((c) => ({ text: htmlText(c), colspan: span(c, 'colspan'), rowspan: span(c, 'rowspan') })),
    ),
  );
}
function wordTables(r: Rendered) {
  return all(body(r), 'w:tbl').map((tbl) =>
    readTable(tbl).rows.map((row) =>
      row.cells.map((c) => ({ text: c.text.replace(/\n/g, ''), colspan: c.colspan, rowspan: c.rowspan })),
    ),
  );
}

test('preview and Word agree: every table, row by row, the same cells, labels, numbers and spans', () => {
  assert.ok(rendered.size >= 15, `${rendered.size} reports rendered`);
  let statutoryTables = 0;
  for (const r of rendered.values()) {
    const html = htmlTables(r.source);
    const word = wordTables(r);
    assert.equal(word.length, html.length, `${r.name}: number of tables`);
    assert.deepEqual(word, html, r.name);
    statutoryTables += statutory(r).length;
  }
  assert.ok(statutoryTables >= 35, `${statutoryTables} statutory tables compared`);
});

// ---------------------------------------------------------------- other Markdown

test('prose carried over: the table of items, lists with their numbers, bold, and nothing lost', () => {
  const r = examples.jingzhi;
  const items = readTable(all(body(r), 'w:tbl')[0]);
  assert.deepEqual(
    items.rows[0].cells.map((c) => c.text),
    ['序号', '名称', '发布日期', '发布机构'],
  );
  assert.equal(items.rows.length, 16);
  assert.deepEqual(
    items.rows.map((row) => row.header),
    items.rows.map((_, i) => i === 0),
    'its head row repeats on each page',
  );
  assert.deepEqual(
    items.rows[6].cells.map((c) => c.text),
    ['6', '景芝镇安全生产考核通报', '2019年12月04日', '景芝镇'],
  );
  const ps = paragraphs(r);
  const starting = (s: string) => ps.find((p) => text(p).startsWith(s))!;
  assert.equal(text(starting('1.机构概况公开及时。')).length > 20, true, 'a list item keeps its number');
  const bold = deep(starting('1.实行考核通报制度。'), 'w:r').filter((run) => child(child(run, 'w:rPr'), 'w:b'));
  assert.deepEqual(
    bold.map((run) => text(run)),
    ['实行考核通报制度。'],
  );
  // Every line of the source's prose (outside code fences) is somewhere in the document.
  const written = ps.map(text).join('\n');
  let fenced = false;
  let checked = 0;
  for (const line of r.source.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const prose = line.replace(/^(#+|\d+\.)\s+/, '').replace(/\*\*/g, '');
    if (fenced || !/^[\u4e00-\u9fff（]/.test(prose)) continue;
    assert.ok(written.includes(prose), prose);
    checked++;
  }
  assert.ok(checked > 30, `${checked} lines of prose`);
});

test('Markdown beyond the examples: emphasis, code, quotes, nested lists, breaks, rules', async () => {
  const source = `---
agency: 某局
year: 2024
issued: 2025-01-20
---

## 一、总体情况

*强调*、~~删除~~、\`code\` 与 [链接](https://example.com)。
第二行接上，
不留空格。

> 引用的话

1. 第一项
   - 子项
2. 第二项

行尾硬换行\\
下一行

---

\`\`\`yaml
其他: 代码
\`\`\`
`;
  const pkg = await openPackage(await renderDocx(parseReport(source)));
  const b = child(child(await pkg.xml('word/document.xml'), 'w:document'), 'w:body')!;
  const ps = children(b, 'w:p');
  const p = (start: string) => ps.find((x) => text(x).startsWith(start))!;
  const runs = deep(p('强调'), 'w:r');
  const rPr = (t: string) =>
    child(
      runs.find((x) => text(x) === t),
      'w:rPr',
    );
  assert.ok(child(rPr('强调'), 'w:i'));
  assert.ok(child(rPr('删除'), 'w:strike'));
  assert.equal(fonts(rPr('code'))?.['w:ascii'], 'Courier New');
  assert.equal(
    text(p('强调')),
    '强调、删除、code 与 链接。第二行接上，不留空格。',
    'Chinese lines join without a space',
  );
  const indent = (x: XmlElement) => Number(child(child(x, 'w:pPr'), 'w:ind')?.attrs['w:left'] ?? 0);
  assert.equal(indent(p('引用的话')), 640);
  assert.equal(text(p('1.第一项')), '1.第一项');
  assert.equal(text(p('•子项')), '•子项');
  assert.equal(indent(p('•子项')), 640, 'a nested list two characters further in');
  assert.equal(text(p('2.第二项')), '2.第二项');
  assert.equal(text(p('行尾硬换行')), '行尾硬换行\n下一行');
  assert.ok(
    ps.some((x) => child(child(child(x, 'w:pPr'), 'w:pBdr'), 'w:bottom')),
    'the rule',
  );
  const code = p('其他: 代码');
  assert.equal(styleOf(code), 'OgiCode');
  assert.equal(deep(b, 'w:hyperlink').length, 0, 'a link keeps its text only');
});

test('a long title breaks after the agency, or before the year; a short one stays on one line', () => {
  assert.deepEqual(titleLines('某局2024年政府信息公开工作年度报告', '某局', 2024), [
    '某局2024年政府信息公开工作年度报告',
  ]);
  assert.deepEqual(titleLines('某某县市场监督管理局2024年政府信息公开工作年度报告', '某某县市场监督管理局', 2024), [
    '某某县市场监督管理局',
    '2024年政府信息公开工作年度报告',
  ]);
  assert.deepEqual(titleLines('关于某某县市场监督管理局2024年政府信息公开工作的年度报告', 'X', 2024), [
    '关于某某县市场监督管理局',
    '2024年政府信息公开工作的年度报告',
  ]);
});

function ownText(e: XmlElement): string {
  return e.children.filter((c): c is string => typeof c === 'string').join('');
}
