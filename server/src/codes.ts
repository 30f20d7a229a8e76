// The finding codes of FORMAT.md §6 (stable: more may be added, none changes its meaning) and severities.
export const CODES = [
  'front-matter',
  'section-missing',
  'section-title',
  'section-order',
  'table-missing',
  'yaml-syntax',
  'unknown-key',
  'missing-row',
  'invalid-value',
  'blank-cell',
  'row-total',
  'result-total',
  'balance',
  'prose-mismatch',
  'late-publication',
  'year-mismatch',
  'section-content',
  'carry-over',
  'stock-continuity',
  'encoding',
] as const;
export type Code = (typeof CODES)[number];
export type Severity = 'error' | 'warning' | 'information' | 'hint';
