// What a rule is: one finding code of FORMAT.md §6, its default severity, one check function and,
// where it can, the quick fix of its findings.
import type { Locale, Translate } from '../i18n/messages';
import type { Evaluator } from '../evaluate';
import type { Finding, SourceInfo } from '../findings';
import type { FactsLookup, ReportFacts } from '../facts/types';
import type { TextEdit } from '../features/types';
import type { Report, Section } from '../parse/model';
import type { TableInstance } from '../parse/tableModel';
import type { Range } from '../parse/text';

export { CODES, type Code, type Severity } from '../codes';
import type { Code, Severity } from '../codes';

/** A finding as a rule reports it: offsets into the report's text, with the rule's own data. */
export interface RawFinding<Data extends object = object> {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's default severity (front-matter: unknown keys are warnings). */
  severity?: Severity;
  related?: { start: number; end: number; message: string }[];
  /** Machine-readable facts for quick fixes (e.g. the computed value). */
  data?: Data;
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
  /** How the host decoded the file, when it read its bytes. */
  source?: SourceInfo;
}

/** What a rule across reports reads besides the report's own facts. */
export interface CrossContext {
  /** The other reports the host knows. */
  lookup: FactsLookup;
  t: Translate;
}

/** A finding of a rule across reports: placed by ranges, since its related places may be in other files. */
export interface CrossFinding {
  range: Range;
  message: string;
  /** `hint` when the check could not be made (several candidates for last year's report). */
  severity?: Severity;
  related?: { uri: string; range: Range; message: string }[];
}

/** What a rule's quick fix may read: the report the finding is of, and the messages of the editor's locale. */
export interface FixContext {
  report: Report;
  t: Translate;
}

/** One quick fix: a minimal edit. `safe` fixes are preferred and applied by "Fix all". */
export interface QuickFix {
  title: string;
  edit: TextEdit;
  safe: boolean;
}

/** A rule's finding as the host has it (LSP range), with the rule's own data. */
export type FindingOf<Data extends object> = Omit<Finding, 'data'> & { data?: Data };

export interface RuleInfo {
  code: Code;
  severity: Severity;
  /** One line, for documentation and SARIF. */
  description: string;
}

/** A rule over one report's model. */
export interface Rule<Data extends object = object> extends RuleInfo {
  check(ctx: RuleContext): RawFinding<Data>[];
  /** The quick fix of one of this rule's findings, made from the data the finding carries. */
  fix?(finding: FindingOf<Data>, ctx: FixContext): QuickFix | undefined;
}

/**
 * A rule across reports (FORMAT.md §9). It reads facts only — this report's and the lookup's — so a
 * host can run it once every report's facts are known, without the models (the CLI, after its workers).
 */
export interface CrossRule extends RuleInfo {
  checkFacts(facts: ReportFacts, ctx: CrossContext): CrossFinding[];
}

export type AnyRule = Rule | CrossRule;

export function isCrossRule(rule: AnyRule): rule is CrossRule {
  return 'checkFacts' in rule;
}
