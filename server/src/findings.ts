// What a check gives a host: findings with LSP ranges, and the options a host may set.
import type { Range } from './parse/text';
import type { Code, Severity } from './codes';
import type { FactsLookup, ReportFacts } from './facts/types';

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  range: Range;
  source: 'ogi-report';
  /** Places that explain the finding: in this file, or in another (`uri`, the host's identifier of it). */
  relatedInformation?: { uri?: string; range: Range; message: string }[];
  data?: Record<string, unknown>;
}

export interface CheckOptions {
  /** Editor/UI locale; zh-cn unless English. */
  locale?: string;
  /** Severity per code; 'off' drops the code. */
  severities?: Partial<Record<Code, Severity | 'off'>>;
  /** Other reports' facts: with it, the rules across years (FORMAT.md §9) check this report against them. */
  lookup?: FactsLookup;
  /** This report's facts, when the host extracted them already (the language server, for its index). */
  facts?: ReportFacts;
  /** How the host decoded the file's bytes, when it read them (the `encoding` rule names it). */
  source?: SourceInfo;
}

/** What a host knows of a report's bytes. */
export interface SourceInfo {
  /** The encoding the text was decoded from, when not UTF-8 (`GB18030`, `UTF-16LE`, …). */
  encoding?: string;
  /** The first byte that was not text: a NUL or an invalid UTF-8 byte, and its offset in the file. */
  badByte?: { value: number; offset: number };
}
