// The summary as one standalone HTML page for a reviewer: the findings by code, each agency's key
// figures by year as inline SVG bar charts, and every report in a table that sorts by any column (a
// few lines of inline script). Nothing remote: its Content-Security-Policy allows no request at all.
import type { Summary, SummaryAgency, SummaryFigure } from '../features/summary';
import { resolveLocale, translator, type Translate } from '../i18n/messages';
import type { Severity } from '../codes';
import { attrs, element, escapeHtml } from './html';

export interface SummaryHtmlOptions {
  locale?: string;
}

const SEVERITY_MESSAGE = {
  error: 'severityError',
  warning: 'severityWarning',
  information: 'severityInformation',
  hint: 'severityHint',
} as const;

export function renderSummaryHtml(summary: Summary, options: SummaryHtmlOptions = {}): string {
  const loc = resolveLocale(options.locale);
  const t = translator(loc);
  const label = (f: SummaryFigure) => (loc === 'en' ? f.labelEn : f.label);
  const total = (key: 'errors' | 'warnings') => summary.reports.reduce((n, r) => n + r[key], 0);
  const body = [
    element('h1', {}, t('summaryTitle')),
    element(
      'p',
      { class: 'overview' },
      t('summaryOverview', {
        reports: summary.reports.length,
        agencies: summary.agencies.length,
        errors: total('errors'),
        warnings: total('warnings'),
      }),
    ),
    codesSection(summary, t),
    agenciesSection(summary, t, label),
    reportsSection(summary, t, label),
    problemsSection(summary, t),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${loc === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('summaryTitle'))}</title>
<style>${CSS}</style>
</head>
<body class="ogi-summary">
${body}
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}

function codesSection(summary: Summary, t: Translate): string {
  const heading = element('h2', {}, t('summaryFindingsHeading'));
  if (summary.codes.length === 0) return section('codes', `${heading}\n${element('p', {}, t('summaryNoFindings'))}`);
  const most = Math.max(...summary.codes.map((c) => c.findings));
  const rows = summary.codes.map(
    (c) =>
      `<tr${attrs({ 'data-code': c.code })}>${element('td', { class: 'code' }, c.code)}${element(
        'td',
        { class: `severity ${c.severity}` },
        t(SEVERITY_MESSAGE[c.severity as Severity]),
      )}${element('td', { class: 'number' }, String(c.findings))}${element('td', { class: 'number' }, String(c.reports))}<td>${countBar(c.findings, most)}</td></tr>`,
  );
  const head = [t('summaryCode'), t('summarySeverity'), t('summaryFindingCount'), t('summaryReportCount'), '']
    .map((h) => element('th', { scope: 'col' }, h))
    .join('');
  return section(
    'codes',
    `${heading}\n<table class="codes"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
  );
}

function countBar(value: number, most: number): string {
  const width = Math.max(2, Math.round((value / most) * 160));
  return `<svg class="count-bar" width="164" height="12" aria-hidden="true"><rect x="0" y="1" width="${width}" height="10"/></svg>`;
}

function agenciesSection(summary: Summary, t: Translate, label: (f: SummaryFigure) => string): string {
  const articles = summary.agencies.map((agency) => {
    const charts = summary.figures.map((f) => chart(agency, f, t, label)).join('\n');
    const head = [t('summaryYear'), ...summary.figures.map(label)]
      .map((h) => element('th', { scope: 'col' }, h))
      .join('');
    const rows = agency.years.map(
      (y) =>
        `<tr>${element('th', { scope: 'row', title: y.file }, String(y.year))}${summary.figures
          .map((f) =>
            element('td', { class: 'number' }, y.figures[f.id] === null ? '—' : String(y.figures[f.id] ?? '—')),
          )
          .join('')}</tr>`,
    );
    return `<article class="agency">${element('h3', {}, agency.agency)}
<div class="charts">
${charts}
</div>
<table class="years"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>
</article>`;
  });
  return section('agencies', `${element('h2', {}, t('summaryAgenciesHeading'))}\n${articles.join('\n')}`);
}

/** One figure of one agency, year by year, as bars (a year with nothing written: a dash, no bar). */
function chart(
  agency: SummaryAgency,
  figure: SummaryFigure,
  t: Translate,
  label: (f: SummaryFigure) => string,
): string {
  const BAR = 24,
    GAP = 12,
    TOP = 16,
    PLOT = 64,
    BOTTOM = 18;
  const years = agency.years;
  const width = GAP + years.length * (BAR + GAP);
  const height = TOP + PLOT + BOTTOM;
  const values = years.map((y) => y.figures[figure.id] ?? null);
  const most = Math.max(1, ...values.map((v) => v ?? 0));
  const name = t('summaryChartLabel', {
    agency: agency.agency,
    figure: label(figure),
    years: years.map((y, i) => `${y.year} ${values[i] ?? t('summaryNoValue')}`).join(t('andJoin')),
  });
  const marks = years.map((y, i) => {
    const x = GAP + i * (BAR + GAP);
    const cx = x + BAR / 2;
    const v = values[i];
    const yearLabel = `<text class="year" x="${cx}" y="${height - 4}">${y.year}</text>`;
    if (v === null) return `<text class="value" x="${cx}" y="${TOP + PLOT - 4}">—</text>${yearLabel}`;
    const h = Math.max(v > 0 ? 1 : 0, Math.round((v / most) * PLOT));
    return `<rect class="bar"${attrs({ 'data-year': y.year, 'data-value': v })} x="${x}" y="${TOP + PLOT - h}" width="${BAR}" height="${h}"/><text class="value" x="${cx}" y="${TOP + PLOT - h - 3}">${escapeHtml(String(v))}</text>${yearLabel}`;
  });
  return `<figure class="figure">${element('figcaption', {}, label(figure))}<svg class="chart"${attrs({
    'data-figure': figure.id,
    role: 'img',
    'aria-label': name,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  })}>${element('title', {}, name)}<line class="axis" x1="0" y1="${TOP + PLOT}" x2="${width}" y2="${TOP + PLOT}"/>${marks.join('')}</svg></figure>`;
}

function reportsSection(summary: Summary, t: Translate, label: (f: SummaryFigure) => string): string {
  const columns: { title: string; type: 'text' | 'number' }[] = [
    { title: t('summaryFile'), type: 'text' },
    { title: t('summaryAgency'), type: 'text' },
    { title: t('summaryYear'), type: 'number' },
    { title: t('summaryTemplate'), type: 'text' },
    { title: t('summaryErrors'), type: 'number' },
    { title: t('summaryWarnings'), type: 'number' },
    ...summary.figures.map((f) => ({ title: label(f), type: 'number' as const })),
  ];
  const head = columns.map((c) => element('th', { scope: 'col', 'data-type': c.type }, c.title)).join('');
  const num = (v: number | null, extra?: string) =>
    element(
      'td',
      { class: ['number', extra].filter(Boolean).join(' '), 'data-value': v ?? '' },
      v === null ? '—' : String(v),
    );
  const rows = summary.reports.map(
    (r) =>
      `<tr${attrs({ class: r.errors ? 'has-errors' : r.warnings ? 'has-warnings' : undefined })}>${element('td', { class: 'file' }, r.file)}${element('td', {}, r.agency ?? '—')}${num(r.year)}${element('td', {}, r.template)}${num(r.errors, r.errors ? 'errors' : undefined)}${num(r.warnings)}${summary.figures
        .map((f) => num(r.figures[f.id] ?? null))
        .join('')}</tr>`,
  );
  return section(
    'reports',
    `${element('h2', {}, t('summaryReportsHeading'))}\n<div class="scroll"><table class="reports sortable"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`,
  );
}

function problemsSection(summary: Summary, t: Translate): string {
  if (summary.problems.length === 0) return '';
  const items = summary.problems.map((p) => element('li', {}, p.message)).join('');
  return section('problems', `${element('h2', {}, t('summaryProblemsHeading'))}<ul>${items}</ul>`);
}

const section = (id: string, html: string) => `<section id="${id}">\n${html}\n</section>`;

const CSS = `
body.ogi-summary { margin: 0 auto; max-width: 1440px; padding: 24px; color: #1b1b1b; background: #fff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; line-height: 1.6; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #c62828; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 8px; }
.overview { color: #555; margin: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d0d0; padding: 3px 8px; text-align: left; vertical-align: top; }
thead th { background: #f4f4f4; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
td.severity.error, td.errors { color: #b71c1c; font-weight: bold; }
td.severity.warning { color: #a15c00; }
.count-bar rect { fill: #c62828; }
.agency { border: 1px solid #e0e0e0; border-radius: 6px; padding: 12px; margin: 12px 0; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-bottom: 8px; }
figure.figure { margin: 0; }
figure.figure figcaption { font-size: 12px; color: #444; }
svg.chart .bar { fill: #c62828; }
svg.chart .axis { stroke: #888; stroke-width: 1; }
svg.chart text { font-size: 10px; text-anchor: middle; fill: #333; }
.scroll { overflow-x: auto; }
table.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
table.reports td { white-space: nowrap; }
table.reports td.file { white-space: normal; word-break: break-all; min-width: 12em; }
tr.has-errors td.file { border-left: 4px solid #b71c1c; }
tr.has-warnings td.file { border-left: 4px solid #e0a000; }
#problems li { color: #b71c1c; }
@media print { .scroll { overflow: visible; } }
`;

// Sorts a table by the clicked (or Enter-pressed) header: numbers by data-value (blank last), text by
// the collator of the page's language; a second click reverses.
const SORT_SCRIPT = `
(function () {
  var lang = document.documentElement.lang;
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (th, column) {
      th.tabIndex = 0;
      function sort() {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.getAttribute('data-type') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          return numeric ? cell.getAttribute('data-value') : cell.textContent;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (numeric) {
            if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
            return ascending ? x - y : y - x;
          }
          var c = x.localeCompare(y, lang);
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
      });
    });
  });
})();
`;
