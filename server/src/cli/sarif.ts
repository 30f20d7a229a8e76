// SARIF 2.1.0 output, shaped for GitHub code-scanning upload.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules';
import type { Finding } from '../service';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export interface FileResult {
  file: string;
  findings: Finding[];
  /** For an imported source, each finding's place in it (same order as `findings`). */
  where?: (FindingSource | undefined)[];
}

/** Where a finding of an imported source is in that source, and the same in words. */
export interface FindingSource {
  location: { page?: number; table?: number; row?: number; column?: number; line?: number };
  text: string;
}

/** An input that could not be checked: its path as shown, the reason (an errno code, `binary`, …), the message. */
export interface InputProblem {
  file: string;
  reason: string;
  message: string;
}

export function toSarif(results: FileResult[], version: string, problems: InputProblem[]): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.code, i]));
  const region = (r: Finding['range']) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const location = (file: string, range: Finding['range'], message?: string) => ({
    physicalLocation: { artifactLocation: artifactLocation(file), region: region(range) },
    ...(message ? { message: { text: message } } : {}),
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ogi-report',
            version,
            informationUri: 'https://github.com/ogi-report/ogi-report',
            rules: RULES.map((r) => ({
              id: r.code,
              name: r.code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            // An input that could not be checked is a notification about that file, with its reason.
            toolExecutionNotifications: problems.map((p) => ({
              level: 'error',
              message: { text: p.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file) } }],
              properties: { reason: p.reason },
            })),
          },
        ],
        results: results.flatMap(({ file, findings, where }) =>
          findings.map((f, k) => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [where ? sourceLocation(file, where[k]) : location(file, f.range)],
            // An imported source: the finding's range is in the text it imported to.
            ...(where ? { properties: { importedRange: region(f.range), sourceLocation: where[k]?.location } } : {}),
            ...(f.relatedInformation
              ? {
                  // A related place may be in another file (last year's report: FORMAT.md §9).
                  relatedLocations: f.relatedInformation.map((r, id) => ({
                    id,
                    ...location(r.uri ?? file, r.range, r.message),
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
}

/**
 * A finding's place in an imported source: the file, its line where the source has lines (text, HTML),
 * and the place in words as a logical location (a PDF page; a table's row and column).
 */
function sourceLocation(file: string, where: FindingSource | undefined) {
  const line = where?.location.line;
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file),
      ...(line !== undefined ? { region: { startLine: line } } : {}),
    },
    ...(where ? { logicalLocations: [{ fullyQualifiedName: where.text, kind: 'element' }] } : {}),
  };
}

/** A file shown relative to the working directory is relative to %SRCROOT%; one outside it (shown as an
 *  absolute path) is an absolute file: URI, which SARIF requires to stand without a uriBaseId. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  return isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: toUri(file), uriBaseId: '%SRCROOT%' };
}

/** A relative path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .filter((s, i) => s !== '.' || i > 0)
    .map(encodeURIComponent)
    .join('/');
}
