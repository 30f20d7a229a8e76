// The statutory tables as an importer looks for them: the data rows in printed order with every name
// they may be printed under, the header texts, and the names that tell one template from another.
// All of it read from the statute (server/src/statute/): importing is rendering in reverse.
import { TEMPLATES, walkNodes, type Column, type NodeDef, type TableDef, type Template } from '../statute';
import { normalizeKey } from '../parse/normalize';
import { compact } from './values';

/** A data row of a statutory table, in printed order. */
export interface Leaf {
  path: string[];
  def: NodeDef;
  columns: Column[];
  /** Normalised names it may be printed under: label, key, aliases (numbering stripped). */
  names: string[];
  /** A statutory group written as one row (2021's 其他处理 in 2019's form): the alternative to its children. */
  groupAsRow?: boolean;
}

export interface TableLayout {
  def: TableDef;
  leaves: Leaf[];
  /** Normalised texts of the header: corner note, column caption, column labels and parents, captions. */
  headers: string[];
  /** Every character the printed table's labels and headers use: a line made only of them is furniture. */
  chars: Set<string>;
  /** Normalised column labels and keys → the column's index, per column set (a block's or the table's). */
  columnNames: Map<string, number>;
}

// Every cell and line is keyed once per import (and the same labels recur across a folder of reports).
const keys = new Map<string, string>();
/** Canonical form of a printed label: NFKC, no spaces, one quote style, no leading numbering. */
export function labelKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= 20000) keys.clear();
    key = normalizeKey(compact(text));
    keys.set(text, key);
  }
  return key;
}

const layouts = new WeakMap<TableDef, TableLayout>();

export function tableLayout(def: TableDef): TableLayout {
  let layout = layouts.get(def);
  if (layout) return layout;
  const leaves: Leaf[] = [];
  const headers = new Set<string>();
  const columnNames = new Map<string, number>();
  const addColumns = (columns: Column[]) =>
    columns.forEach((c, i) => {
      for (const name of [c.label, c.key]) {
        headers.add(labelKey(name));
        if (!columnNames.has(labelKey(name))) columnNames.set(labelKey(name), i);
      }
      if (c.parent) headers.add(labelKey(c.parent));
    });
  addColumns(def.columns);
  for (const text of [def.cornerNote, def.columnCaption, def.contentHeader, def.caption])
    if (text) headers.add(labelKey(text));
  for (const place of walkNodes(def)) {
    const node = place.def;
    const names = unique([node.label, node.key, ...node.aliases].map(labelKey));
    if (node.kind === 'group') {
      headers.add(labelKey(node.label));
      if (node.columns) addColumns(node.columns);
      if (node.catchAll)
        leaves.push({ path: [...place.path], def: node, columns: place.columns, names, groupAsRow: true });
      continue;
    }
    leaves.push({ path: [...place.path], def: node, columns: place.columns, names });
  }
  const chars = new Set<string>();
  for (const text of [...headers, ...leaves.flatMap((l) => l.names), ...walkNodes(def).map((p) => p.def.numbering)])
    for (const ch of compact(text)) chars.add(ch);
  layout = { def, leaves, headers: [...headers], chars, columnNames };
  layouts.set(def, layout);
  return layout;
}

/** The statutory tables of a template, in section order. */
export function templateTables(template: Template): TableDef[] {
  return template.sections.flatMap((s) => (s.table ? [s.table] : []));
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** Every printed name (rows, groups, columns, captions) of a template's tables, normalised. */
function templateNames(template: Template): Set<string> {
  const names = new Set<string>();
  for (const table of templateTables(template)) {
    const layout = tableLayout(table);
    for (const h of layout.headers) names.add(labelKey(h));
    for (const leaf of layout.leaves) for (const n of leaf.names) names.add(n);
  }
  return names;
}

/**
 * Which registered template a document's tables are printed in: each template scores the names only it
 * uses (`本年新制作数量` for 2019, `本年制发件数` for 2021) found in the text. Longer names are taken out
 * of the text first, so `规范性文件` does not count inside `行政规范性文件`. Undefined when no name of
 * one template alone is found, or two templates score the same.
 */
export function detectTemplate(tableText: string): Template | undefined {
  if (TEMPLATES.length < 2) return TEMPLATES[0];
  const { all, owners } = distinguishing();
  const scores = TEMPLATES.map(() => 0);
  let text = compact(tableText).replace(/[“”"「」『』‘’']/g, '"');
  for (const name of all) {
    if (!text.includes(name)) continue;
    const parts = text.split(name);
    const count = parts.length - 1;
    text = parts.join('\u0000');
    for (const i of owners.get(name)!) scores[i] += count;
  }
  const best = Math.max(...scores);
  if (best === 0 || scores.filter((s) => s === best).length > 1) return undefined;
  return TEMPLATES[scores.indexOf(best)];
}

/**
 * Every printed name of the registered templates, longest first, with the templates that use it while
 * another does not. Computed again only when the registry changes (a template registered).
 */
let names: { templates: readonly Template[]; count: number; all: string[]; owners: Map<string, number[]> } | undefined;
function distinguishing() {
  if (
    names &&
    names.templates === TEMPLATES &&
    names.count === TEMPLATES.length &&
    TEMPLATES.every((t, i) => t === names!.templates[i])
  )
    return names;
  const sets = TEMPLATES.map(templateNames);
  const all = [...new Set(sets.flatMap((set) => [...set]))].filter((n) => n.length >= 2);
  all.sort((a, b) => b.length - a.length);
  const owners = new Map(
    all.map((name) => [
      name,
      sets.flatMap((set, i) => (set.has(name) && sets.some((other, j) => j !== i && !other.has(name)) ? [i] : [])),
    ]),
  );
  names = { templates: TEMPLATES, count: TEMPLATES.length, all, owners };
  return names;
}

/**
 * `detectTemplate` for structured tables: each cell that is exactly a name one template uses (its label
 * with the numbering stripped) counts for that template — no substring can mislead, so no text to scan.
 */
export function detectTemplateFromCells(cells: readonly string[]): Template | undefined {
  if (TEMPLATES.length < 2) return TEMPLATES[0];
  const { owners } = distinguishing();
  const scores = TEMPLATES.map(() => 0);
  for (const cell of cells) {
    // labelKey has one quote style already (normalizeName), as the names it is looked up among.
    for (const i of owners.get(labelKey(cell)) ?? []) scores[i]++;
  }
  const best = Math.max(...scores);
  if (best === 0 || scores.filter((x) => x === best).length > 1) return undefined;
  return TEMPLATES[scores.indexOf(best)];
}

/** The template in force for a report year (STATUTE: 2019 format for 2019–2020, 2021 format after). */
export function templateForYear(year: number): Template | undefined {
  const fitting = TEMPLATES.filter((t) => t.firstYear <= year && (t.lastYear === undefined || year <= t.lastYear));
  return fitting.length === 1 ? fitting[0] : undefined;
}
