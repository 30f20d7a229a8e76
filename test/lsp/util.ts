// Helpers for the LSP tests: cursor markers in inline documents, a local copy of each open document
// kept in step with what the server was sent, and applying the server's edits to it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { fileUri, type Session } from './harness';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** The seed: a real 2020 report (2019 template) with its real defects. */
export const SEED = readFileSync(join(EXAMPLES, 'jingzhi-2020.ogi.md'), 'utf8');
/** A clean 2024 report (2021 template, the default). */
export const CLEAN_2021 = readFileSync(join(EXAMPLES, 'clean-2021.ogi.md'), 'utf8');

/** A minimal clean 2021 report: every statutory section, every table filled with zeros. */
export const MINIMAL_2021 = `---
agency: 某某县交通运输局
year: 2024
issued: 2025-01-20
---

本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。

## 一、总体情况

本年度工作平稳。

## 二、主动公开政府信息情况

\`\`\`yaml
第二十条第（一）项:
  规章: [0, 0, 0]
  行政规范性文件: [0, 0, 0]
第二十条第（五）项:
  行政许可: 0
第二十条第（六）项:
  行政处罚: 0
  行政强制: 0
第二十条第（八）项:
  行政事业性收费: 0
\`\`\`

## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]
上年结转政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]
本年度办理结果:
  予以公开: [0, 0, 0, 0, 0, 0, 0]
  部分公开: [0, 0, 0, 0, 0, 0, 0]
  不予公开:
    属于国家秘密: [0, 0, 0, 0, 0, 0, 0]
    其他法律行政法规禁止公开: [0, 0, 0, 0, 0, 0, 0]
    危及“三安全一稳定”: [0, 0, 0, 0, 0, 0, 0]
    保护第三方合法权益: [0, 0, 0, 0, 0, 0, 0]
    属于三类内部事务信息: [0, 0, 0, 0, 0, 0, 0]
    属于四类过程性信息: [0, 0, 0, 0, 0, 0, 0]
    属于行政执法案卷: [0, 0, 0, 0, 0, 0, 0]
    属于行政查询事项: [0, 0, 0, 0, 0, 0, 0]
  无法提供:
    本机关不掌握相关政府信息: [0, 0, 0, 0, 0, 0, 0]
    没有现成信息需要另行制作: [0, 0, 0, 0, 0, 0, 0]
    补正后申请内容仍不明确: [0, 0, 0, 0, 0, 0, 0]
  不予处理:
    信访举报投诉类申请: [0, 0, 0, 0, 0, 0, 0]
    重复申请: [0, 0, 0, 0, 0, 0, 0]
    要求提供公开出版物: [0, 0, 0, 0, 0, 0, 0]
    无正当理由大量反复申请: [0, 0, 0, 0, 0, 0, 0]
    要求行政机关确认或重新出具已获取信息: [0, 0, 0, 0, 0, 0, 0]
  其他处理:
    申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]
    申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请: [0, 0, 0, 0, 0, 0, 0]
    其他: [0, 0, 0, 0, 0, 0, 0]
  总计: [0, 0, 0, 0, 0, 0, 0]
结转下年度继续办理: [0, 0, 0, 0, 0, 0, 0]
\`\`\`

## 四、政府信息公开行政复议、行政诉讼情况

\`\`\`yaml
行政复议: [0, 0, 0, 0, 0]
行政诉讼:
  未经复议直接起诉: [0, 0, 0, 0, 0]
  复议后起诉: [0, 0, 0, 0, 0]
\`\`\`

## 五、存在的主要问题及改进情况

本年度未发现突出问题。

## 六、其他需要报告的事项

本年度未收取信息处理费。
`;

/** The text with `marker` removed, and the position where it stood (exactly one marker allowed). */
export function cursor(src: string, marker = '|'): { text: string; position: Position } {
  const at = src.indexOf(marker);
  assert.ok(at !== -1, `no cursor marker ${marker} in the test document`);
  assert.equal(src.indexOf(marker, at + 1), -1, `more than one cursor marker ${marker} in the test document`);
  const text = src.slice(0, at) + src.slice(at + marker.length);
  return { text, position: TextDocument.create('x', 'x', 0, text).positionAt(at) };
}

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1, `not in the document: ${from}`);
  assert.equal(text.indexOf(from, at + 1), -1, `more than once in the document: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The range of the `occurrence`-th (0-based) occurrence of `needle`, optionally searching from `after`. */
export function rangeOf(text: string, needle: string, options: { occurrence?: number; after?: string } = {}): Range {
  let from = options.after === undefined ? 0 : text.indexOf(options.after);
  assert.ok(from !== -1, `not in the document: ${options.after}`);
  let at = -1;
  for (let i = 0; i <= (options.occurrence ?? 0); i++) {
    at = text.indexOf(needle, from);
    assert.ok(at !== -1, `not in the document: ${needle}`);
    from = at + needle.length;
  }
  const doc = TextDocument.create('x', 'x', 0, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

/** Zero-based line of the first line equal to `line` (trimmed of the end). */
export function lineOf(text: string, line: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => l === line);
  assert.ok(i !== -1, `no such line: ${line}`);
  return i;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'ogi-report', 0, text), edits);
}

/** The edits of a WorkspaceEdit for one document (`changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit, 'the action carries no edit');
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) =>
    'textDocument' in c && c.textDocument.uri === uri ? c.edits : [],
  ) as TextEdit[];
  const uris = new Set([
    ...Object.keys(edit.changes ?? {}),
    ...(edit.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : '')),
  ]);
  assert.deepEqual([...uris], [uri], 'the edit touches only this document');
  return [...fromChanges, ...fromDocumentChanges];
}

/** Asserts that applying `edits` changed nothing outside their ranges (each kept whole, in order). */
export function assertOnlyRangesChanged(before: string, after: string, edits: TextEdit[]): void {
  const doc = TextDocument.create('x', 'x', 0, before);
  const sorted = edits
    .map((e) => ({ s: doc.offsetAt(e.range.start), e: doc.offsetAt(e.range.end), t: e.newText }))
    .sort((a, b) => a.s - b.s);
  let pos = 0,
    out = 0;
  for (const { s, e, t } of sorted) {
    assert.equal(after.slice(out, out + (s - pos)), before.slice(pos, s), 'text between edits is unchanged');
    out += s - pos;
    assert.equal(after.slice(out, out + t.length), t, 'the edit inserted exactly its newText');
    out += t.length;
    pos = e;
  }
  assert.equal(after.slice(out), before.slice(pos), 'text after the last edit is unchanged');
}

/** A diagnostic as this server publishes it: its message is plain text. */
export type Diag = Diagnostic & { message: string };

export function plainMessages(diagnostics: Diagnostic[]): Diag[] {
  for (const d of diagnostics) assert.equal(typeof d.message, 'string', 'messages are plain strings');
  return diagnostics as Diag[];
}

let counter = 0;

/** One open document: the client's copy of its text, kept in step with what the server was sent. */
export class OpenDoc {
  readonly uri: string;
  private doc: TextDocument;
  constructor(
    private readonly session: Session,
    name: string,
    text: string,
  ) {
    this.uri = fileUri(`${++counter}-${name}.ogi.md`);
    this.doc = TextDocument.create(this.uri, 'ogi-report', 1, text);
  }
  /** Opens a document; resolves with its first diagnostics. */
  static async open(session: Session, name: string, text: string): Promise<{ doc: OpenDoc; diagnostics: Diag[] }> {
    const doc = new OpenDoc(session, name, text);
    session.open(doc.uri, text, 1);
    return { doc, diagnostics: await doc.diagnostics() };
  }
  get text(): string {
    return this.doc.getText();
  }
  get version(): number {
    return this.doc.version;
  }
  /** The diagnostics published for the current version. */
  async diagnostics(): Promise<Diag[]> {
    const version = this.doc.version;
    return plainMessages(await this.session.diagnostics(this.uri, (_d, v) => v === undefined || v === version));
  }
  /** Sends ranged (incremental) changes; resolves with the diagnostics of the new version. */
  async edit(changes: { range: Range; text: string }[]): Promise<Diag[]> {
    this.sendEdit(changes);
    return this.diagnostics();
  }
  /** Sends ranged changes without waiting for diagnostics. */
  sendEdit(changes: { range: Range; text: string }[]): void {
    this.doc = TextDocument.update(this.doc, changes, this.doc.version + 1);
    this.session.change(this.uri, this.doc.version, changes);
  }
  /** Applies the text edits of a server reply locally and sends them to the server as one didChange. */
  async applyEdits(edits: TextEdit[]): Promise<Diag[]> {
    // LSP TextEdits are relative to the document before any of them; contentChanges apply in sequence,
    // so send them from the end of the document backwards.
    // Ties (inserts at one position) keep their order by going last-first too.
    const sorted = edits
      .map((e, i) => ({ e, i }))
      .sort((a, b) => this.offset(b.e.range.start) - this.offset(a.e.range.start) || b.i - a.i);
    return this.edit(sorted.map(({ e }) => ({ range: e.range, text: e.newText })));
  }
  /** Replaces the whole text (an edit covering the document). */
  async replaceAll(text: string): Promise<Diag[]> {
    return this.edit([
      { range: { start: { line: 0, character: 0 }, end: this.doc.positionAt(this.doc.getText().length) }, text },
    ]);
  }
  position(offset: number): Position {
    return this.doc.positionAt(offset);
  }
  offset(position: Position): number {
    return this.doc.offsetAt(position);
  }
}

/** `code@line` of each diagnostic (zero-based lines), sorted: compact to compare. */
export function codesAt(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();
}
