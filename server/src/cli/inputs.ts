// The command line's inputs as every command reads them, and the JSON answer for each (FORMAT.md §7:
// every input gets an answer in every format — a report's findings, or why it could not be read).
import { relative } from 'node:path';
import type { Finding, SourceInfo } from '../findings';
import type { Translate } from '../i18n/messages';
import { collectInputs } from './files';
import type { FileResult, FindingSource, InputProblem } from './sarif';

/** The inputs read, and those that could not be (with the reason), in the order given. */
export function readInputs(paths: string[], t: Translate) {
  const problems: InputProblem[] = [];
  const readable: { file: string; text: string; source: SourceInfo; importPath?: string }[] = [];
  const order: ['file' | 'problem', number][] = [];
  for (const input of collectInputs(paths)) {
    const shown = displayPath(input.path);
    if ('importSource' in input) {
      // Imported (and its text filled in) by sources.ts's withImports.
      order.push(['file', readable.length]);
      readable.push({ file: shown, text: '', source: {}, importPath: input.path });
      continue;
    }
    if ('problem' in input) {
      const id =
        input.problem === 'unreadable'
          ? 'cliUnreadable'
          : input.problem === 'binary'
            ? 'cliNotText'
            : input.problem === 'noReports'
              ? 'cliNoReports'
              : 'cliNotReport';
      order.push(['problem', problems.length]);
      problems.push({
        file: shown,
        reason: input.reason ?? input.problem,
        message: t(id, { path: shown, reason: input.reason ?? '' }),
      });
      continue;
    }
    order.push(['file', readable.length]);
    readable.push({ file: shown, text: input.text, source: input.source });
  }
  return { readable, problems, order };
}

/** A finding in the JSON output; a related place in another file names that file (`file`). */
function jsonDiagnostic(f: Finding, where?: FindingSource) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: f.range,
    // An imported source's finding: also its place in the source (page; table, row, column; line).
    ...(where ? { sourceLocation: where.location, sourceText: where.text } : {}),
    ...(f.relatedInformation
      ? {
          relatedInformation: f.relatedInformation.map((r) => ({
            ...(r.uri !== undefined ? { file: r.uri } : {}),
            range: r.range,
            message: r.message,
          })),
        }
      : {}),
  };
}

/** The JSON output: one entry per input, in the order given; one that was not read says why. */
export function jsonEntries(
  results: FileResult[],
  problems: InputProblem[],
  order: ReturnType<typeof readInputs>['order'],
) {
  return order.map(([kind, i]) =>
    kind === 'file'
      ? {
          file: results[i].file,
          diagnostics: results[i].findings.map((f, k) => jsonDiagnostic(f, results[i].where?.[k])),
        }
      : {
          file: problems[i].file,
          diagnostics: [],
          error: { reason: problems[i].reason, message: problems[i].message },
        },
  );
}

/** Paths as the user would type them: relative to the working directory when inside it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
