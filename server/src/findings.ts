// What a check gives a host: findings with LSP ranges, and the options a host may set.
import type { Range } from './parse/text';
import type { Code, Severity } from './codes';

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  range: Range;
  source: 'ogi-report';
  relatedInformation?: { range: Range; message: string }[];
  data?: Record<string, unknown>;
}

export interface CheckOptions {
  /** Editor/UI locale; zh-cn unless English. */
  locale?: string;
  /** Severity per code; 'off' drops the code. */
  severities?: Partial<Record<Code, Severity | 'off'>>;
}
