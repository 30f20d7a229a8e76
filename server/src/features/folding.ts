// Folding: the front matter, each statutory section, every fenced block, and groups inside tables.
import type { Report } from '../parse/model';
import type { FoldingRange } from './types';

export function foldingRanges(report: Report): FoldingRange[] {
  const { lines } = report;
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    if (endLine > startLine) out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  if (report.frontMatter.end > 0) add(0, lines.position(report.frontMatter.end).line);
  for (const s of report.sections) {
    let last = lines.position(s.end).line;
    if (s.end < report.text.length || lines.lineText(last).trim() === '') last--;
    while (last > s.heading.line && lines.lineText(last).trim() === '') last--;
    add(s.heading.line, last, 'region');
  }
  for (const f of report.fences) add(f.line, lines.position(f.end).line);
  for (const s of report.sections) {
    const table = s.table?.instance;
    if (!table) continue;
    for (const g of table.groups.values()) {
      const prefix = `${g.path.join('/')}/`;
      let end = g.keyStart;
      for (const r of table.rows.values()) if (r.path.join('/').startsWith(prefix)) end = Math.max(end, r.valueEnd);
      add(lines.position(g.keyStart).line, lines.position(end).line);
    }
  }
  return out;
}
