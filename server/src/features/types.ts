// LSP-shaped results of the engine's features. Structurally compatible with the protocol's types,
// so the language server passes them through, but the engine stays free of any LSP dependency.
import type { Position, Range } from '../parse/text';

export type { Position, Range };
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface MarkupContent {
  kind: 'markdown';
  value: string;
}

export const CompletionItemKind = {
  Text: 1,
  Field: 5,
  Module: 9,
  Property: 10,
  Value: 12,
  Enum: 13,
  Snippet: 15,
  Struct: 22,
} as const;
export interface CompletionItem {
  label: string;
  kind: number;
  detail?: string;
  documentation?: MarkupContent;
  sortText?: string;
  filterText?: string;
  textEdit?: TextEdit;
  insertTextFormat?: 1 | 2; // 1 plain text, 2 snippet
}

export interface Hover {
  contents: MarkupContent;
  range: Range;
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.ogi-report';
  diagnostics?: unknown[];
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEdit[]> };
}

export const SymbolKind = { Module: 2, Namespace: 3, Class: 5, Field: 8, Struct: 23, String: 15 } as const;
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment' | 'imports';
}

export interface InlayHint {
  position: Position;
  label: string;
  kind: 1 | 2;
  paddingRight?: boolean;
}
