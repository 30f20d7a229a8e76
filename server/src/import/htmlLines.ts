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
    // One pass: comments and raw-text elements (which hold no tags) are matched whole and skipped.
    const stack: TableLines[] = [];
    const tag =
      /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)(table|tr|td|th)(?=[\s/>])/gi;
    for (let m = tag.exec(this.html); m; m = tag.exec(this.html)) {
      if (!m[3]) continue;
      const name = m[3].toLowerCase();
      const top = stack[stack.length - 1];
      if (name === 'table') {
        if (m[2]) stack.pop();
        else {
          // A table opened inside another makes that one a layout table.
          if (top) top.holdsTable = true;
          const table: TableLines = { line: this.lineOf(m.index), rows: [], holdsTable: false };
          this.tables.push(table);
          stack.push(table);
        }
      } else if (!m[2] && top) {
        if (name === 'tr') top.rows.push([]);
        else {
          if (top.rows.length === 0) top.rows.push([]);
          top.rows[top.rows.length - 1].push(this.lineOf(m.index));
        }
      }
    }
  }
}
