// The language server: a thin host over the engine. Keeps the open reports, re-checks them after a
// short debounce, and answers completion, hover, code actions, symbols, folding and inlay hints, and
// the custom requests of ../protocol.ts (render, and the templates and text of a new report).
import {
  CodeActionKind,
  DiagnosticSeverity,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type InlayHint,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checkReport,
  codeActions,
  crossYearDefinition,
  extractFacts,
  renderDocument,
  renderHtml,
  reportTitle,
  complete,
  documentSymbols,
  foldingRanges,
  hover,
  inlayHints,
  newReportText,
  parseReport,
  ParseCache,
  templateSummaries,
  type Finding,
  type Report,
} from '../service';
import {
  exportRequest,
  importRequest,
  newReportRequest,
  renderRequest,
  templatesRequest,
  type ExportParams,
  type ImportParams,
  type NewReportParams,
} from '../protocol';
import { exportFile } from './export';
import { importForEditor } from './import';
import { parseSettings, type Settings } from './settings';
import { WorkspaceIndex } from './workspaceIndex';

/** Re-check this long after the last keystroke. */
export const DEBOUNCE_MS = 100;

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const parsed = new Map<string, { version: number; report: Report }>();
  /** Per open document: its Markdown chunks, so that a re-parse after an edit parses only the chunks it touched. */
  const parseCaches = new Map<string, ParseCache>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  let clientLocale: string | undefined;
  let canPullConfiguration = false;
  let canRefreshInlayHints = false;
  /** Settings pushed with didChangeConfiguration, for clients that cannot be asked (e.g. Neovim 0.7). */
  let pushedSettings: unknown = {};
  /** The workspace's reports, for the rules across years: checked against last year's (workspaceIndex.ts). */
  let workspaceFolders: string[] = [];
  const index = new WorkspaceIndex({
    progress: () => connection.window.createWorkDoneProgress(),
    // Last year's report changed: this year's, if open, is checked again at once (no debounce).
    onChanged: (uris) => uris.forEach((uri) => documents.get(uri) && schedule(uri, 0)),
    log: (message) => connection.console.error(message),
  });

  /** The parsed report of an open document, parsed once per version. */
  const reportOf = (uri: string): Report | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = parsed.get(uri);
    if (cached && cached.version === doc.version) return cached.report;
    const report = parseReport(doc.getText(), { cache: parseCaches.get(uri) });
    parsed.set(uri, { version: doc.version, report });
    return report;
  };

  const settingsOf = (uri: string): Promise<Settings> => {
    if (!canPullConfiguration) return Promise.resolve(parseSettings(pushedSettings));
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'ogiReport' })
        .then(parseSettings, () => parseSettings({}));
      settingsCache.set(uri, s);
    }
    return s;
  };
  const localeFor = (settings: Settings) => (settings.locale === 'auto' ? clientLocale : settings.locale);

  const validate = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await settingsOf(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // stale: a newer change is scheduled
    const report = reportOf(uri)!;
    const facts = extractFacts(report, uri, index.nameOf(uri));
    index.setOpen(facts);
    const findings = checkReport(report, {
      locale: localeFor(settings),
      severities: settings.severity,
      lookup: index.lookup,
      facts,
    });
    connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(uri, f)) });
  };

  const schedule = (uri: string, delay = DEBOUNCE_MS) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri).catch((e) => connection.console.error(`ogi-report: validation failed: ${String(e?.stack ?? e)}`));
      }, delay),
    );
  };

  connection.onInitialize((params: InitializeParams) => {
    clientLocale = params.locale;
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canRefreshInlayHints = Boolean(params.capabilities.workspace?.inlayHint?.refreshSupport);
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['#', ' ', ':', '{', ',', '、'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.ogi-report'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        definitionProvider: true,
      },
      serverInfo: {
        name: 'ogi-report-language-server',
        version: typeof OGI_VERSION === 'string' ? OGI_VERSION : '0.0.0-dev',
      },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change?.settings as { ogiReport?: unknown } | null | undefined)?.ogiReport;
    if (!canPullConfiguration) pushedSettings = pushed ?? {};
    settingsCache.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
    // Only to clients that said they handle it (Neovim 0.7 answers MethodNotFound).
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  documents.onDidOpen((e) => {
    parseCaches.set(e.document.uri, new ParseCache());
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  // In the background: a report opened meanwhile is checked at once, and again when last year's is read.
  connection.onInitialized(() => void index.start(workspaceFolders));
  connection.onDidChangeWatchedFiles((params) => void index.filesChanged(params.changes));

  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    parsed.delete(e.document.uri);
    parseCaches.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    void index.close(e.document.uri);
  });

  connection.onCompletion(async (params) => {
    const report = reportOf(params.textDocument.uri);
    if (!report) return [];
    // The engine's items are LSP-shaped; its kind numbers are the protocol's.
    return complete(report, params.position, localeFor(await settingsOf(params.textDocument.uri))) as CompletionItem[];
  });
  connection.onHover(async (params) => {
    const report = reportOf(params.textDocument.uri);
    if (!report) return null;
    const locale = localeFor(await settingsOf(params.textDocument.uri));
    return hover(report, params.position, locale, index.lookup) ?? null;
  });
  // On a row compared with last year's report (上年结转): that report's row.
  connection.onDefinition((params) => {
    const report = reportOf(params.textDocument.uri);
    return report ? crossYearDefinition(report, params.position, index.lookup) : [];
  });
  connection.onCodeAction(async (params) => {
    const report = reportOf(params.textDocument.uri);
    if (!report) return [];
    const settings = await settingsOf(params.textDocument.uri);
    const uri = params.textDocument.uri;
    // The engine attaches its findings; editors need them as protocol Diagnostics (numeric severity).
    return codeActions(report, params.range, uri, {
      locale: localeFor(settings),
      severities: settings.severity,
      only: params.context.only,
    }).map((a) => ({ ...a, diagnostics: a.diagnostics?.map((f) => toDiagnostic(uri, f as Finding)) })) as CodeAction[];
  });
  connection.onDocumentSymbol((params) => {
    const report = reportOf(params.textDocument.uri);
    return report ? (documentSymbols(report) as DocumentSymbol[]) : [];
  });
  connection.onFoldingRanges((params) => {
    const report = reportOf(params.textDocument.uri);
    return report ? foldingRanges(report) : [];
  });
  connection.languages.inlayHint.on(async (params) => {
    const report = reportOf(params.textDocument.uri);
    if (!report || !(await settingsOf(params.textDocument.uri)).inlayHints.enabled) return [];
    return inlayHints(report, params.range) as InlayHint[];
  });

  connection.onRequest(renderRequest, async (params) => {
    const doc = documents.get(params.uri);
    const report = reportOf(params.uri);
    if (!doc || !report) return null;
    const settings = await settingsOf(params.uri);
    const locale = localeFor(settings);
    const html =
      params.mode === 'export'
        ? renderDocument(report, { mode: 'export', locale })
        : renderHtml(report, {
            mode: 'preview',
            locale,
            findings: checkReport(report, { locale, severities: settings.severity, lookup: index.lookup }),
          });
    return { html, title: reportTitle(report), version: doc.version };
  });

  // "Export to Word" / "Export to PDF": the bytes; the editor writes them beside the report.
  connection.onRequest(exportRequest, async (params: ExportParams) => {
    const doc = documents.get(params.uri);
    const report = reportOf(params.uri);
    if (!doc || !report) return null;
    const version = doc.version;
    const bytes = await exportFile(report, params.format, localeFor(await settingsOf(params.uri)));
    return { data: Buffer.from(bytes).toString('base64'), title: reportTitle(report), version };
  });

  // "Import…": a published report's bytes in, its `.ogi.md` text out; the editor writes and opens it.
  connection.onRequest(importRequest, async (params: ImportParams) =>
    importForEditor(params, localeFor(await settingsOf(params.uri))),
  );

  // "New OGI report": the editor asks the questions, the engine writes the report.
  connection.onRequest(templatesRequest, () => templateSummaries());
  connection.onRequest(newReportRequest, (params) => {
    const problem = newReportProblem(params);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `ogiReport/newReport: ${problem}`);
    return { text: newReportText(params) };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** Why the params of ogiReport/newReport cannot make a report, or undefined when they can. */
function newReportProblem(params: NewReportParams | null | undefined): string | undefined {
  const { templateId, agency, year, today } = params ?? ({} as Partial<NewReportParams>);
  if (typeof templateId !== 'string') return 'templateId must be a string';
  if (typeof agency !== 'string' || agency.trim() === '' || /[\r\n]/.test(agency))
    return 'agency must be a non-empty name on one line';
  // Four digits, the next year too: the publication window is written as dates.
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9998)
    return 'year must be a four-digit integer';
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return 'today must be a YYYY-MM-DD date';
  return undefined;
}

function toDiagnostic(uri: string, f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: f.source,
    message: f.message,
    ...(f.relatedInformation
      ? {
          relatedInformation: f.relatedInformation.map((r) => ({
            location: { uri: r.uri ?? uri, range: r.range },
            message: r.message,
          })),
        }
      : {}),
    ...(f.data ? { data: f.data } : {}),
  };
}

declare const OGI_VERSION: string | undefined;
