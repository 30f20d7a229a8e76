// Writing a file with workspace.fs, so that any workspace file system works.
import * as vscode from 'vscode';

/** Atomic: a temporary file beside the target, then renamed over it; the temporary file removed on failure. */
export async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temp = target.with({ path: `${target.path}.${process.pid}.${Date.now()}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}
