// The PDF reader on PDFs made as offices make theirs (test/fixtures/import/pdf/, by make.ts there, from
// the .ogi.md beside each): each imports to the tables of the report it was printed from; what IMPORT.md
// says PDFs do is in them, and none of it reaches the lines; `check` finds the defects planted in each,
// located by page; scans, passwords and damage are refused (exit 2, the reason); the limits hold.
// The CLI tests run the built bin (`npm run build`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { importSource, ImportRefusal } from '../../server/src/import';
import { pdfPages, pdfToLines } from '../../server/src/import/pdf';
import type { PdfPage } from '../../server/src/import/pdfTypes';
import type { SourceLine } from '../../server/src/import/types';
import { translator } from '../../server/src/i18n/messages';
import { findChromium, printPdf } from '../../server/src/output/pdf';
import { parseReport, checkText } from '../../server/src/service';
import { renderDocument } from '../../server/src/render';
import { makeTempDir, runBin } from '../cli/helpers';
import { gridDifferences, withoutMarkers } from './tables';

const DIR = join(__dirname, '..', 'fixtures', 'import', 'pdf');
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const source = (name: string) => withoutMarkers(readFileSync(join(DIR, `${name}.ogi.md`), 'utf8'));
const zh = translator('zh-cn');

/** The reason an import was refused, or a failure when it was not. */
async function refusal(promise: Promise<unknown>): Promise<ImportRefusal> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof ImportRefusal, `not a refusal: ${String(e)}`);
    return e;
  }
  assert.fail('imported, not refused');
}

const runsText = (pages: PdfPage[]) => pages.flatMap((p) => p.runs.map((r) => r.text));

for (const name of ['county-2021', 'township-2019']) {
  describe(`${name}.pdf`, () => {
    let lines: SourceLine[];
    let pages: PdfPage[];
    before(async () => {
      pages = await pdfPages(bytes(`${name}.pdf`));
      lines = await pdfToLines(bytes(`${name}.pdf`));
    });

    test('imports to the tables of the report it was printed from, every cell read', async () => {
      const result = await importSource(bytes(`${name}.pdf`), `${name}.pdf`);
      // The cells as the report shows them (a total the source leaves to be computed is printed).
      assert.deepEqual(gridDifferences(source(name), result.text), []);
      assert.deepEqual(result.summary.doubts, []);
      assert.equal(result.summary.cells.unreadable, 0);
      assert.equal(result.source, 'pdf');
      const { data } = parseReport(source(name)).frontMatter;
      assert.equal(result.summary.template, data.template ?? 'ogi-annual-2021');
      assert.equal(result.summary.templateFrom, 'tables');
      assert.equal(result.summary.agency, data.agency);
      assert.equal(result.summary.year, data.year);
      assert.equal(result.summary.issued, data.issued);
    });

    test('page numbers and the running header are printed on every page, and are no line', () => {
      const number = name === 'county-2021' ? /^- \d+ -$/ : /^—\d+—$/;
      assert.equal(runsText(pages).filter((t) => number.test(t.trim())).length, pages.length);
      assert.deepEqual(
        lines.filter((l) => number.test(l.text.trim())),
        [],
      );
      const header = pages.map((p) =>
        p.runs
          .filter((r) => r.y > p.height * 0.9)
          .map((r) => r.text)
          .join(''),
      );
      assert.ok(header.every((h) => h.includes('年政府信息公开工作年度报告')));
      // Only the title on the first page says it: the header on the others is gone.
      assert.ok(lines.filter((l) => /年政府信息公开工作年度报告$/.test(l.text)).length <= 1);
    });

    test('the requests table runs across a page break; its header is read once', () => {
      const rows = lines.filter((l) => /(\t[\d—]+){7}$/.test(l.text) && /属于|本机关|信访|重复申请/.test(l.text));
      const onPages = new Set(rows.map((l) => l.where.page));
      assert.ok(onPages.size >= 2, `requests rows on pages ${[...onPages]}`);
      assert.equal(lines.filter((l) => l.text.includes('申请人情况')).length, 1);
      if (name === 'township-2019') {
        const printed = pages.filter((p) => p.runs.some((r) => r.text.includes('申请人情况'))).length;
        assert.ok(printed >= 2, 'the header is repeated on the next page');
      }
    });

    test('Kangxi radicals in the text layer come out as the ideographs they stand for', () => {
      assert.ok(runsText(pages).some((t) => /[\u2f00-\u2fdf]/.test(t)));
      assert.ok(lines.every((l) => !/[\u2f00-\u2fdf]/.test(l.text)));
      assert.ok(lines.some((l) => l.text.startsWith('二、主动公开政府信息情况')));
    });

    test('wrapped labels come out whole, their values on the same line', () => {
      assert.ok(
        lines.some((l) => /^（二）部分公开（区分处理的，只计这一情形，不计其他情形）(\t\d+){7}$/.test(l.text)),
        'the wrapped 部分公开 row',
      );
      // As printed: on two or more baselines, beside its values.
      const label = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
      const start = pages.flatMap((p) => p.runs).find((r) => r.text.startsWith('（二）部分公开'))!;
      const parts = pages
        .flatMap((p) => p.runs)
        .filter((r) => Math.abs(r.y - start.y) < 40 && Math.abs(r.x - start.x) < 60 && label.includes(r.text.trim()));
      assert.ok(new Set(parts.map((r) => Math.round(r.y))).size >= 2, 'the label is printed wrapped');
    });

    test('check finds the defects planted in it, each located by its page', () => {
      const r = runBin(['check', '--format', 'json', join(DIR, `${name}.pdf`)]);
      assert.equal(r.status, 1, r.stderr);
      const [file] = JSON.parse(r.stdout) as {
        diagnostics: { code: string; message: string; sourceLocation?: { page?: number } }[];
      }[];
      const expected = checkText(source(name)).map((f) => `${f.code} ${f.message}`);
      assert.deepEqual(file.diagnostics.map((d) => `${d.code} ${d.message}`).sort(), expected.sort());
      for (const d of file.diagnostics) {
        const page = d.sourceLocation?.page;
        assert.ok(page !== undefined && page >= 1 && page <= pages.length, `${d.code} located at page ${page}`);
      }
      // Where each kind of defect is: the page its text is on.
      const pageOf = (re: RegExp) => lines.find((l) => re.test(l.text))!.where.page;
      const at = (code: string, word: string) =>
        file.diagnostics.find((d) => d.code === code && d.message.includes(word))?.sourceLocation?.page;
      assert.equal(at('section-title', '五、存在的问题'), pageOf(/^五、存在的问题及改进情况$/));
      if (name === 'county-2021') {
        assert.equal(at('row-total', '本年新收'), pageOf(/^一、本年新收政府信息公开申请数量\t/));
        assert.equal(at('row-total', '属于行政执法案卷'), pageOf(/7\.属于行政执法案卷\t/));
        assert.equal(at('late-publication', '2025-02-10'), pageOf(/^2025 ?年 ?2 ?月 ?10 ?日$/));
      } else {
        assert.equal(at('row-total', '本机关不掌握'), pageOf(/1\.本机关不掌握/));
        assert.equal(at('blank-cell', '上年结转'), pageOf(/^二、上年结转政府信息公开申请数量\t—/));
      }
    });
  });
}

test('township-2019.pdf: the label typed one character per line goes before the first row of its group', async () => {
  const pages = await pdfPages(bytes('township-2019.pdf'));
  // Printed one character per line: nine runs at one x, one under the other, in the label's order.
  // Printed one character per line: nine runs at one x on one page, one under the other, in order.
  const column = pages.flatMap(({ runs }) =>
    runs.filter((r) => r.text === '三').map((r) => runs.filter((c) => Math.abs(c.x - r.x) < 1 && c.y <= r.y)),
  );
  const stacked = column.find(
    (c) =>
      c
        .slice(0, 9)
        .map((r) => r.text)
        .join('') === '三、本年度办理结果',
  );
  assert.ok(stacked, 'the label stands one character per line');
  assert.equal(new Set(stacked.slice(0, 9).map((r) => r.y)).size, 9);
  const lines = (await pdfToLines(bytes('township-2019.pdf'))).map((l) => l.text);
  assert.ok(lines.includes('三、本年度办理结果\t（一）予以公开\t4\t0\t0\t0\t0\t0\t4'));
  // The blank cell of 上年结转's 自然人 column is marked in its column, not lost.
  assert.ok(lines.includes('二、上年结转政府信息公开申请数量\t—\t0\t0\t0\t0\t0\t0'));
});

describe('refused: exit 2, nothing written, a message that says what it is and what to do', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
    for (const f of ['scanned.pdf', 'encrypted.pdf', 'county-2021.pdf']) writeFileSync(join(dir, f), bytes(f));
    writeFileSync(join(dir, 'renamed.pdf'), '<html><body>这不是 PDF</body></html>');
    writeFileSync(join(dir, 'truncated.pdf'), bytes('county-2021.pdf').subarray(0, 900));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a scanned PDF (an image, no text layer)', async () => {
    assert.equal((await refusal(pdfToLines(bytes('scanned.pdf')))).reason, 'scanned');
    const r = runBin(['import', 'scanned.pdf'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.ok(r.stdout.includes(zh('importRefusedScanned', { path: 'scanned.pdf' })), r.stdout);
    assert.ok(!existsSync(join(dir, 'scanned.ogi.md')));
    const check = runBin(['check', 'scanned.pdf'], { cwd: dir });
    assert.equal(check.status, 2);
    assert.match(check.stderr, /扫描版/);
  });

  test('a scan whose only text is its page number is a scan', async () => {
    const content = 'BT /F1 10 Tf 1 0 0 1 290 40 Tm (- 1 -) Tj ET';
    const font = '/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> ';
    const refused = await refusal(pdfToLines(minimalPdf(deflateSync(Buffer.from(content)), font)));
    assert.equal(refused.reason, 'scanned');
    assert.equal(refused.detail, '0 characters on 1 pages');
  });

  test('a PDF with an open password; one that only restricts copying and printing opens and is read', async () => {
    assert.equal((await refusal(pdfToLines(bytes('encrypted.pdf')))).reason, 'encrypted');
    const r = runBin(['import', 'encrypted.pdf'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.ok(r.stdout.includes(zh('importRefusedEncrypted', { path: 'encrypted.pdf' })), r.stdout);
    assert.ok(!existsSync(join(dir, 'encrypted.ogi.md')));
    const lines = await pdfToLines(bytes('restricted.pdf'));
    assert.ok(lines.some((l) => /本年新收政府信息公开申请数量\s*48\s*件/.test(l.text)));
  });

  test('a damaged PDF, and a file that only says it is one', async () => {
    assert.equal((await refusal(pdfToLines(new TextEncoder().encode('<html>这不是 PDF</html>')))).reason, 'damaged');
    assert.equal((await refusal(pdfToLines(bytes('county-2021.pdf').subarray(0, 900)))).reason, 'damaged');
    for (const file of ['renamed.pdf', 'truncated.pdf']) {
      const r = runBin(['import', file], { cwd: dir });
      assert.equal(r.status, 2, file);
      assert.match(r.stdout, new RegExp(`${file}：文件已损坏或不是它的扩展名所示的格式（.+）`));
    }
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.ogi.md')),
      [],
    );
  });

  test('beyond the limits: pages, bytes, inflated streams, time', async () => {
    const county = bytes('county-2021.pdf');
    assert.match((await refusal(pdfToLines(county, { maxPages: 3 }))).detail, /^6 > 3 pages$/);
    assert.equal((await refusal(pdfToLines(county, { maxBytes: 1000 }))).reason, 'tooLarge');
    assert.equal((await refusal(pdfToLines(county, { timeoutMs: 1 }))).reason, 'tooLarge');
    // A content stream of a few kilobytes that inflates to megabytes: refused before pdf.js holds it.
    // (Its filter named before a nested dictionary, as in `/DecodeParms << … >>`, is still seen.)
    const bomb = minimalPdf(deflateSync(Buffer.alloc(8 * 1024 * 1024, ' ')), '', '/DecodeParms << /Columns 1 >> ');
    const inflated = await refusal(pdfToLines(bomb, { maxInflatedBytes: 1024 * 1024 }));
    assert.equal(inflated.reason, 'tooLarge');
    assert.match(inflated.detail, /inflated/);
    // Images are not counted (text extraction never decodes them): the scan's 465 KB picture is a scan.
    assert.equal((await refusal(pdfToLines(bytes('scanned.pdf'), { maxInflatedBytes: 100_000 }))).reason, 'scanned');
    assert.deepEqual(await pdfToLines(county), await pdfToLines(county), 'the reader is whole after a refusal');
  });

  test('a page pdf.js needs long for is stopped on time, the thread with it', async () => {
    // One page whose content is millions of operators (compressed to a few kilobytes).
    const content = deflateSync(Buffer.from('q 1 0 0 1 0 0 cm Q\n'.repeat(3_000_000)));
    const pdf = minimalPdf(content);
    const started = performance.now();
    const refused = await refusal(pdfToLines(pdf, { timeoutMs: 300 }));
    assert.equal(refused.reason, 'tooLarge');
    assert.ok(performance.now() - started < 300 + 2000 + 3000, 'stopped within the limit and its grace');
  });
});

test('a page printed by Chromium (Type 3 fonts, `—N—` page numbers in the margin) imports to its tables', async (t) => {
  if (!findChromium()) return t.skip('no Chromium on PATH');
  const report = source('county-2021');
  const margins =
    '<style>@page { size: A4; margin: 20mm 18mm; @bottom-center { content: "—" counter(page) "—"; } }</style>\n</head>';
  const pdf = await printPdf(renderDocument(parseReport(report)).replace('</head>', margins), zh);
  const pages = await pdfPages(new Uint8Array(pdf));
  assert.ok(
    runsText(pages).some((s) => /^—\d+—$/.test(s)),
    'page numbers printed',
  );
  const result = await importSource(new Uint8Array(pdf), 'chromium.pdf');
  assert.deepEqual(gridDifferences(report, result.text), []);
  assert.deepEqual(result.summary.doubts, []);
});

test('a page turned to landscape (/Rotate 90) is read as it is shown, rows across the long side', async () => {
  // Text set upright on the turned page runs up the unturned one: each row at its own x, values further up.
  const row = (x: number, label: string, values: number[]) =>
    `0 1 -1 0 ${x} 80 Tm (${label}) Tj ` + values.map((v, i) => `0 1 -1 0 ${x} ${300 + i * 80} Tm (${v}) Tj `).join('');
  const content = `BT /F1 12 Tf ${row(100, 'Requests received', [5, 0, 5])}${row(130, 'Carried over', [1, 2, 3])}ET`;
  const font = '/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Rotate 90 ';
  const lines = await pdfToLines(minimalPdf(deflateSync(Buffer.from(content)), font));
  assert.deepEqual(
    lines.map((l) => [l.where.page, l.text]),
    [
      [1, 'Requests received\t5\t0\t5'],
      [1, 'Carried over\t1\t2\t3'],
    ],
  );
});

test('pdf.js is bundled apart: neither the server, the CLI nor the importer bundle carries it', () => {
  const dist = join(__dirname, '..', '..', 'dist');
  const has = (file: string) => readFileSync(join(dist, file), 'utf8').includes('PDFDocumentLoadingTask');
  assert.ok(has('pdf-worker.js'));
  for (const file of ['server.js', 'cli.js', 'import.js']) assert.ok(!has(file), `${file} carries pdf.js`);
  assert.ok(existsSync(join(dist, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap')));
  assert.ok(existsSync(join(dist, 'pdfjs', 'standard_fonts', 'LiberationSans-Regular.ttf')));
});

/** A one-page PDF with the given (Flate-compressed) content stream and page entries, its xref table exact. */
function minimalPdf(content: Buffer, page = '', stream = ''): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${page}>>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0].length;
  const add = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  objects.forEach((o, i) => {
    offsets.push(at);
    add(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  offsets.push(at);
  add(Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode ${stream}>>\nstream\n`));
  add(content);
  add(Buffer.from('\nendstream\nendobj\n'));
  const xref = at;
  add(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
        `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}
