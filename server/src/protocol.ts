// The custom messages between the VS Code client and the language server, declared once and
// imported by both sides (the vscode-eslint way).
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

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

/** A statutory template as "New OGI report" offers it. */
export interface TemplateInfo {
  /** The front matter's `template:` value, e.g. `ogi-annual-2021`. */
  id: string;
  name: string;
  /** The legal basis of the format (the notice that set it). */
  basis: string;
  /** The report years the template is for: `firstYear` to `lastYear`, or onwards when `lastYear` is absent. */
  firstYear: number;
  lastYear?: number;
}
export interface TemplatesResult {
  /** Every template the server knows, in its registry's order. */
  templates: TemplateInfo[];
  /** The template a new report uses unless the user picks another. */
  defaultId: string;
}

/** The templates a new report can use. */
export const templatesRequest = new RequestType0<TemplatesResult, void>('ogiReport/templates');

export interface NewReportParams {
  /** A template id from ogiReport/templates; an unknown id means the default template. */
  templateId: string;
  /** The reporting agency's full name, on one line; surrounding blanks are dropped. */
  agency: string;
  /** The report year, an integer. */
  year: number;
  /** The user's local date, `YYYY-MM-DD`: the issue date defaults to it, clipped into the publication window. */
  today: string;
}
export interface NewReportResult {
  /** The whole text of the new report: front matter, the 统计期限 sentence and the six sections. */
  text: string;
}

/** The skeleton of a new report. Invalid params are refused with InvalidParams. */
export const newReportRequest = new RequestType<NewReportParams, NewReportResult, void>('ogiReport/newReport');

export interface ExportParams {
  uri: string;
  /** `docx`: the Word document (DOCX.md); `pdf`: the exported page printed by Chromium. */
  format: 'docx' | 'pdf';
}
export interface ExportResult {
  /** The file's bytes, base64. */
  data: string;
  title: string;
  /** The document version the file was made from. */
  version: number;
}

/**
 * A file of an open report, for the editor to write beside it. Null when the server does not have the
 * document open; a failure (no Chromium, say) is a ResponseError whose message is for the user.
 */
export const exportRequest = new RequestType<ExportParams, ExportResult | null, void>('ogiReport/export');

export interface ImportParams {
  /** The source file's URI: whose settings (locale) apply. */
  uri: string;
  /** The source file's name: its extension says its type (.pdf, .docx, .html/.htm, .txt/.md). */
  fileName: string;
  /** The source file's bytes, base64 (the editor reads them, from any workspace file system). */
  data: string;
}
export interface ImportReply {
  /** The imported report's text (`.ogi.md`); absent when the source was refused. */
  text?: string;
  /** Why nothing was imported and what to do, for the user. */
  refused?: string;
  /** The import summary, a line each: template, sections, tables, cells, each doubt with its source location. */
  summary: string[];
  /** Cells or rows the importer was not sure of (0: every statutory cell read). */
  doubts: number;
}

/** A published report (PDF, Word, web page, text) imported to `.ogi.md` text, for the editor to write. */
export const importRequest = new RequestType<ImportParams, ImportReply, void>('ogiReport/import');
