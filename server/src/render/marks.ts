// Findings → the rendered elements they concern. Every element that shows a piece of source asks
// for the findings over its offsets; a block asks only for those no finer element has shown.
import type { Report } from '../parse/model';
import type { Finding } from '../findings';
import { classes, type Attrs } from './html';

interface Item {
  finding: Finding;
  start: number;
  end: number;
  line: number;
  endLine: number;
  used: boolean;
}

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

export class Marks {
  private readonly items: Item[];

  /** `enabled` false (export mode): nothing is ever marked. */
  constructor(
    private readonly report: Report,
    findings: readonly Finding[] | undefined,
    readonly enabled: boolean,
  ) {
    this.items =
      !enabled || !findings
        ? []
        : findings.map((finding) => {
            const start = report.lines.offset(finding.range.start);
            const end = Math.max(start, report.lines.offset(finding.range.end));
            return {
              finding,
              start,
              end,
              line: finding.range.start.line,
              endLine: finding.range.end.line,
              used: false,
            };
          });
  }

  /**
   * Findings whose range overlaps [start, end) (an empty range counts as its first character) and
   * lies within the lines of [start, end]: a finding over a whole block is the block's, not every cell's.
   */
  at(start: number, end: number): Finding[] {
    if (this.items.length === 0) return [];
    const first = this.report.lines.position(start).line,
      last = this.report.lines.position(Math.max(start, end)).line;
    return this.take((i) => overlaps(i.start, i.end, start, end) && i.line >= first && i.endLine <= last);
  }

  /** Like `at`, but only findings no element has shown yet: for a block around finer elements. */
  unusedAt(start: number, end: number): Finding[] {
    return this.take((i) => !i.used && overlaps(i.start, i.end, start, end));
  }

  /** Findings not yet shown that start on one of the lines [first, last]. */
  unusedOnLines(first: number, last: number): Finding[] {
    return this.take((i) => !i.used && i.line >= first && i.line <= last);
  }

  private take(pred: (i: Item) => boolean): Finding[] {
    const out: Finding[] = [];
    for (const i of this.items)
      if (pred(i)) {
        i.used = true;
        out.push(i.finding);
      }
    return out;
  }
}

function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  return s1 < Math.max(e2, s2 + 1) && Math.max(e1, s1 + 1) > s2;
}

/** The class and title an element gets for its findings (nothing when there are none). */
export function findingAttrs(findings: readonly Finding[], baseClass?: string): Attrs {
  if (findings.length === 0) return { class: baseClass };
  const worst = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'warning';
  return {
    class: classes(baseClass, 'ogi-finding', `ogi-${worst}`),
    title: findings.map((f) => f.message).join('\n'),
  };
}
