// The chunk cache of one document: what markdown-it found in each chunk of the document's last
// parse, by the chunk's text. Parsing keeps nothing itself: a host that parses one document again
// and again (the language server, one cache per open document) owns a cache and passes it to
// `parseReport`, which then parses only the chunks whose text changed since the last parse with it.

/** What markdown-it finds in a chunk, in chunk-relative lines. */
export type BlockRecord =
  | { kind: 'heading'; line: number; level: number; text: string }
  | { kind: 'fence'; line: number; endLine: number; info: string }
  | { kind: 'paragraph'; line: number; endLine: number }
  | { kind: 'table'; line: number; rows: { line: number; header: boolean }[] };

export class ParseCache {
  private chunks: ReadonlyMap<string, readonly BlockRecord[]> = new Map();

  /** The records of the last parse's chunk with exactly this text. */
  get(chunk: string): readonly BlockRecord[] | undefined {
    return this.chunks.get(chunk);
  }

  /** Makes these the cached chunks (the parse just made: its chunks, and only those). */
  replace(chunks: ReadonlyMap<string, readonly BlockRecord[]>): void {
    this.chunks = chunks;
  }

  /** How many chunks are cached. */
  get size(): number {
    return this.chunks.size;
  }
}
