// Export to Word, then import: the round trip of issues 15 and 16, as a property over every example and
// fixture — the Word document the office hands in imports back to the tables its report holds (the
// Word renderer and the importer's Word reading meet in the statute's layout, from opposite sides).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { importSource } from '../../server/src/import/index';
import { renderDocx } from '../../server/src/render/docx/index';
import { parseReport } from '../../server/src/service';
import { ROUND_TRIP_SOURCES, gridDifferences, withoutMarkers } from './tables';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ROUND_TRIP_SOURCES;

describe('export to Word → import gives the same tables', () => {
  test('there are examples and fixtures to go round', () => assert.ok(SOURCES.length > 100, `${SOURCES.length}`));
  for (const file of SOURCES) {
    test(relative(ROOT, file), async () => {
      const source = withoutMarkers(readFileSync(file, 'utf8'));
      const report = parseReport(source);
      if (report.sections.every((s) => !s.table?.instance)) return; // nothing exported as a statutory table
      const docx = await renderDocx(report);
      const imported = await importSource(docx, 'report.docx');
      assert.deepEqual(gridDifferences(source, imported.text), []);
    });
  }
});
