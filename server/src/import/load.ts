// The importer is loaded on first use only: parse5, mammoth, jszip and pdf.js stay out of the language
// server's and the CLI's start. In the bundles, `./index` is dist/import.js, a bundle of its own
// (scripts/build.mjs keeps this require in place); from the sources, the module itself.
import type * as Importer from './index';

export type ImporterModule = typeof Importer;

let loaded: ImporterModule | undefined;

export function loadImporter(): ImporterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, a bundle of its own
  return (loaded ??= require('./index') as ImporterModule);
}
