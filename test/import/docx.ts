// Zips a hand-written WordprocessingML folder (test/fixtures/import/word-*) into a .docx, as Word or WPS
// would save it: the fixtures stay readable XML, the tests read real .docx bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

export async function docxOf(
  folder: string,
  edit: (name: string, text: string) => string = (_n, t) => t,
): Promise<Buffer> {
  const zip = new JSZip();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const name = relative(folder, full).split('\\').join('/');
        zip.file(name, edit(name, readFileSync(full, 'utf8')));
      }
    }
  };
  walk(folder);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
