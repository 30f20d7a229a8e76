// The custom messages between the VS Code client and the language server, declared once and
// imported by both sides (the vscode-eslint way).
import { RequestType } from 'vscode-languageserver-protocol';

export interface RenderParams {
  uri: string;
  /** `preview`: an HTML fragment with findings marked; `export`: the standalone page, no marks. */
  mode: 'preview' | 'export';
}
export interface RenderResult {
  html: string;
  title: string;
  /** The document version the HTML was rendered from. */
  version: number;
}

/** Renders an open report. Null when the server does not have the document open. */
export const renderRequest = new RequestType<RenderParams, RenderResult | null, void>('ogiReport/render');
