// Source lines of a web page's tables, rows and cells, and of its paragraphs, found by one scan of the
// raw markup — instead of parse5's location tracking, which makes its parse half again as slow. The
// tree says which table, row and column a cell is; this only adds the line. Where the markup is too
// damaged for the scan to agree with the tree (a different count of tables or rows), no line is given.

/** For each `<table>` in document order: its line, and its rows' cells' lines. */
export interface TableLines {
  line: number;
  rows: number[][];
  /** A table opens inside it: a layout table. */
  holdsTable: boolean;
}

export class HtmlLines {
  private readonly starts: number[] = [0];
  readonly tables: TableLines[] = [];
  private cursor = 0;

  constructor(private readonly html: string) {
    for (let i = html.indexOf('\n'); i !== -1; i = html.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.scanTables();
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0,
      hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * The line of a paragraph's text: its first characters searched from where the last one was found
   * (paragraphs come in document order). Undefined when the raw text differs (an entity, markup inside).
   */
  lineOfText(text: string): number | undefined {
    const probe = text.trim().slice(0, 12);
    if (probe.length < 2) return undefined;
    const at = this.html.indexOf(probe, this.cursor);
    if (at < 0) return undefined;
    this.cursor = at + probe.length;
    return this.lineOf(at);
  }

  private scanTables(): void {
    // One pass over the tags that matter; comments and raw-text elements (which hold no tags) are
    // skipped to their end by a search. A group per kind of tag (1 `/`, 2 table, 3 row or cell, 4 raw
    // text) spares a lower-cased copy of each tag name: a page has a thousand cells.
    const stack: TableLines[] = [];
    const html = this.html;
    const tag = /<(?:!--|(\/)?(?:(table)|(t[rdh])|(script|style|textarea|title|xmp|noscript))(?=[\s/>]))/gi;
    for (let m = tag.exec(html); m; m = tag.exec(html)) {
      const closing = m[1],
        table = m[2],
        rowOrCell = m[3],
        raw = m[4];
      if (raw !== undefined) {
        if (!closing) tag.lastIndex = skipPast(html, RAW_TEXT.get(raw.toLowerCase())!, tag.lastIndex);
        continue;
      }
      if (table === undefined && rowOrCell === undefined) {
        tag.lastIndex = skipPast(html, '-->', tag.lastIndex);
        continue;
      }
      const top = stack[stack.length - 1];
      if (table !== undefined) {
        if (closing) stack.pop();
        else {
          // A table opened inside another makes that one a layout table.
          if (top) top.holdsTable = true;
          const opened: TableLines = { line: this.lineOf(m.index), rows: [], holdsTable: false };
          this.tables.push(opened);
          stack.push(opened);
        }
      } else if (!closing && top) {
        if (rowOrCell[1] === 'r' || rowOrCell[1] === 'R') top.rows.push([]);
        else {
          if (top.rows.length === 0) top.rows.push([]);
          top.rows[top.rows.length - 1].push(this.lineOf(m.index));
        }
      }
    }
  }
}

/** Elements whose content is text, not tags, each with the end tag that closes it. */
const RAW_TEXT = new Map(
  ['script', 'style', 'textarea', 'title', 'xmp', 'noscript'].map((name) => [name, new RegExp(`</${name}\\s*>`, 'gi')]),
);

/** The offset after the next match of `end` from `from` (the end of the markup when there is none). */
function skipPast(html: string, end: string | RegExp, from: number): number {
  if (typeof end === 'string') {
    const at = html.indexOf(end, from);
    return at < 0 ? html.length : at + end.length;
  }
  end.lastIndex = from;
  return end.exec(html) ? end.lastIndex : html.length;
}
