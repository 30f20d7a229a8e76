// unknown-key: a row, group or column name that is not statutory for the report's template.
// Says where a misplaced name belongs, recognises the other template's names, else suggests the nearest.
import { TEMPLATES, childrenAt, walkNodes, type TableDef, type Template } from '../statute';
import { nearest, normalizeKey } from '../parse/normalize';
import { columnMatches, nodeMatches } from '../parse/table';
import type { RawFinding, Rule } from './types';

export const unknownKeyRule: Rule = {
  code: 'unknown-key',
  severity: 'error',
  description: 'A row/column/group name that is not statutory for this template',
  check({ report, t }) {
    const out: RawFinding[] = [];
    const template = report.template;
    for (const section of report.sections) {
      const table = section.table?.instance;
      if (!table) continue;
      for (const u of table.unknownKeys) {
        const where = u.parentPath.length ? t('whereIn', { parent: u.parentPath[u.parentPath.length - 1] }) : t('whereTop');
        const base = { start: u.start, end: u.end };
        if (u.kind === 'column') {
          const columns = walkNodes(table.def).find((n) => n.path.join('/') === u.parentPath.join('/'))?.columns ?? table.def.columns;
          const near = nearest(u.key, columns.map((c) => c.key), 0.5);
          const row = u.parentPath[u.parentPath.length - 1];
          out.push(near
            ? { ...base, message: t('unknownColumnNearest', { key: u.key, row, nearest: near }), data: { replacement: near } }
            : { ...base, message: t('unknownColumn', { key: u.key, row, columns: columns.map((c) => c.key).join(t('andJoin')) }) });
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
        // 2. A name of another template.
        const other = otherTemplateWith(template, section.number, u.key);
        const near = nearest(u.key, siblings, other ? 0.5 : 0.6);
        if (other) {
          out.push(near
            ? { ...base, message: t('unknownKeyOtherTemplate', { key: u.key, other: other.id, template: template.id, name: near }), data: { replacement: near } }
            : { ...base, message: t('unknownKeyRemoved', { key: u.key, other: other.id, template: template.id }) });
          continue;
        }
        // 3. A near miss, or nothing near.
        out.push(near
          ? { ...base, message: t('unknownKeyNearest', { key: u.key, template: template.id, where, nearest: near }), data: { replacement: near } }
          : { ...base, message: t('unknownKey', { key: u.key, template: template.id, where }) });
      }
    }
    return out;
  },
};

function otherTemplateWith(current: Template, section: string, key: string): Template | undefined {
  const k = normalizeKey(key);
  if (!k) return undefined;
  return TEMPLATES.find((tpl) => {
    if (tpl.id === current.id) return false;
    const def: TableDef | undefined = tpl.sections.find((s) => s.number === section)?.table;
    return def !== undefined && walkNodes(def).some((n) => nodeMatches(n.def, key) || n.columns.some((c) => columnMatches(c, key)));
  });
}
