// The Word documents as an office opens them: LibreOffice (Debian's libreoffice-writer-nogui, headless,
// a profile of its own) converts each exported example and a hostile report to PDF — one run for all,
// shared by every assertion; pdftotext reads back every statutory label and number in order; pdftoppm
// leaves a PNG of each page in test-artifacts/docx/ to be looked at. Hostile report text stays text:
// no field, hyperlink or macro comes from it. LibreOffice and poppler-utils are required (CI installs
// them with scripts/setup.sh).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { buildGrid } from '../../server/src/render/grid';
import { chineseDate, parseReport, renderDocx } from '../../server/src/service';
import { hostileTail } from '../render/hostile';
import { child, deep, openPackage, text, type Package } from './package';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'docx');
const SOFFICE = process.env.OGI_SOFFICE ?? '/usr/bin/soffice';
const TIMEOUT = { timeout: 180_000 };

const HOSTILE = `---
agency: "<script>alert(1)</script>\\"><w:t>某局"
year: 2024
issued: 2025-01-20
title: "<w:fldSimple w:instr=\\"PAGE\\"/>标题{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe }"
---

<script>window.__pwned=1;alert(1)</script>

## 一、总体情况

正文 <img src=x onerror="alert(1)"> 与 [x](javascript:alert(1)) 和 [官网](https://example.com/) 和 <https://example.com/a>。

{ PAGE } { DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" } { INCLUDETEXT "http://example.com/x" } ]]> &amp; &#x1;

<w:fldSimple w:instr="HYPERLINK http://example.com"/><w:hyperlink r:id="rId1"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:t></w:r></w:p>

控制字符：\u0001\u000b\u001f。

${hostileTail()}`;

const DOCS = {
  'clean-2021': readFileSync(join(ROOT, 'examples', 'clean-2021.ogi.md'), 'utf8'),
  'jingzhi-2020': readFileSync(join(ROOT, 'examples', 'jingzhi-2020.ogi.md'), 'utf8'),
  hostile: HOSTILE,
};
type Name = keyof typeof DOCS;

let work: string;
const packages = {} as Record<Name, Package>;
const pdfText = {} as Record<Name, string>;
const pages = {} as Record<Name, string[]>;
let conversion: { stdout: string; stderr: string };

before(async () => {
  if (!existsSync(SOFFICE))
    assert.fail(
      `LibreOffice not found at ${SOFFICE}: install it with \`apt-get install -y libreoffice-writer-nogui poppler-utils\` (scripts/setup.sh does), or set OGI_SOFFICE.`,
    );
  work = mkdtempSync(join(tmpdir(), 'ogi-report-docx-'));
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const files: string[] = [];
  for (const [name, source] of Object.entries(DOCS) as [Name, string][]) {
    const bytes = await renderDocx(parseReport(source));
    packages[name] = await openPackage(bytes);
    const file = join(work, `${name}.docx`);
    writeFileSync(file, bytes);
    writeFileSync(join(ARTIFACTS, `${name}.docx`), bytes);
    files.push(file);
  }
  // One LibreOffice for all three; its own profile and HOME, so that parallel runs never share one.
  // The fonts.conf beside this file stands the Noto CJK faces in for the official Chinese fonts.
  conversion = await run(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      work,
      ...files,
    ],
    {
      env: { ...process.env, HOME: work, FONTCONFIG_FILE: join(__dirname, 'fonts.conf') },
      timeout: 150_000,
    },
  );
  await Promise.all(
    (Object.keys(DOCS) as Name[]).map(async (name) => {
      const pdf = join(work, `${name}.pdf`);
      if (!existsSync(pdf)) return;
      writeFileSync(join(ARTIFACTS, `${name}.pdf`), readFileSync(pdf));
      pdfText[name] = (await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'])).stdout;
      await run('pdftoppm', ['-r', '80', '-png', pdf, join(ARTIFACTS, name)]);
      pages[name] = readdirSync(ARTIFACTS)
        .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
        .sort();
    }),
  );
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const squeeze = (s: string) => s.replace(/\s+/g, '');

test('LibreOffice converts each exported document to an A4 PDF without complaint', TIMEOUT, async () => {
  // Debian's LibreOffice always says it could not start Java, which it does not need here; nothing else.
  const complaints = conversion.stderr.split('\n').filter((l) => l.trim() && !/javaldx|java may not function/.test(l));
  assert.deepEqual(complaints, []);
  for (const name of Object.keys(DOCS) as Name[]) {
    assert.match(conversion.stdout, new RegExp(`${name}\\.docx -> .*${name}\\.pdf`), name);
    const info = (await run('pdfinfo', [join(work, `${name}.pdf`)])).stdout;
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/, name);
  }
});

test('pdftotext: every statutory label and number, in reading order, on both templates', TIMEOUT, () => {
  for (const name of ['clean-2021', 'jingzhi-2020'] as const) {
    const report = parseReport(DOCS[name]);
    const expected: string[] = [report.frontMatter.data.agency!];
    for (const section of report.sections) {
      expected.push(section.heading.text.replace(/^#+\s*/, ''));
      const block = section.table;
      if (!block?.instance) continue;
      const grid = buildGrid({ report, instance: block.instance, line: block.fence.line });
      for (const row of [...grid.head, ...grid.bodies.flat()])
        for (const cell of row.cells) if (cell.text) expected.push(cell.text);
    }
    expected.push(report.frontMatter.data.agency!, chineseDate(report.frontMatter.data.issued!));
    const got = squeeze(pdfText[name]);
    let at = 0;
    for (const item of expected) {
      const found = got.indexOf(squeeze(item), at);
      assert.ok(found >= 0, `${name}: “${item}” not found after …${got.slice(Math.max(0, at - 40), at)}`);
      at = found + squeeze(item).length;
    }
    assert.ok(expected.length > 200, `${name}: ${expected.length} items in order`);
    // Every page carries its number between dashes.
    const numbers = [...pdfText[name].matchAll(/—\s*(\d+)\s*—/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      numbers,
      pages[name].map((_, i) => i + 1),
      `${name}: page numbers`,
    );
  }
});

test('a PNG of every page is kept in test-artifacts/docx/', TIMEOUT, () => {
  for (const name of Object.keys(DOCS) as Name[]) {
    assert.ok(pages[name]?.length >= 1, name);
    for (const png of pages[name]) assert.ok(statSync(join(ARTIFACTS, png)).size > 5_000, png);
  }
  assert.ok(pages['clean-2021'].length >= 5 && pages['jingzhi-2020'].length >= 6);
});

test(
  'hostile report text stays text: no field, hyperlink, external target or macro comes from it',
  TIMEOUT,
  async () => {
    const pkg = packages.hostile;
    const document = await pkg.xml('word/document.xml');
    for (const tag of ['w:fldChar', 'w:fldSimple', 'w:instrText', 'w:hyperlink', 'w:object', 'w:pict', 'w:drawing'])
      assert.equal(deep(document, tag).length, 0, tag);
    const raw = await pkg.raw('word/document.xml');
    assert.ok(!raw.includes('<script'), 'markup in the text is escaped');
    assert.ok(!/[\u0001\u000b\u001f]/.test(raw), 'control characters are not written (XML forbids them)');
    // The words are all there, as text.
    const written = deep(document, 'w:p').map(text).join('\n');
    for (const s of [
      '<script>window.__pwned=1;alert(1)</script>',
      '{ PAGE } { DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc" }',
      '<w:fldSimple w:instr="HYPERLINK http://example.com"/>',
      '[x](javascript:alert(1))',
      '官网',
      '控制字符：\ufffd\ufffd\ufffd。',
      '<b onmouseover="alert(1)">h</b>',
    ])
      assert.ok(written.includes(s), s);
    // Nothing points outside the package, and it is a plain document: no macros, no embedded objects.
    for (const rels of pkg.files.filter((f) => f.endsWith('.rels')))
      assert.doesNotMatch(await pkg.raw(rels), /TargetMode="External"/, rels);
    assert.ok(!pkg.files.some((f) => /vba|activeX|embeddings|\.bin$/i.test(f)), pkg.files.join(' '));
    const types = await pkg.raw('[Content_Types].xml');
    assert.doesNotMatch(types, /macroEnabled|vbaProject/);
    assert.match(types, /wordprocessingml\.document\.main\+xml/);
    // The only fields are the page numbers of the two footers.
    for (const footer of pkg.files.filter((f) => /^word\/footer\d+\.xml$/.test(f))) {
      const instr = deep(await pkg.xml(footer), 'w:instrText').map((i) => i.children.join('').trim());
      assert.deepEqual(instr, ['PAGE'], footer);
    }
    const core = await pkg.xml('docProps/core.xml');
    assert.equal(
      deep(core, 'dc:creator')[0].children.join(''),
      '<script>alert(1)</script>"><w:t>某局',
      'the author is the agency, as text',
    );
    assert.ok(child(deep(core, 'cp:coreProperties')[0], 'dc:title'));
    // LibreOffice shows the text, as text.
    const shown = squeeze(pdfText.hostile);
    for (const s of ['<script>window.__pwned=1;alert(1)</script>', '{PAGE}{DDEAUTO', '[x](javascript:alert(1))'])
      assert.ok(shown.includes(squeeze(s)), s);
  },
);
