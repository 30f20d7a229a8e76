// yaml-syntax: a table block is not valid YAML (at the error position), or repeats a key.
import type { RawFinding, Rule } from './types';

export const yamlSyntaxRule: Rule = {
  code: 'yaml-syntax',
  severity: 'error',
  description: 'A table block is not valid YAML',
  check({ report, t }) {
    const out: RawFinding[] = [];
    for (const s of report.sections) {
      const block = s.table;
      if (!block) continue;
      if (block.syntaxError) out.push({ start: block.syntaxError.start, end: block.syntaxError.end, message: t('yamlSyntax', { reason: block.syntaxError.message }) });
      for (const d of block.instance?.duplicates ?? []) out.push({ start: d.start, end: d.end, message: t('yamlDuplicate', { key: d.key }) });
      for (const p of block.instance?.shapeProblems ?? []) {
        if (p.problem === 'notMapping') out.push({ start: p.start, end: p.end, message: t('yamlNotMapping') });
      }
    }
    return out;
  },
};
