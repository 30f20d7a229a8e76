// Where an export writes: beside the source, `.ogi.md` → `.html` (or `.docx`, `.pdf`). No editor API, so
// it is unit-tested.
import type { Uri } from 'vscode';

/** The export target for a report, or undefined when the report has no file (untitled) to sit beside. */
export function exportTarget(source: Uri, extension = 'html'): Uri | undefined {
  if (source.scheme !== 'file' && source.scheme !== 'vscode-remote') return undefined;
  const path = source.path;
  const out = /\.ogi\.md$/i.test(path) ? path.replace(/\.ogi\.md$/i, `.${extension}`) : `${path}.${extension}`;
  return source.with({ path: out });
}
