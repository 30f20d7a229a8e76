// Writing an output file for a host (CLI, language server): atomically, and never over its source.
import { realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Translate } from '../i18n/messages';

/** A failure the user is told about as it is: its message is already translated. */
export class OutputError extends Error {}

/** Whether two paths name the same file, however spelt (symbolic links resolved when they exist). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Write to a temporary file in the target's directory, then rename: readers never see half a file. */
export function writeAtomically(path: string, content: string | Uint8Array, t: Translate): void {
  const tmp = tempBeside(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw new OutputError(t('cliWriteFailed', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
}

export function tempBeside(path: string): string {
  return join(
    dirname(resolve(path)),
    `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
}
