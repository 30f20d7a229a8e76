// SARIF 2.1.0 output, shaped for GitHub code-scanning upload.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../rules';
import type { Finding } from '../service';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export interface FileResult {
  file: string;
  findings: Finding[];
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
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: ruleIndex.get(f.code),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(file, f.range)],
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
