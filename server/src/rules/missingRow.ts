// missing-row: a statutory row is absent from a table — at its group's key, or at the opening
// fence for a top-level row. A group written as one row is reported once, at its key.
import type { FindingOf, QuickFix, RawFinding, Rule } from './types';
import type { Translate } from '../i18n/messages';
import { columnsAt } from '../features/context';
import { nodeLines } from '../features/skeleton';
import type { Report } from '../parse/model';
import type { RowInstance } from '../parse/tableModel';
import { childrenAt, placeAt, type GroupDef } from '../statute';
import { eolOf } from './edits';

export const missingRowRule: Rule<MissingRowData> = {
  code: 'missing-row',
  severity: 'warning',
  description: 'A statutory row is absent from a table',
  check({ report, tables, t }) {
    const out: RawFinding<MissingRowData>[] = [];
    for (const { table } of tables) {
      const groupsAsRows = new Set<string>();
      for (const m of table.missingRows) {
        const parentKey = m.parentPath.join('/');
        const asRow = parentKey !== '' && table.rows.get(parentKey)?.groupAsRow;
        if (asRow) {
          if (groupsAsRows.has(parentKey)) continue;
          groupsAsRows.add(parentKey);
          const group = table.rows.get(parentKey)!.def;
          const count = group.kind === 'group' ? group.children.length : 0;
          out.push({
            ...m.at,
            message: t('groupAsRow', { group: group.key, template: report.template.id, count }),
            data: { path: [...m.parentPath] },
          });
          continue;
        }
        const row = m.def.key;
        out.push({
          ...m.at,
          message: m.parentPath.length
            ? t('missingRowIn', { row, parent: m.parentPath[m.parentPath.length - 1] })
            : t('missingRow', { row }),
          data: { path: [...m.parentPath, m.def.key] },
        });
      }
    }
    return out;
  },
  fix(finding, { report, t }) {
    return insertRow(report, finding, t);
  },
};

/** The path of the missing row, or of the group written as one row. */
interface MissingRowData {
  path: readonly string[];
}

/** Inserts a missing row (or group) with zeros at its statutory place among its present siblings. */
function insertRow(report: Report, f: FindingOf<MissingRowData>, t: Translate): QuickFix | undefined {
  const path = f.data?.path;
  if (!path) return undefined;
  const offset = report.lines.offset(f.range.start);
  const section = report.sections.find(
    (s) => s.table?.instance && s.table.fence.start <= offset && offset <= s.table.fence.contentEnd,
  );
  const table = section?.table?.instance;
  if (!section || !table) return undefined;
  const def = placeAt(table.def, path)?.def;
  const parentPath = path.slice(0, -1);
  if (!def || table.rows.get(parentPath.join('/'))?.groupAsRow) return undefined;
  const asRow = table.rows.get(path.join('/'));
  if (def.kind === 'group' && asRow?.groupAsRow) return splitGroupRow(report, def, asRow, t);
  const keyLineOf = (p: string[]) => {
    const k = table.rows.get(p.join('/'))?.keyStart ?? table.groups.get(p.join('/'))?.keyStart;
    return k === undefined ? undefined : report.lines.position(k).line;
  };
  const siblings = childrenAt(table.def, parentPath);
  const index = siblings.indexOf(def);
  const lines = report.lines;
  const eol = eolOf(report);
  const indentOf = (l: number) => /^\s*/.exec(lines.lineText(l))![0];
  const columns = columnsAt(table.def, parentPath.length ? parentPath : []);
  const rowColumns = def.kind === 'row' ? columnsAt(table.def, [...path]) : columns;
  const insertAt = (line: number, indent: string): QuickFix => {
    const rows = nodeLines(def, rowColumns, indent).join(eol);
    // After the last line of a text that does not end its last line (an unclosed block): the
    // rows start on a line of their own, at the end of the text.
    const past = line >= lines.lineCount;
    const at = past ? lines.position(report.text.length) : { line, character: 0 };
    const newText = past ? eol + rows : rows + eol;
    return {
      title: t('fixInsertRow', { row: def.key }),
      edit: { range: { start: at, end: at }, newText },
      safe: false,
    };
  };
  // Before the next present sibling…
  for (const sib of siblings.slice(index + 1)) {
    const line = keyLineOf([...parentPath, sib.key]);
    if (line !== undefined) return insertAt(line, indentOf(line));
  }
  // …else after the previous present sibling's subtree…
  const lastContentLine = lines.position(section.table!.fence.contentEnd).line - 1;
  for (const sib of siblings.slice(0, index).reverse()) {
    const line = keyLineOf([...parentPath, sib.key]);
    if (line === undefined) continue;
    const indent = indentOf(line);
    let end = line;
    for (let l = line + 1; l <= lastContentLine; l++) {
      const t = lines.lineText(l);
      if (t.trim() === '') continue;
      if (/^\s*/.exec(t)![0].length <= indent.length) break;
      end = l;
    }
    return insertAt(end + 1, indent);
  }
  // …else first under the parent key (or the opening fence).
  const parentLine = parentPath.length ? keyLineOf(parentPath) : section.table!.fence.line;
  if (parentLine === undefined) return undefined;
  return insertAt(parentLine + 1, parentPath.length ? `${indentOf(parentLine)}  ` : '');
}

/**
 * A statutory group written as one row (2021 其他处理): the row becomes the group, its sub-rows filled
 * with 0 except the catch-all one (the statute's `catchAll`, else the last), which keeps the written values — so every total
 * stays as it was. Not offered for a value spread over several lines, or not on the key's line.
 */
function splitGroupRow(report: Report, def: GroupDef, row: RowInstance, t: Translate): QuickFix | undefined {
  const value = report.text.slice(row.valueStart, row.valueEnd);
  const colon = report.text.indexOf(':', row.keyEnd);
  // The value must stand on the key's own line (`其他处理: [1, …]`): a block mapping below the key
  // cannot be moved after `其他:` on one line.
  if (colon === -1 || colon >= row.valueStart || /[\r\n]/.test(report.text.slice(colon, row.valueEnd)))
    return undefined;
  const table = report.sections.find((s) => s.table?.instance?.rows.get(row.path.join('/')) === row)?.table?.instance;
  if (!table) return undefined;
  const eol = eolOf(report);
  const keyLine = report.lines.position(row.keyStart).line;
  const indent = `${/^\s*/.exec(report.lines.lineText(keyLine))![0]}  `;
  const keeper = def.children.find((c) => c.key === def.catchAll) ?? def.children[def.children.length - 1];
  const lines = def.children.flatMap((c) =>
    c === keeper ? [`${indent}${c.key}: ${value}`] : nodeLines(c, columnsAt(table.def, [...row.path, c.key]), indent),
  );
  return {
    title: t('fixSplitGroup', { group: def.key, count: def.children.length, column: keeper.key }),
    edit: { range: report.lines.range(colon + 1, row.valueEnd), newText: eol + lines.join(eol) },
    safe: false,
  };
}
