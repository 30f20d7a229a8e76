// The outline: statutory sections (with other headings inside them) → their table → groups → rows.
import type { Report, Section } from '../parse/model';
import { walkNodes } from '../statute';
import { SymbolKind, type DocumentSymbol } from './types';

export function documentSymbols(report: Report): DocumentSymbol[] {
  const { lines } = report;
  const range = (start: number, end: number) => lines.range(start, end);
  const out: DocumentSymbol[] = [];
  const sectionSymbols = new Map<Section, DocumentSymbol>();
  for (const s of report.sections) {
    const symbol: DocumentSymbol = {
      name: s.heading.text,
      detail: s.match.issue ? `${s.def.number}、${s.def.title}` : undefined,
      kind: SymbolKind.Namespace,
      range: range(s.start, endOfContent(report, s.end)),
      selectionRange: range(s.heading.start, s.heading.end),
      children: [],
    };
    sectionSymbols.set(s, symbol);
    out.push(symbol);
  }
  // Other headings: inside the statutory section that contains them, or at top level (preamble).
  for (const h of report.headings) {
    if (report.sections.some((s) => s.heading === h)) continue;
    const owner = report.sections.filter((s) => s.start <= h.start && h.start < s.end).pop();
    const symbol: DocumentSymbol = {
      name: h.text || '#',
      kind: SymbolKind.String,
      range: range(h.start, h.end),
      selectionRange: range(h.start, h.end),
      children: [],
    };
    if (owner) sectionSymbols.get(owner)!.children.push(symbol);
    else out.push(symbol);
  }
  for (const [s, symbol] of sectionSymbols) {
    const block = s.table;
    if (!block) continue;
    const tableSymbol: DocumentSymbol = {
      name: s.def.table!.caption,
      kind: SymbolKind.Struct,
      range: range(block.fence.start, block.fence.end),
      selectionRange: range(block.fence.start, block.fence.start + 3),
      children: [],
    };
    const instance = block.instance;
    if (instance) {
      const byPath = new Map<string, DocumentSymbol>();
      for (const { def, path } of walkNodes(instance.def)) {
        const key = path.join('/');
        const group = instance.groups.get(key);
        const row = instance.rows.get(key);
        const at = group ?? row;
        if (!at) continue;
        const symbol: DocumentSymbol = {
          name: def.key,
          detail: `${def.numbering}${def.label}` !== def.key ? `${def.numbering}${def.label}` : undefined,
          kind: group ? SymbolKind.Class : SymbolKind.Field,
          range: range(at.keyStart, row ? row.valueEnd : at.keyEnd),
          selectionRange: range(at.keyStart, at.keyEnd),
          children: [],
        };
        byPath.set(key, symbol);
        (byPath.get(path.slice(0, -1).join('/'))?.children ?? tableSymbol.children).push(symbol);
      }
      // A group's range covers its rows.
      for (const symbol of byPath.values()) {
        const last = symbol.children[symbol.children.length - 1];
        if (last) symbol.range = { start: symbol.range.start, end: last.range.end };
      }
    }
    symbol.children.unshift(tableSymbol);
  }
  return out;
}

/** A section's range ends at its last non-blank character, not on the next heading's line. */
function endOfContent(report: Report, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(report.text[e - 1])) e--;
  return e;
}
