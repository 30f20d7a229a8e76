// Where "Export to HTML" writes: beside the source, `.ogi.md` → `.html`. No editor API, so it is unit-tested.
import type { Uri } from 'vscode';

/** The export target for a report, or undefined when the report has no file (untitled) to sit beside. */
export function exportTarget(source: Uri): Uri | undefined {
  if (source.scheme !== 'file' && source.scheme !== 'vscode-remote') return undefined;
  const path = source.path;
  const html = /\.ogi\.md$/i.test(path) ? path.replace(/\.ogi\.md$/i, '.html') : `${path}.html`;
  return source.with({ path: html });
}
