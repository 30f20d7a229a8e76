// The Word reader: a .docx (saved by Word or WPS) through mammoth, which turns w:gridSpan into colspan
// and w:vMerge restart/continue into rowspan, keeps a cell's paragraphs and breaks (`商业` / `企业`) and
// its ideographic spaces, then the HTML reader (one span expander for both). A .docx is a zip: before
// mammoth opens it, every entry is inflated once as a stream and counted, so a zip bomb is refused
// without being held in memory, and XML parts that declare a DTD (entities) are refused.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { importHtmlText } from './html';
import { ImportRefusal, type ImportOptions, type ImportResult } from './types';

export interface DocxLimits {
  /** The .docx file itself. */
  maxBytes: number;
  /** Entries in the zip (a report has 10–40). */
  maxEntries: number;
  /** All entries inflated together. */
  maxUncompressed: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  maxUncompressed: 200 * 1024 * 1024,
};

export async function importDocx(
  bytes: Uint8Array,
  options: ImportOptions = {},
  limits: Partial<DocxLimits> = {},
): Promise<ImportResult> {
  await checkDocx(bytes, { ...DOCX_LIMITS, ...limits });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Pictures are not read at all (a scanned table in a .docx stays a picture: no numbers to import).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (e) {
    throw new ImportRefusal('damaged', String((e as Error)?.message ?? e).slice(0, 200));
  }
  return importHtmlText(html, options, 'word');
}

/** Refuses what is not a .docx within the limits: an old binary .doc, a damaged zip, a bomb, a DTD. */
export async function checkDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<void> {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new ImportRefusal('legacyWord');
  if (bytes.length > limits.maxBytes) throw new ImportRefusal('tooLarge', `${bytes.length} > ${limits.maxBytes} bytes`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportRefusal('damaged', 'not a zip file');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw new ImportRefusal('damaged', String((e as Error)?.message ?? e).slice(0, 200));
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries)
    throw new ImportRefusal('tooLarge', `${entries.length} > ${limits.maxEntries} zip entries`);
  if (!zip.file('word/document.xml')) throw new ImportRefusal('damaged', 'no word/document.xml');
  let total = 0;
  for (const entry of entries) {
    const xml = /\.(?:xml|rels)$/i.test(entry.name);
    let head = '';
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.maxUncompressed) {
          stream.pause();
          stream.removeAllListeners('data');
          reject(new ImportRefusal('tooLarge', `> ${limits.maxUncompressed} bytes uncompressed`));
          return;
        }
        if (xml && head.length < 4096) head += chunk.subarray(0, 4096 - head.length).toString('utf8');
      });
      stream.on('error', (e: Error) => reject(new ImportRefusal('damaged', String(e?.message ?? e).slice(0, 200))));
      stream.on('end', () => resolve());
    });
    // WordprocessingML never declares a DTD: one that does may define (external) entities.
    if (xml && /<!DOCTYPE|<!ENTITY/i.test(head)) throw new ImportRefusal('damaged', `${entry.name} declares a DTD`);
  }
}
