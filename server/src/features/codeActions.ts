// Quick fixes: each rule makes the fixes of its own findings (its `fix`, beside its check); this
// module only dispatches. "Fix all" applies the safe ones (totals, blanks, renames, titles) in one edit.
import { resolveLocale, translator, type Translate } from '../i18n/messages';
import type { Report } from '../parse/model';
import type { Range } from '../parse/text';
import { checkReport, type CheckOptions, type Finding } from '../check';
import { RULES, isCrossRule, type QuickFix, type Rule } from '../rules';
import type { CodeAction, TextEdit } from './types';

/** A finding's quick fix, from its own rule. */
function fixFor(report: Report, finding: Finding, t: Translate): QuickFix | undefined {
  return RULE_BY_CODE.get(finding.code)?.fix?.(finding, { report, t });
}

// Rules across reports have no quick fix: which of two reports is wrong is the author's call.
const RULE_BY_CODE = new Map(RULES.filter((rule): rule is Rule => !isCrossRule(rule)).map((rule) => [rule.code, rule]));

export function codeActions(
  report: Report,
  range: Range,
  uri: string,
  options: CheckOptions & { only?: string[] } = {},
): CodeAction[] {
  const t = translator(resolveLocale(options.locale));
  const findings = checkReport(report, options);
  const actions: CodeAction[] = [];
  const wantQuickFix = !options.only || options.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k));
  const wantFixAll =
    !options.only || options.only.some((k) => k.startsWith('source') && 'source.fixAll.ogi-report'.startsWith(k));
  if (wantQuickFix) {
    for (const f of findings.filter((x) => intersects(x.range, range))) {
      const fix = fixFor(report, f, t);
      if (fix)
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          diagnostics: [f],
          isPreferred: fix.safe,
          edit: { changes: { [uri]: [fix.edit] } },
        });
    }
  }
  if (wantFixAll) {
    const edits: TextEdit[] = [];
    for (const f of findings) {
      const fix = fixFor(report, f, t);
      if (fix?.safe && !edits.some((e) => intersects(e.range, fix.edit.range))) edits.push(fix.edit);
    }
    if (edits.length)
      actions.push({ title: t('fixAll'), kind: 'source.fixAll.ogi-report', edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
