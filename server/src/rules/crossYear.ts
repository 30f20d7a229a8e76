// The rules across years (FORMAT.md §9), over facts: this year's cell `at` of each identity the
// statute gives (`crossYear` of the template) against the signed sum of its terms, read from this
// report and from the same agency's report of the previous year. Only one such report is used:
// with several, none is, and a hint names them. carryOver.ts and stockContinuity.ts are the rules.
import { factRow } from '../facts/extract';
import type { FactCell, ReportFacts } from '../facts/types';
import type { MessageId } from '../i18n/messages';
import { getTemplate, rowName, type CrossYearIdentity, type Template } from '../statute';
import type { Code, CrossContext, CrossFinding, CrossRule, Severity } from './types';

type CrossYearCode = CrossYearIdentity['code'];

export function crossYearRule(rule: {
  code: CrossYearCode & Code;
  severity: Severity;
  description: string;
  message: MessageId;
}): CrossRule {
  return {
    code: rule.code,
    severity: rule.severity,
    description: rule.description,
    checkFacts: (facts, ctx) => crossYearFindings(rule.code, rule.message, facts, ctx),
  };
}

function crossYearFindings(
  code: CrossYearCode,
  message: MessageId,
  facts: ReportFacts,
  { lookup, t }: CrossContext,
): CrossFinding[] {
  const template = getTemplate(facts.template);
  const identities = template?.crossYear.filter((identity) => identity.code === code) ?? [];
  if (!template || identities.length === 0 || facts.agencyKey === undefined || facts.year === undefined) return [];
  const year = facts.year - 1;
  // Only the reports an identity of this rule may relate to count as candidates.
  const candidates = lookup(facts.agencyKey, year).filter((other) =>
    identities.some((identity) => identity.previousTemplates.includes(other.template)),
  );
  if (candidates.length === 0) return [];
  if (candidates.length > 1) {
    const identity = identities.find((i) => factRow(facts, i.table, i.at.path));
    const at = identity && factRow(facts, identity.table, identity.at.path)!;
    if (!identity || !at) return [];
    const previousPath = identity.terms.find((term) => term.of === 'previous')!.path;
    return [
      {
        range: at.keyRange,
        severity: 'hint',
        message: t('crossYearCandidates', {
          count: candidates.length,
          year,
          files: candidates.map((c) => c.name).join(t('andJoin')),
        }),
        related: candidates.map((c) => ({
          uri: c.uri,
          range: factRow(c, identity.table, previousPath)?.keyRange ?? START,
          message: t('crossYearCandidate', { file: c.name }),
        })),
      },
    ];
  }
  const previous = candidates[0];
  const previousTemplate = getTemplate(previous.template);
  const out: CrossFinding[] = [];
  for (const identity of identities) {
    if (!previousTemplate || !identity.previousTemplates.includes(previous.template)) continue;
    const at = factRow(facts, identity.table, identity.at.path);
    if (!at) continue; // an absent row is missing-row's finding
    for (const column of identity.at.column ? [identity.at.column] : Object.keys(at.cells)) {
      const cell = at.cells[column];
      // A total left out is computed: nothing written to correct (its column's findings say it all).
      if (!cell?.known || !cell.written) continue;
      const terms = identity.terms.map((term) => {
        const row = factRow(term.of === 'this' ? facts : previous, identity.table, term.path);
        return { term, cell: row?.cells[term.column ?? column] };
      });
      // A term absent or not checkable (missing row, invalid value, wrong total) is another rule's finding.
      if (!terms.every((x): x is { term: (typeof x)['term']; cell: FactCell } => !!x.cell?.known)) continue;
      const expected = round(terms.reduce((sum, x) => sum + (x.term.sign === '-' ? -1 : 1) * x.cell.value, 0));
      if (expected === cell.value) continue;
      const name = (tpl: Template, path: readonly string[]) => rowName(tpl, identity.table, path);
      const termName = (x: (typeof terms)[number]) =>
        x.term.column ?? name(x.term.of === 'this' ? template : previousTemplate, x.term.path);
      const formula = terms
        .map((x, i) => {
          const text =
            x.term.of === 'previous'
              ? t('crossYearPreviousTerm', { name: termName(x), value: x.cell.value })
              : `${termName(x)} ${x.cell.value}`;
          return i === 0 ? (x.term.sign === '-' ? `−${text}` : text) : `${x.term.sign === '-' ? ' − ' : ' + '}${text}`;
        })
        .join('');
      out.push({
        range: cell.range,
        message: t(message, {
          row: name(template, identity.at.path),
          column,
          actual: cell.value,
          expected,
          year,
          file: previous.name,
          previousRow: terms
            .filter((x) => x.term.of === 'previous')
            .map(termName)
            .join(t('andJoin')),
          formula,
        }),
        related: terms.map((x) => ({
          uri: x.term.of === 'previous' ? previous.uri : facts.uri,
          range: x.cell.range,
          message:
            x.term.of === 'previous'
              ? t('crossYearRelated', { year, file: previous.name, value: x.cell.value })
              : t('crossYearTermRelated', { value: x.cell.value }),
        })),
      });
    }
  }
  return out;
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

// Money sums of decimals must not print 0.30000000000000004.
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
