// The seed (FORMAT.md §8; its copy in test/fixtures/import/seed/): a real published report as extracted from its PDF, tables flattened. Its
// import holds the same tables as examples/jingzhi-2020.ogi.md (typed from it by hand), and the front
// matter its title, signature and preamble state.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importText } from '../../server/src/import/text';
import { checkText } from '../../server/src/service';
import { tablesOf } from './tables';

const ROOT = join(__dirname, '..', '..');
const SEED = join(ROOT, 'test', 'fixtures', 'import', 'seed', 'jingzhi-2020-report.txt');
const EXAMPLE = join(ROOT, 'examples', 'jingzhi-2020.ogi.md');

test('the seed is in the repository (a clean clone has no ../shared)', () => {
  assert.ok(existsSync(SEED), `${SEED} is missing`);
});

test('the seed imports to the same tables as examples/jingzhi-2020.ogi.md, every cell read', () => {
  const result = importText(readFileSync(SEED, 'utf8'));
  const expected = tablesOf(readFileSync(EXAMPLE, 'utf8'));
  assert.deepEqual(tablesOf(result.text), expected);
  assert.equal(Object.keys(expected).length, 3);
  assert.deepEqual(result.summary.doubts, []);
  assert.deepEqual(result.summary.cells, { read: 198, blank: 0, unreadable: 0 });
});

test('the front matter comes from the title, the signature and the preamble', () => {
  const { summary, text } = importText(readFileSync(SEED, 'utf8'));
  assert.equal(summary.template, 'ogi-annual-2019');
  assert.equal(summary.templateFrom, 'tables');
  // The title says 景芝镇人民政府; the signature's fuller name ends with it.
  assert.equal(summary.agency, '安丘市景芝镇人民政府');
  assert.equal(summary.year, 2020);
  assert.equal(summary.issued, '2021-01-26');
  assert.equal(summary.contact, '0536-4611001');
  assert.deepEqual(summary.sections, ['一', '二', '三', '四', '五', '六']);
  assert.match(text, /^---\ntemplate: ogi-annual-2019\nagency: 安丘市景芝镇人民政府\nyear: 2020\nissued: 2021-01-26\n/);
});

test('the seed’s real defects are found in its import, as in the example typed from it', () => {
  const imported = checkText(importText(readFileSync(SEED, 'utf8')).text);
  const codes = (findings: { code: string }[]) => [...new Set(findings.map((f) => f.code))].sort();
  // The heading as published (五、存在的问题…), the prose figure (同意公开答复 5 against 4), the 2019 items.
  assert.deepEqual(codes(imported), ['prose-mismatch', 'section-title', 'year-mismatch']);
  const example = checkText(readFileSync(EXAMPLE, 'utf8'));
  const count = (list: { code: string }[], code: string) => list.filter((f) => f.code === code).length;
  assert.equal(count(imported, 'year-mismatch'), count(example, 'year-mismatch'));
});
