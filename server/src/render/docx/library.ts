// The `docx` library (about 1 MB), loaded on the first export only: the language server's start and
// the CLI's `check` never pay for it. The build bundles it apart as dist/docx.js and points this
// require there (scripts/build.mjs); from source (tests) it is the installed package.
import type * as DocxModule from 'docx';

export type Docx = typeof DocxModule;

let library: Docx | undefined;

export function loadDocx(): Docx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, on purpose
  library ??= require('docx') as Docx;
  return library;
}
