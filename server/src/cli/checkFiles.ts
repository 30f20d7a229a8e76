// The check of the command line's inputs: each report alone (parallel.ts), then the rules across years
// among them (FORMAT.md §9: a report is checked against the same agency's report of the previous year
// when that one is among the inputs), from the facts the first pass extracted.
import { checkAcross, FactsStore, type Finding } from '../service';
import { checkAll, type CheckAllOptions, type FileChecked, type FileToCheck } from './parallel';

export async function checkFiles(files: FileToCheck[], options: CheckAllOptions): Promise<FileChecked[]> {
  const checked = await checkAll(files, options);
  const store = new FactsStore();
  for (const c of checked) store.set(c.facts);
  return checked.map((c) => {
    const across = checkAcross(c.facts, store.lookup, { locale: options.locale });
    return across.length ? { ...c, findings: byPosition([...c.findings, ...across]) } : c;
  });
}

function byPosition(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
