// Comparing statutory tables across an import: the values each report's tables hold (as the parser
// reads them), and the cells each report's tables show (as the renderer lays them out).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../server/src/service';
import { buildGrid } from '../../server/src/render/grid';

/** Every row of every statutory table: its path → the cells as written (blank ``, invalid as printed). */
export function tablesOf(text: string): Record<string, Record<string, string[]>> {
  const report = parseReport(text);
  const out: Record<string, Record<string, string[]>> = {};
  for (const s of report.sections) {
    const instance = s.table?.instance;
    if (!instance) continue;
    const rows: Record<string, string[]> = {};
    for (const [key, row] of instance.rows)
      rows[key] = row.cells.map((c) =>
        c === undefined ? '(left out)' : c.blank ? '' : c.invalid ? c.raw : String(c.value),
      );
    out[instance.def.id] = rows;
  }
  return out;
}

export interface ShownCell {
  text: string;
  computed: boolean;
}

/** The cells of each statutory table as rendered (headers, labels, numbers), by table id. */
export function gridsOf(text: string): Map<string, ShownCell[][]> {
  const report = parseReport(text);
  const out = new Map<string, ShownCell[][]>();
  for (const s of report.sections) {
    const instance = s.table?.instance;
    if (!instance) continue;
    const grid = buildGrid({ report, instance, line: s.table!.fence.line });
    out.set(
      grid.id,
      [...grid.head, ...grid.bodies.flat()].map((r) => r.cells.map((c) => ({ text: c.text, computed: !!c.computed }))),
    );
  }
  return out;
}

/**
 * How the imported report's tables differ from the source's as rendered: a cell differs unless it shows
 * the same text, or the source showed it empty and the import reads it blank (then the renderer shows a
 * blank total as computed). Tables the source has none of are not compared. Empty: the same tables.
 */
export function gridDifferences(source: string, imported: string): string[] {
  const a = gridsOf(source),
    b = gridsOf(imported);
  const out: string[] = [];
  for (const [id, rows] of a) {
    const other = b.get(id);
    if (!other) {
      out.push(`${id}: not imported`);
      continue;
    }
    if (other.length !== rows.length) out.push(`${id}: ${rows.length} rows shown, ${other.length} imported`);
    rows.forEach((row, r) => {
      const cells = other[r] ?? [];
      const same =
        row.length === cells.length &&
        row.every((c, i) => c.text === cells[i].text || (c.text === '' && cells[i].computed));
      if (!same)
        out.push(`${id} row ${r}: ${row.map((c) => c.text).join('|')} ≠ ${cells.map((c) => c.text).join('|')}`);
    });
  }
  return out;
}

/** The fixture markers (`<!-- expect: … -->`, `# expect: …`) out of a report: they are test notes, not content. */
export function withoutMarkers(text: string): string {
  return text.replace(/[ \t]*<!--\s*expect:[^>]*-->/g, '').replace(/[ \t]*#\s*expect:.*$/gm, '');
}

const ROOT = join(__dirname, '..', '..');
const reportsIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ogi.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
/** Every example and fixture report: the inputs of the round-trip properties. */
export const ROUND_TRIP_SOURCES = [...reportsIn(join(ROOT, 'examples')), ...reportsIn(join(ROOT, 'test', 'fixtures'))];
