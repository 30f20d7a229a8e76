// Quick fixes: each is a minimal text edit derived from a finding's facts. "Fix all" applies the
// safe replacements (totals, blanks, renames, titles) in one edit.
import { resolveLocale, translator, type Locale, type Translate } from '../i18n/messages';
import type { Report } from '../parse/report';
import type { Range } from '../parse/text';
import { childrenAt, placeAt, type GroupDef } from '../statute';
import type { RowInstance } from '../parse/tableModel';
import { checkReport, type CheckOptions, type Finding } from '../check';
import { columnsAt } from './context';
import { nodeLines, sectionText, tableYaml } from './skeleton';
import type { CodeAction, TextEdit } from './types';

/** Quick-fix titles, from the message bundles (server/src/i18n/features.ts). */
const titles = (t: Translate) => ({
  replaceTotal: (v: string) => t('fixReplaceTotal', { value: v }),
  fillBlank: (v: string) => t('fixFillBlank', { value: v }),
  addColumn: (v: string) => t('fixAddColumn', { column: v }),
  rename: (v: string) => t('fixRename', { name: v }),
  retitle: (v: string) => t('fixRetitle', { title: v }),
  insertSection: (v: string) => t('fixInsertSection', { section: v }),
  insertTable: () => t('fixInsertTable'),
  insertRow: (v: string) => t('fixInsertRow', { row: v }),
  splitGroup: (g: string, n: number, c: string) => t('fixSplitGroup', { group: g, count: n, column: c }),
  fixAll: () => t('fixAll'),
});
type Titles = ReturnType<typeof titles>;

interface Fix {
  title: string;
  edit: TextEdit;
  finding: Finding;
  safe: boolean;
}

export function codeActions(
  report: Report,
  range: Range,
  uri: string,
  options: CheckOptions & { only?: string[] } = {},
): CodeAction[] {
  const loc = resolveLocale(options.locale);
  const findings = checkReport(report, options);
  const actions: CodeAction[] = [];
  const wantQuickFix = !options.only || options.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k));
  const wantFixAll =
    !options.only || options.only.some((k) => k.startsWith('source') && 'source.fixAll.ogi-report'.startsWith(k));
  if (wantQuickFix) {
    for (const f of findings.filter((x) => intersects(x.range, range))) {
      const fix = fixFor(report, f, loc);
      if (fix)
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [f],
          isPreferred: fix.safe,
          edit: { changes: { [uri]: [fix.edit] } },
        });
    }
  }
  if (wantFixAll) {
    const edits: TextEdit[] = [];
    for (const f of findings) {
      const fix = fixFor(report, f, loc);
      if (fix?.safe && !edits.some((e) => intersects(e.range, fix.edit.range))) edits.push(fix.edit);
    }
    if (edits.length)
      actions.push({
        title: titles(translator(loc)).fixAll(),
        kind: 'source.fixAll.ogi-report',
        edit: { changes: { [uri]: edits } },
      });
  }
  return actions;
}

function fixFor(report: Report, f: Finding, loc: Locale): Fix | undefined {
  const T = titles(translator(loc));
  const data = f.data ?? {};
  const replacement = typeof data.replacement === 'string' ? data.replacement : undefined;
  switch (f.code) {
    case 'row-total':
    case 'result-total':
      return replacement !== undefined
        ? { title: T.replaceTotal(replacement), edit: { range: f.range, newText: replacement }, finding: f, safe: true }
        : undefined;
    case 'blank-cell': {
      if (typeof data.insertColumn === 'string') return insertColumn(report, f, data.insertColumn, T.addColumn);
      if (replacement === undefined) return undefined;
      // Nothing after the colon (`key:` / `{…, key: }`): `key:0` would be one plain scalar, not key and value,
      // so the value goes after the colon's space, or after a new one.
      const at = report.lines.offset(f.range.start);
      if (at === report.lines.offset(f.range.end) && report.text[at - 1] === ':') {
        const edit =
          report.text[at] === ' '
            ? { range: report.lines.range(at + 1, at + 1), newText: replacement }
            : { range: f.range, newText: ` ${replacement}` };
        return { title: T.fillBlank(replacement), edit, finding: f, safe: true };
      }
      // A flow-mapping key without its colon (`{…, 社会公益组织, 其他: 0}`): the colon goes in too.
      if (at === report.lines.offset(f.range.end) && /^[ \t]*[,}]/.test(report.text.slice(at, at + 40))) {
        return {
          title: T.fillBlank(replacement),
          edit: { range: f.range, newText: `: ${replacement}` },
          finding: f,
          safe: true,
        };
      }
      // A quoted placeholder ("/", '—'): the quotes go too, or the fix would leave the string "0".
      const end = report.lines.offset(f.range.end);
      const quote = report.text[at - 1];
      const quoted = (quote === '"' || quote === "'") && report.text[end] === quote;
      const range = quoted ? report.lines.range(at - 1, end + 1) : f.range;
      return { title: T.fillBlank(replacement), edit: { range, newText: replacement }, finding: f, safe: true };
    }
    case 'unknown-key':
      return replacement !== undefined
        ? { title: T.rename(replacement), edit: { range: f.range, newText: replacement }, finding: f, safe: true }
        : undefined;
    case 'section-title': {
      const expected = String(data.expected ?? '');
      const line = report.lines.lineText(f.range.start.line);
      const prefix = /^\s*#{1,6}\s*/.exec(line)?.[0] ?? '';
      const trailing = /\s*#*\s*$/.exec(line.slice(prefix.length))?.[0] ?? '';
      const range = {
        start: { line: f.range.start.line, character: prefix.length },
        end: { line: f.range.start.line, character: line.length - trailing.length },
      };
      return expected
        ? { title: T.retitle(expected), edit: { range, newText: expected }, finding: f, safe: true }
        : undefined;
    }
    case 'section-missing': {
      const def = report.template.sections.find((s) => s.number === data.section);
      // Inserted after a fence that is never closed, the section would be code too: no fix to offer.
      if (!def || data.insideOpenFence) return undefined;
      const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
      const atEnd = !report.sections.some((s) => s.heading.line === f.range.start.line);
      const text = sectionText(def, eol);
      if (atEnd) {
        const end = report.lines.position(report.text.length);
        const lead = report.text.endsWith('\n') ? eol : eol + eol;
        return {
          title: T.insertSection(`${def.number}、${def.title}`),
          edit: { range: { start: end, end }, newText: `${lead}${text}` },
          finding: f,
          safe: false,
        };
      }
      const at = { line: f.range.start.line, character: 0 };
      return {
        title: T.insertSection(`${def.number}、${def.title}`),
        edit: { range: { start: at, end: at }, newText: text + eol },
        finding: f,
        safe: false,
      };
    }
    case 'table-missing': {
      const def = report.template.sections.find((s) => s.number === data.section);
      if (!def?.table) return undefined;
      const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
      const end = report.lines.position(report.lines.lineEnd(f.range.start.line));
      const block = ['', '', '```yaml', ...tableYaml(def.table).split('\n'), '```'].join(eol);
      return { title: T.insertTable(), edit: { range: { start: end, end }, newText: block }, finding: f, safe: false };
    }
    case 'missing-row':
      return insertRow(report, f, T);
    default:
      return undefined;
  }
}

/** Inserts a missing row (or group) with zeros at its statutory place among its present siblings. */
function insertRow(report: Report, f: Finding, T: Titles): Fix | undefined {
  const title = T.insertRow;
  const path = Array.isArray(f.data?.path) ? (f.data!.path as string[]) : undefined;
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
  if (def.kind === 'group' && asRow?.groupAsRow) return splitGroupRow(report, f, def, asRow, T.splitGroup);
  const keyLineOf = (p: string[]) => {
    const k = table.rows.get(p.join('/'))?.keyStart ?? table.groups.get(p.join('/'))?.keyStart;
    return k === undefined ? undefined : report.lines.position(k).line;
  };
  const siblings = childrenAt(table.def, parentPath);
  const index = siblings.indexOf(def);
  const lines = report.lines;
  const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
  const indentOf = (l: number) => /^\s*/.exec(lines.lineText(l))![0];
  const columns = columnsAt(table.def, parentPath.length ? parentPath : []);
  const rowColumns = def.kind === 'row' ? columnsAt(table.def, path) : columns;
  const insertAt = (line: number, indent: string): Fix => {
    const rows = nodeLines(def, rowColumns, indent).join(eol);
    // After the last line of a text that does not end its last line (an unclosed block): the
    // rows start on a line of their own, at the end of the text.
    const past = line >= lines.lineCount;
    const at = past ? lines.position(report.text.length) : { line, character: 0 };
    const newText = past ? eol + rows : rows + eol;
    return { title: title(def.key), edit: { range: { start: at, end: at }, newText }, finding: f, safe: false };
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
 * A column left out of a mapping row (reported as blank-cell at the row's key): `key: 0` inserted at the
 * column's statutory place — before the next written column, else after the previous one.
 */
function insertColumn(report: Report, f: Finding, key: string, title: (v: string) => string): Fix | undefined {
  const at = report.lines.offset(f.range.start);
  const row = report.sections
    .flatMap((s) => [...(s.table?.instance?.rows.values() ?? [])])
    .find((r) => r.keyStart === at && r.missingColumns.some((m) => m.column.key === key));
  if (!row) return undefined;
  const { text, lines } = report;
  const j = row.columns.findIndex((c) => c.key === key);
  const written = (i: number) =>
    row.cells[i] && !row.missingColumns.some((m) => m.column === row.cells[i]!.column) ? row.cells[i] : undefined;
  const flow = text[row.valueStart] === '{';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fix = (offset: number, newText: string): Fix => ({
    title: title(key),
    edit: { range: lines.range(offset, offset), newText },
    finding: f,
    safe: true,
  });
  /** Start of the key written before a value (`key: value`), or undefined if the text is not that shape. */
  const keyStartOf = (valueStart: number) => {
    let p = valueStart;
    while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
    if (text[p - 1] !== ':') return undefined;
    p--;
    while (p > 0 && !/[{,\n]/.test(text[p - 1])) p--;
    while (text[p] === ' ' || text[p] === '\t') p++;
    return p;
  };
  for (let k = j + 1; k < row.columns.length; k++) {
    const cell = written(k);
    if (!cell) continue;
    const keyStart = keyStartOf(cell.start);
    if (keyStart === undefined) return undefined;
    if (flow) return fix(keyStart, `${key}: 0, `);
    const lineStart = lines.lineStarts[lines.position(keyStart).line];
    return fix(lineStart, `${text.slice(lineStart, keyStart)}${key}: 0${eol}`);
  }
  for (let k = j - 1; k >= 0; k--) {
    const cell = written(k);
    if (!cell) continue;
    if (flow) return fix(cell.end, `, ${key}: 0`);
    const keyStart = keyStartOf(cell.start);
    if (keyStart === undefined) return undefined;
    const line = lines.position(keyStart).line;
    return fix(lines.lineEnd(line), `${eol}${text.slice(lines.lineStarts[line], keyStart)}${key}: 0`);
  }
  return undefined;
}

/**
 * A statutory group written as one row (2021 其他处理): the row becomes the group, its sub-rows filled
 * with 0 except the catch-all one (其他, else the last), which keeps the written values — so every total
 * stays as it was. Not offered for a value spread over several lines, or not on the key's line.
 */
function splitGroupRow(
  report: Report,
  f: Finding,
  def: GroupDef,
  row: RowInstance,
  title: (g: string, n: number, c: string) => string,
): Fix | undefined {
  const value = report.text.slice(row.valueStart, row.valueEnd);
  const colon = report.text.indexOf(':', row.keyEnd);
  // The value must stand on the key's own line (`其他处理: [1, …]`): a block mapping below the key
  // cannot be moved after `其他:` on one line.
  if (colon === -1 || colon >= row.valueStart || /[\r\n]/.test(report.text.slice(colon, row.valueEnd)))
    return undefined;
  const table = report.sections.find((s) => s.table?.instance?.rows.get(row.path.join('/')) === row)?.table?.instance;
  if (!table) return undefined;
  const eol = report.text.includes('\r\n') ? '\r\n' : '\n';
  const keyLine = report.lines.position(row.keyStart).line;
  const indent = `${/^\s*/.exec(report.lines.lineText(keyLine))![0]}  `;
  const keeper = def.children.find((c) => c.key === def.catchAll) ?? def.children[def.children.length - 1];
  const lines = def.children.flatMap((c) =>
    c === keeper ? [`${indent}${c.key}: ${value}`] : nodeLines(c, columnsAt(table.def, [...row.path, c.key]), indent),
  );
  return {
    title: title(def.key, def.children.length, keeper.key),
    edit: { range: report.lines.range(colon + 1, row.valueEnd), newText: eol + lines.join(eol) },
    finding: f,
    safe: false,
  };
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
