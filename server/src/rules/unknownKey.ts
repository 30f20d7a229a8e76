// unknown-key: a row, group or column name that is not statutory for the report's template.
// Says where a misplaced name belongs, recognises the other template's names, else suggests the nearest.
// A key the table reader counted as a statutory row (`standsFor`) suggests exactly that row.
import { TEMPLATES, childrenAt, placeAt, walkNodes, type TableDef, type Template } from '../statute';
import { nearest, normalizeKey, normalizeName } from '../parse/normalize';
import { nodeMatches, renamedSibling } from '../parse/table';
import type { RawFinding, Rule } from './types';
import { replaceFinding } from './edits';

export const unknownKeyRule: Rule<{ replacement?: string }> = {
  code: 'unknown-key',
  severity: 'error',
  description: 'A row/column/group name that is not statutory for this template',
  check({ report, tables, t }) {
    const out: RawFinding[] = [];
    const template = report.template;
    for (const { section, table } of tables) {
      for (const u of table.unknownKeys) {
        const where = u.parentPath.length
          ? t('whereIn', { parent: u.parentPath[u.parentPath.length - 1] })
          : t('whereTop');
        const base = { start: u.start, end: u.end };
        const standsFor = u.standsFor?.[u.standsFor.length - 1];
        if (u.kind === 'column') {
          const columns = placeAt(table.def, u.parentPath)?.columns ?? table.def.columns;
          const near =
            standsFor ??
            nearest(
              u.key,
              columns.map((c) => c.key),
              0.5,
            );
          const row = u.parentPath[u.parentPath.length - 1];
          const other = otherTemplateWith(template, section.number, u.key, 'column');
          const list = columns.map((c) => c.key).join(t('andJoin'));
          out.push(
            near
              ? {
                  ...base,
                  message: t('unknownColumnNearest', { key: u.key, row, nearest: near }),
                  data: { replacement: near },
                }
              : other
                ? {
                    ...base,
                    message: t('unknownColumnOtherTemplate', {
                      key: u.key,
                      other: other.id,
                      template: template.id,
                      row,
                      columns: list,
                    }),
                  }
                : { ...base, message: t('unknownColumn', { key: u.key, row, columns: list }) },
          );
          continue;
        }
        const siblings = childrenAt(table.def, u.parentPath).map((n) => n.key);
        // 1. A statutory name of this template, in the wrong place.
        const elsewhere = walkNodes(table.def).find((n) => nodeMatches(n.def, u.key));
        if (elsewhere) {
          const place = elsewhere.path.length > 1 ? elsewhere.path[elsewhere.path.length - 2] : t('whereTop');
          out.push({ ...base, message: t('unknownKeyWrongPlace', { key: u.key, place }) });
          continue;
        }
        // 2. A name of another template: renamed (规范性文件 → 行政规范性文件) or removed.
        const other = otherTemplateWith(template, section.number, u.key, 'row');
        if (other) {
          const name = standsFor ?? renamedSibling(u.key, siblings);
          out.push(
            name
              ? {
                  ...base,
                  message: t('unknownKeyOtherTemplate', { key: u.key, other: other.id, template: template.id, name }),
                  data: { replacement: name },
                }
              : { ...base, message: t('unknownKeyRemoved', { key: u.key, other: other.id, template: template.id }) },
          );
          continue;
        }
        // 3. A near miss, or nothing near.
        const near = standsFor ?? nearest(u.key, siblings, 0.6);
        out.push(
          near
            ? {
                ...base,
                message: t('unknownKeyNearest', { key: u.key, template: template.id, where, nearest: near }),
                data: { replacement: near },
              }
            : { ...base, message: t('unknownKey', { key: u.key, template: template.id, where }) },
        );
      }
    }
    return out;
  },
  fix(finding, { t }) {
    const name = finding.data?.replacement;
    return name === undefined ? undefined : replaceFinding(finding, name, t('fixRename', { name }));
  },
};

/** The other template whose table of this section has `key` as a row (or column) name. */
function otherTemplateWith(
  current: Template,
  section: string,
  key: string,
  kind: 'row' | 'column',
): Template | undefined {
  if (!normalizeKey(key)) return undefined;
  return TEMPLATES.find((tpl) => {
    if (tpl.id === current.id) return false;
    const names = namesOf(tpl, section);
    if (!names) return false;
    return kind === 'row'
      ? names.rows.has(normalizeKey(key))
      : names.columns.has(normalizeName(key)) || names.stripped.has(stripUnit(key));
  });
}

const stripUnit = (s: string) => normalizeName(s).replace(/\(.*\)$/, '');
const nameSets = new Map<string, { rows: Set<string>; columns: Set<string>; stripped: Set<string> } | undefined>();

/** The row and column names of a template's table in a section, normalised as nodeMatches/columnMatches do. */
function namesOf(tpl: Template, section: string) {
  const id = `${tpl.id}/${section}`;
  if (!nameSets.has(id)) {
    const def: TableDef | undefined = tpl.sections.find((s) => s.number === section)?.table;
    if (!def) nameSets.set(id, undefined);
    else {
      const nodes = walkNodes(def);
      const columns = nodes.flatMap((n) => n.columns).concat(def.columns);
      nameSets.set(id, {
        rows: new Set(nodes.flatMap((n) => [n.def.key, ...n.def.aliases].map(normalizeKey))),
        columns: new Set(columns.flatMap((c) => [normalizeName(c.key), normalizeName(c.label)])),
        stripped: new Set(columns.map((c) => stripUnit(c.label))),
      });
    }
  }
  return nameSets.get(id);
}
