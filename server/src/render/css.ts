// The look of a published report: 宋体 body, centred bold title, ruled tables, A4 when printed.
// Finding marks are styled under .ogi-preview only, so an exported page never shows them.
// Imports nothing: the VS Code client bundles this file for its preview (test/grammar/clientBundle.test.ts).
export const REPORT_CSS = `
.ogi-report {
  --ogi-serif: "SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif;
  --ogi-sans: "SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  --ogi-kai: "KaiTi", "楷体", "STKaiti", "Kaiti SC", "AR PL UKai CN", var(--ogi-serif);
  box-sizing: border-box;
  max-width: 21cm;
  margin: 0 auto;
  padding: 2cm;
  color: #000;
  background: #fff;
  font-family: var(--ogi-serif);
  font-size: 12pt;
  line-height: 1.75;
  text-align: justify;
}
.ogi-report *, .ogi-report *::before, .ogi-report *::after { box-sizing: border-box; }
.ogi-report .ogi-header { margin: 0 0 1.5em; }
.ogi-report h1.ogi-title {
  margin: 0;
  font-family: var(--ogi-serif);
  font-size: 18pt;
  font-weight: bold;
  line-height: 1.5;
  text-align: center;
}
.ogi-report h1, .ogi-report h2, .ogi-report h3, .ogi-report h4, .ogi-report h5, .ogi-report h6 {
  color: #000;
  border: 0;
  page-break-after: avoid;
  break-after: avoid;
}
.ogi-report h2 { margin: 1.2em 0 0.5em; font-family: var(--ogi-sans); font-size: 14pt; font-weight: bold; }
.ogi-report h3 { margin: 1em 0 0.4em; font-family: var(--ogi-kai); font-size: 12pt; font-weight: bold; }
.ogi-report h4, .ogi-report h5, .ogi-report h6 { margin: 0.8em 0 0.3em; font-size: 12pt; font-weight: bold; }
.ogi-report p { margin: 0 0 0.5em; text-indent: 2em; }
.ogi-report li > p, .ogi-report td p, .ogi-report th p { text-indent: 0; }
.ogi-report ol, .ogi-report ul { margin: 0 0 0.5em; padding-left: 2em; }
.ogi-report a { color: inherit; text-decoration: underline; }
.ogi-report strong { font-weight: bold; }
.ogi-report pre {
  margin: 0.5em 0;
  padding: 0.5em;
  border: 1px solid #999;
  font-family: "Noto Sans Mono CJK SC", "Source Han Mono SC", monospace;
  font-size: 9pt;
  line-height: 1.4;
  white-space: pre-wrap;
  word-break: break-all;
  text-align: left;
}
.ogi-report code { font-family: "Noto Sans Mono CJK SC", "Source Han Mono SC", monospace; font-size: 0.9em; }
.ogi-report img { max-width: 100%; }
.ogi-report hr { border: 0; border-top: 1px solid #000; }

.ogi-report table {
  width: 100%;
  margin: 0.6em 0 1em;
  border-collapse: collapse;
  border: 1px solid #000;
  font-size: 10.5pt;
  line-height: 1.4;
  page-break-inside: auto;
}
.ogi-report th, .ogi-report td {
  border: 1px solid #000;
  padding: 0.3em 0.35em;
  color: #000;
  background: #fff;
  font-weight: normal;
  text-align: center;
  vertical-align: middle;
  overflow-wrap: anywhere;
}
.ogi-report table.ogi-table { table-layout: fixed; page-break-inside: avoid; break-inside: avoid; }
.ogi-report table:not(.ogi-table) td { text-align: left; }
.ogi-report table.ogi-table th { word-break: keep-all; }
.ogi-report table.ogi-table th.ogi-colhead { padding-left: 0.1em; padding-right: 0.1em; }
.ogi-report tr { page-break-inside: avoid; break-inside: avoid; }
.ogi-report thead { display: table-header-group; }
.ogi-report td.ogi-num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.ogi-report th.ogi-label { text-align: left; }
.ogi-report th.ogi-label.ogi-group { text-align: center; }
.ogi-report th.ogi-vertical { writing-mode: vertical-rl; text-orientation: upright; letter-spacing: 0.15em; padding: 0.3em 0; }
.ogi-report th.ogi-corner { font-size: 9pt; text-align: left; }
.ogi-report th.ogi-caption { font-weight: bold; }

.ogi-report .ogi-signature { margin-top: 2.5em; text-align: right; }
.ogi-report .ogi-signature p { margin: 0; text-indent: 0; padding-right: 2em; }

.ogi-preview .ogi-finding { cursor: help; }
/* Text elements: a wavy underline, as an editor shows a diagnostic. Tables and rows: an outline or tint
   (an underline there would run through every cell). */
.ogi-preview .ogi-finding:not(table):not(tr) { text-decoration: underline wavy; text-decoration-skip-ink: none; }
.ogi-preview .ogi-finding.ogi-error { text-decoration-color: #d00; }
.ogi-preview .ogi-finding.ogi-warning { text-decoration-color: #c80; }
.ogi-preview .ogi-finding.ogi-information, .ogi-preview .ogi-finding.ogi-hint { text-decoration-color: #06c; }
.ogi-preview :is(td, th).ogi-finding.ogi-error, .ogi-preview tr.ogi-finding.ogi-error > * { background: #fde2e2; }
.ogi-preview :is(td, th).ogi-finding.ogi-warning, .ogi-preview tr.ogi-finding.ogi-warning > * { background: #fdf1d6; }
.ogi-preview :is(td, th).ogi-finding:is(.ogi-information, .ogi-hint), .ogi-preview tr.ogi-finding:is(.ogi-information, .ogi-hint) > * { background: #e2effd; }
.ogi-preview table.ogi-finding.ogi-error { outline: 2px solid #d00; outline-offset: 2px; }
.ogi-preview table.ogi-finding.ogi-warning { outline: 2px solid #c80; outline-offset: 2px; }
.ogi-preview table.ogi-finding:is(.ogi-information, .ogi-hint) { outline: 2px solid #06c; outline-offset: 2px; }
.ogi-preview td.ogi-computed { font-style: italic; color: #555; }
.ogi-preview .ogi-unplaced { margin: -0.5em 0 1em; font-size: 10pt; color: #555; }
.ogi-preview .ogi-unplaced p { text-indent: 0; margin: 0; }

@page { size: A4; margin: 2cm; }
@media print {
  html, body { margin: 0; padding: 0; background: #fff; }
  .ogi-report { max-width: none; margin: 0; padding: 0; }
  .ogi-report .ogi-signature { page-break-inside: avoid; break-inside: avoid; page-break-before: avoid; break-before: avoid; }
  .ogi-report table { font-size: 10pt; line-height: 1.3; }
  .ogi-report th, .ogi-report td { padding: 0.2em 0.3em; }
}
`.trim();
