// Importing is rendering in reverse, as properties: every example and fixture rendered by the engine's
// HTML renderer imports back to the tables it shows; the same page flattened to text (pipes, empty cells
// collapsed, as tools flatten HTML tables) imports to the same tables except the rows the importer says
// it cannot place (a blank cell in a flat row); random tables of every template do the same; and a
// fictional template imports with no change outside its data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { importHtmlText } from '../../server/src/import/html';
import { importText } from '../../server/src/import/text';
import { tableLayout, templateTables } from '../../server/src/import/layout';
import { TEMPLATES, registerTemplate, type Template } from '../../server/src/statute';
import { parseReport, renderDocument } from '../../server/src/service';
import fictional from '../fixtures/templates/fictional-2031';
import { ROUND_TRIP_SOURCES, gridDifferences, tablesOf, withoutMarkers } from './tables';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ROUND_TRIP_SOURCES;

const page = (text: string) => renderDocument(parseReport(text));

describe('render to HTML → import gives the same tables', () => {
  test('there are examples and fixtures to go round', () => assert.ok(SOURCES.length > 100, `${SOURCES.length}`));
  for (const file of SOURCES) {
    test(relative(ROOT, file), () => {
      const source = withoutMarkers(readFileSync(file, 'utf8'));
      if (parseReport(source).sections.every((s) => !s.table?.instance)) return; // nothing rendered as a table
      const imported = importHtmlText(page(source));
      assert.deepEqual(gridDifferences(source, imported.text), []);
    });
  }
});

type Node = DefaultTreeAdapterMap['node'];
/** The page as a tool that flattens HTML gives it: a line per paragraph, `| a | b |` per table row, empty cells dropped. */
function flatten(html: string): string {
  const lines: string[] = [];
  const text = (n: Node): string =>
    n.nodeName === '#text'
      ? (n as DefaultTreeAdapterMap['textNode']).value
      : 'childNodes' in n
        ? n.childNodes.map(text).join('')
        : '';
  const walk = (n: Node) => {
    if (!('tagName' in n)) {
      if ('childNodes' in n) n.childNodes.forEach(walk);
      return;
    }
    if (['style', 'script', 'head'].includes(n.tagName)) return;
    if (n.tagName === 'tr') {
      const cells = n.childNodes
        .filter((c): c is DefaultTreeAdapterMap['element'] => 'tagName' in c && /^t[dh]$/.test(c.tagName))
        .map((c) => text(c).replace(/\s+/g, ''))
        .filter((c) => c !== '');
      if (cells.length) lines.push(`| ${cells.join(' | ')} |`);
      return;
    }
    if (/^(p|h[1-6]|li)$/.test(n.tagName)) {
      lines.push(text(n).replace(/\s+/g, ' ').trim());
      return;
    }
    n.childNodes.forEach(walk);
  };
  walk(parse(html));
  return lines.join('\n');
}

describe('render → flattened text → import: the same tables, or the rows it says it cannot place', () => {
  for (const file of SOURCES) {
    test(relative(ROOT, file), () => {
      const source = withoutMarkers(readFileSync(file, 'utf8'));
      if (parseReport(source).sections.every((s) => !s.table?.instance)) return;
      const html = page(source);
      const fromHtml = tablesOf(importHtmlText(html).text);
      const result = importText(flatten(html));
      const fromText = tablesOf(result.text);
      const doubtful = new Set(
        result.summary.doubts
          .filter((d) => d.kind === 'rowValues' || d.kind === 'rowMissing')
          .map((d) => `${d.table}:${d.row}`),
      );
      const flat = result.summary.doubts.some((d) => d.kind === 'rowValues' && d.table === 'reviews');
      const missingTables = new Set(result.summary.doubts.filter((d) => d.kind === 'tableMissing').map((d) => d.table));
      for (const [id, rows] of Object.entries(fromHtml)) {
        for (const [path, cells] of Object.entries(rows)) {
          const got = fromText[id]?.[path];
          if (got && JSON.stringify(got) === JSON.stringify(cells)) continue;
          // Not placed: the importer said so (values it cannot place, or a row of blanks only, which flattened text
          // does not show as a row), and the page shows an empty cell in that row (or, in the
          // one-row table of section 四, or a table not found at all, somewhere in the table).
          const said = doubtful.has(`${id}:${path}`) || (id === 'reviews' && flat) || missingTables.has(id);
          assert.ok(said, `${id} ${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(cells)}, and no doubt says so`);
          // …where flattening loses something: an empty cell, or a cell of words (which joins the label).
          const lossy = (list: string[]) => list.some((c) => c === '' || !/^-?[\d.]+$/.test(c));
          assert.ok(
            id === 'reviews' || missingTables.has(id) ? lossy(Object.values(rows).flat()) : lossy(cells),
            `${id} ${path}`,
          );
          assert.ok(got === undefined || got.every((c) => c === ''), `${id} ${path}: a doubtful row keeps no value`);
        }
      }
    });
  }
});

/** A report of a template with the given cells, every row written as a list (or a scalar for one column). */
function reportWith(template: Template, cell: (kind: string, path: string) => string): string {
  const lines = [
    '---',
    `template: ${template.id}`,
    'agency: 某某县人民政府办公室',
    `year: ${template.firstYear}`,
    `issued: ${template.firstYear + 1}-01-20`,
    '---',
    '',
  ];
  for (const section of template.sections) {
    lines.push(`## ${section.number}、${section.title}`, '');
    if (!section.table) {
      lines.push('正文。', '');
      continue;
    }
    lines.push('```yaml');
    const emit = (nodes: typeof section.table.nodes, parent: string[], indent: string) => {
      for (const node of nodes) {
        const path = [...parent, node.key];
        if (node.kind === 'group') {
          lines.push(`${indent}${node.key}:`);
          emit(node.children, path, `${indent}  `);
          continue;
        }
        const leaf = tableLayout(section.table!).leaves.find((l) => l.path.join('/') === path.join('/'))!;
        const values = leaf.columns.map((c) => cell(c.kind, path.join('/')));
        lines.push(`${indent}${node.key}: ${values.length === 1 ? values[0] : `[${values.join(', ')}]`}`);
      }
    };
    emit(section.table.nodes, [], '');
    lines.push('```', '');
  }
  return lines.join('\n');
}

describe('random tables, every template: render → import gives the same tables', () => {
  const value = fc.oneof(
    { weight: 6, arbitrary: fc.nat({ max: 99999 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('null', '"/"', '"—"', '~') },
    { weight: 1, arbitrary: fc.constantFrom('"251000元"', '"约5件"', '"三"') },
    { weight: 1, arbitrary: fc.integer({ min: -50, max: -1 }).map(String) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 9999, noNaN: true }).map((d) => d.toFixed(2)) },
  );
  for (const template of TEMPLATES) {
    test(template.id, () => {
      fc.assert(
        fc.property(fc.array(value, { minLength: 300, maxLength: 300 }), (values) => {
          let k = 0;
          const source = reportWith(template, () => values[k++ % values.length]);
          const imported = importHtmlText(page(source));
          assert.deepEqual(gridDifferences(source, imported.text), []);
          assert.equal(imported.summary.template, template.id);
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 30) },
      );
    });
  }
});

test('a fictional template imports with no change outside its data (its row names, its extra column)', () => {
  const template = registerTemplate(fictional);
  const source = reportWith(template, (_kind, path) => String(path.length % 7));
  const imported = importHtmlText(page(source));
  assert.equal(imported.summary.template, 'ogi-annual-2031');
  assert.equal(imported.summary.templateFrom, 'tables');
  assert.deepEqual(gridDifferences(source, imported.text), []);
  assert.match(imported.text, /全部公开: \[/);
  const reviews = templateTables(template).find((t) => t.id === 'reviews')!;
  assert.equal(tableLayout(reviews).leaves[0].columns.length, 6);
});
