// Text generated from the statute: zero-filled table blocks, whole sections, a whole report.
// Used by quick fixes (insert a missing section or row), snippets and the "New OGI report" command.
import type { Column, NodeDef, SectionDef, TableDef, Template } from '../statute';

/** `[0, 0, 0]` for a row with these columns (the total included). */
export function zeroRow(columns: Column[]): string {
  return columns.length === 1 ? '0' : `[${columns.map(() => '0').join(', ')}]`;
}

/** YAML lines of one node (row or group) at an indentation. */
export function nodeLines(def: NodeDef, columns: Column[], indent: string): string[] {
  if (def.kind === 'row') return [`${indent}${def.key}: ${zeroRow(columns)}`];
  const cols = def.columns ?? columns;
  return [`${indent}${def.key}:`, ...def.children.flatMap((c) => nodeLines(c, cols, `${indent}  `))];
}

/** The YAML (without fences) of a table filled with zeros. */
export function tableYaml(table: TableDef): string {
  return table.nodes.flatMap((n) => nodeLines(n, table.columns, '')).join('\n');
}

export function sectionText(section: SectionDef, eol = '\n'): string {
  const lines = [`## ${section.number}、${section.title}`, ''];
  if (section.table) lines.push('```yaml', ...tableYaml(section.table).split('\n'), '```', '');
  return lines.join(eol);
}

export interface ReportSkeletonOptions {
  template: Template;
  agency: string;
  year: number;
  issued: string;
}

export function reportText({ template, agency, year, issued }: ReportSkeletonOptions): string {
  const head = [
    '---',
    `template: ${template.id}`,
    `agency: ${agency}`,
    `year: ${year}`,
    `issued: ${issued}`,
    '---',
    '',
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  ];
  return [...head, ...template.sections.map((s) => sectionText(s))].join('\n');
}
