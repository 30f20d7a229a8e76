// The engine's façade: text in, findings, completions, hovers, fixes, outline and HTML out.
// Pure: no file system, no editor API. Hosts (CLI, language server, tests) call only this.
export { checkAcross, checkReport, checkText, type CheckOptions, type Finding } from './check';
export type { SourceInfo } from './findings';
export { extractFacts, factRow } from './facts/extract';
export { agencyKey } from './facts/agency';
export { FactsStore } from './facts/store';
export type { FactCell, FactRow, FactsLookup, ReportFacts } from './facts/types';
export { parseReport, type ParseOptions, type Report } from './parse/report';
export { keyFigureValues, summarize, type Figures, type Summary, type SummaryInput } from './features/summary';
export { renderSummaryHtml } from './render/summaryHtml';
export { summaryCsv } from './render/summaryCsv';
export { ParseCache } from './parse/parseCache';
export { complete } from './features/completion';
export { hover } from './features/hover';
export { crossYearDefinition } from './features/crossYear';
export { codeActions } from './features/codeActions';
export { documentSymbols } from './features/symbols';
export { foldingRanges } from './features/folding';
export { inlayHints } from './features/inlayHints';
export { reportText, sectionText, tableYaml } from './features/skeleton';
export {
  defaultIssued,
  newReportText,
  templateSummaries,
  type NewReportOptions,
  type TemplateSummary,
} from './features/newReport';
export {
  renderHtml,
  renderDocument,
  reportTitle,
  chineseDate,
  REPORT_CSS,
  type RenderOptions,
  type DocumentOptions,
} from './render';
export { renderDocx } from './render/docx';
