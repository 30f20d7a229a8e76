// missing-row: a statutory row is absent from a table — at its group's key, or at the opening
// fence for a top-level row. A group written as one row is reported once, at its key.
import type { RawFinding, Rule } from './types';

export const missingRowRule: Rule = {
  code: 'missing-row',
  severity: 'warning',
  description: 'A statutory row is absent from a table',
  check({ report, tables, t }) {
    const out: RawFinding[] = [];
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
            data: { path: m.parentPath },
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
};
