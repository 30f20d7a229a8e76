// The engine's façade: text in, findings, completions, hovers, fixes, outline and HTML out.
// Pure: no file system, no editor API. Hosts (CLI, language server, tests) call only this.
export { checkReport, checkText, type CheckOptions, type Finding } from './check';
export { parseReport, type ParseOptions, type Report } from './parse/report';
export { ParseCache } from './parse/parseCache';
export { complete } from './features/completion';
export { hover } from './features/hover';
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
