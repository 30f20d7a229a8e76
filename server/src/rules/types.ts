// What a rule is: one finding code of FORMAT.md §6, its default severity, and one check function.
import type { Locale, Translate } from '../i18n/messages';
import type { Evaluator } from '../evaluate';
import type { Report, Section } from '../parse/model';
import type { TableInstance } from '../parse/tableModel';

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
] as const;
export type Code = (typeof CODES)[number];
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A finding as a rule reports it: offsets into the report's text. */
export interface RawFinding {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's default severity (front-matter: unknown keys are warnings). */
  severity?: Severity;
  related?: { start: number; end: number; message: string }[];
  /** Machine-readable facts for quick fixes (e.g. the computed value). */
  data?: Record<string, unknown>;
}

/** A statutory table of the report being checked, with the evaluator this check shares for it. */
export interface CheckedTable {
  section: Section;
  table: TableInstance;
  evaluator: Evaluator;
}

export interface RuleContext {
  report: Report;
  /** The statutory tables that parsed, in document order. */
  tables: readonly CheckedTable[];
  locale: Locale;
  t: Translate;
}

export interface Rule {
  code: Code;
  severity: Severity;
  /** One line, for documentation and SARIF. */
  description: string;
  check(ctx: RuleContext): RawFinding[];
}
