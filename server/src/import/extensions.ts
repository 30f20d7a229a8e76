// Which files are sources to import, by extension — without loading the importer (the CLI's directory
// scan and the editor's menus ask this of every file).

/** Source types the importer reads (lower case, with the dot). */
export const SOURCE_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt', '.md'] as const;
/** Types recognised only to be refused with advice (.doc/.wps: save as .docx). */
export const REFUSED_EXTENSIONS = ['.doc', '.wps'] as const;
/** Sources a directory scan picks up: published documents, not any text file lying around. */
export const SCANNED_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm'] as const;

/** A file name's extension, lower case with its dot (`''` when none). */
export function sourceExtension(fileName: string): string {
  const name = fileName.toLowerCase().replace(/^.*[\\/]/, '');
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

/** A file `check` imports rather than reads as a report: a published document (`.ogi.md` never is). */
export function isImportSource(fileName: string, scanned = false): boolean {
  if (fileName.toLowerCase().endsWith('.ogi.md')) return false;
  const ext = sourceExtension(fileName);
  const list: readonly string[] = scanned
    ? SCANNED_EXTENSIONS
    : [...SOURCE_EXTENSIONS.filter((e) => e !== '.md'), ...REFUSED_EXTENSIONS];
  return list.includes(ext);
}
