// Report model → HTML. Pure: no file system, no editor API. The preview (findings marked) and the
// export (the report as an office publishes it) share one code path and differ only in marks.
import { resolveLocale, translator, type Translate } from '../i18n/messages';
import type { TableBlock } from '../parse/model';
import type { Report } from '../parse/report';
import type { TableInstance } from '../parse/tableModel';
import type { Finding } from '../findings';
import { REPORT_CSS } from './css';
import { attrs, classes, element, escapeHtml } from './html';
import { Marks, findingAttrs } from './marks';
import { buildGrid, type Grid } from './grid';
import { gridToHtml } from './tables';
import { md, type MdToken } from './markdownIt';

export { REPORT_CSS } from './css';

export interface RenderOptions {
  /** `preview` marks findings (class + title); `export` never does. */
  mode: 'preview' | 'export';
  /** Findings of the same text (checkReport's output); used in preview mode only. */
  findings?: readonly Finding[];
  /** Locale of the few texts the renderer adds in preview (zh-cn unless English). */
  locale?: string;
}

/** The texts the preview adds (an export adds none), from the message bundles. */
const previewTexts = (t: Translate) => ({ computed: t('renderComputed'), unplaced: t('renderUnplaced') });

type Token = MdToken;
type Renderer = typeof md.renderer;
/** markdown-it's env: statutory tables by the source line of their opening fence, already rendered. */
type Env = Record<string, unknown> & { tables: Map<number, string> };

md.renderer.rules.fence = (tokens, idx, _options, env, self) => {
  const token = tokens[idx];
  const table = (env as Env | undefined)?.tables?.get(Number(token.attrGet('data-line')));
  if (table !== undefined) return table;
  return codeBlock(token, self);
};
md.renderer.rules.code_block = (tokens, idx, _options, _env, self) => codeBlock(tokens[idx], self);
md.renderer.rules.hardbreak = (tokens, idx, _options, _env, self) => `<br${self.renderAttrs(tokens[idx])}>\n`;

function codeBlock(token: Token, self: Renderer): string {
  const lang = /^[\w+#.-]+$/.exec(token.info.trim().split(/\s+/)[0])?.[0];
  const codeAttrs = attrs({
    class: lang ? `language-${lang}` : undefined,
    'data-line': token.attrGet('data-line') ?? undefined,
  });
  return `<pre${self.renderAttrs(token)}><code${codeAttrs}>${escapeHtml(token.content)}</code></pre>\n`;
}

/** The report as an HTML fragment (an `<article>`), for a preview pane or inside `renderDocument`. */
export function renderHtml(report: Report, options: RenderOptions): string {
  const preview = options.mode === 'preview';
  const texts = previewTexts(translator(resolveLocale(options.locale)));
  const marks = new Marks(report, options.findings, preview);
  const fm = report.frontMatter;
  const field = (key: string) => fm.fields.find((f) => f.key === key);
  const fieldLine = (key: string) => {
    const f = field(key);
    return f ? report.lines.position(f.keyStart).line : undefined;
  };
  const fieldRange = (key: string) => {
    const f = field(key);
    return f ? { start: f.keyStart, end: Math.max(f.keyEnd, f.value.end) } : undefined;
  };
  const claim = (r: { start: number; end: number } | undefined) => (r ? marks.at(r.start, r.end) : []);

  // The signature claims its fields before the title takes the rest of the front matter's findings.
  const { agency, issued } = fm.data;
  const signatureLine = fieldLine('agency') ?? 0;
  const signature =
    `<footer${attrs({ class: 'ogi-signature', 'data-line': signatureLine })}>\n` +
    (agency
      ? `${element('p', { ...findingAttrs(claim(fieldRange('agency')), 'ogi-signature-agency'), 'data-line': signatureLine }, agency)}\n`
      : '') +
    (issued
      ? `${element('p', { ...findingAttrs(claim(fieldRange('issued')), 'ogi-signature-date'), 'data-line': fieldLine('issued') ?? signatureLine }, chineseDate(issued))}\n`
      : '') +
    '</footer>\n';

  const title = reportTitle(report);
  const titleLine = fieldLine('title') ?? fieldLine('agency') ?? 0;
  const titleFindings = [...claim(fieldRange('title')), ...marks.unusedAt(fm.start, Math.max(fm.end, fm.start + 1))];
  const header = `<header${attrs({ class: 'ogi-header', 'data-line': titleLine })}>\n${element('h1', { ...findingAttrs(titleFindings, 'ogi-title'), 'data-line': titleLine }, title)}\n</header>\n`;

  const body = renderBody(report, marks, texts);

  return `<article${attrs({ class: classes('ogi-report', `ogi-${options.mode}`), lang: 'zh-CN', 'data-line': 0 })}>\n${header}${body}${signature}</article>\n`;
}

export type DocumentOptions = Partial<RenderOptions>;

/** A standalone page: inline CSS, no script, no remote resource. Export mode unless told otherwise. */
export function renderDocument(report: Report, options: DocumentOptions = {}): string {
  const opts: RenderOptions = { ...options, mode: options.mode ?? 'export' };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: file:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ogi-report">
<title>${escapeHtml(reportTitle(report))}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body>
${renderHtml(report, opts)}</body>
</html>
`;
}

/** Front matter `title`, else `{agency}{year}年政府信息公开工作年度报告` (FORMAT.md §2). */
export function reportTitle(report: Report): string {
  const { title, agency, year } = report.frontMatter.data;
  return title ?? `${agency ?? ''}${year !== undefined ? `${year}年` : ''}政府信息公开工作年度报告`;
}

/** `2021-01-26` → `2021年1月26日`, as a signature is dated. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The report's body, from the line after the front matter, and that line: what the renderers parse. */
export function reportBody(report: Report): { body: string; bodyLine: number } {
  const { lines, frontMatter } = report;
  const bodyLine = lines.position(frontMatter.bodyStart).line;
  const body = frontMatter.bodyStart >= report.text.length ? '' : report.text.slice(lines.lineStarts[bodyLine]);
  return { body, bodyLine };
}

/** Each statutory table the report has, with its grid (render/grid.ts): the tables both renderers draw. */
export function statutoryGrids(report: Report): { block: TableBlock; instance: TableInstance; grid: Grid }[] {
  const out: { block: TableBlock; instance: TableInstance; grid: Grid }[] = [];
  for (const section of report.sections) {
    const block = section.table;
    if (!block?.instance) continue;
    out.push({
      block,
      instance: block.instance,
      grid: buildGrid({ report, instance: block.instance, line: block.fence.line }),
    });
  }
  return out;
}

function renderBody(report: Report, marks: Marks, texts: ReturnType<typeof previewTexts>): string {
  const { body, bodyLine } = reportBody(report);
  const env: Env = { tables: new Map() };
  const tokens = md.parse(body, env);

  // Statutory tables first: their cells claim findings before the block-level fallback does.
  for (const { block, instance, grid } of statutoryGrids(report)) {
    env.tables.set(
      block.fence.line,
      gridToHtml(grid, {
        marks,
        source: { start: block.fence.start, end: block.fence.end },
        line: block.fence.line,
        computedTitle: texts.computed,
        after: () => (marks.enabled ? unplaced(report, instance, marks, block.fence.line, texts.unplaced) : ''),
      }),
    );
  }

  const headingLines = new Set(report.sections.map((s) => s.heading.line));
  const open: Token[] = [];
  let lineOfBlock = 0;
  for (const token of tokens) {
    if (token.map) lineOfBlock = token.map[0] + bodyLine;
    if (token.nesting === -1) open.pop();
    const line = token.map
      ? token.map[0] + bodyLine
      : open.length
        ? Number(open[open.length - 1].attrGet('data-line'))
        : lineOfBlock;
    if (token.nesting !== -1 && token.tag) token.attrSet('data-line', String(line));
    if (token.nesting === 1) open.push(token);
    if (token.children)
      for (const child of token.children)
        if (child.nesting !== -1 && child.tag) child.attrSet('data-line', String(line));

    if (!token.map || token.nesting === -1 || env.tables.has(line)) continue;
    const leaf = ['paragraph_open', 'heading_open', 'fence', 'code_block', 'tr_open', 'hr'].includes(token.type);
    if (!leaf) continue;
    const found = marks.unusedOnLines(line, token.map[1] - 1 + bodyLine);
    const isSection = token.type === 'heading_open' && headingLines.has(line);
    // A tight list hides its paragraphs: the mark goes on the list item.
    const target = token.hidden ? ([...open].reverse().find((t) => t.type === 'list_item_open') ?? token) : token;
    const fa = findingAttrs(found, classes(String(target.attrGet('class') ?? ''), isSection && 'ogi-section-heading'));
    if (fa.class) target.attrSet('class', fa.class);
    if (fa.title) target.attrSet('title', String(fa.title));
  }
  return md.renderer.render(tokens, md.options, env);
}

/** Preview only: keys of a table block that have no place in the statutory layout, with their findings. */
function unplaced(report: Report, instance: TableInstance, marks: Marks, line: number, heading: string): string {
  const items = [
    ...instance.unknownKeys
      .filter((u) => !u.standsFor)
      .map((u) => ({ text: [...u.parentPath, u.key].join(' / '), start: u.start, end: u.end })),
    ...instance.duplicates.map((d) => ({ text: d.key, start: d.start, end: d.end })),
  ];
  if (items.length === 0) return '';
  const li = items
    .map((i) => {
      const l = report.lines.position(i.start).line;
      return `<li${attrs({ 'data-line': l })}>${element('code', { ...findingAttrs(marks.at(i.start, i.end)), 'data-line': l }, i.text)}</li>`;
    })
    .join('');
  return `<div${attrs({ class: 'ogi-unplaced', 'data-line': line })}>${element('p', { 'data-line': line }, heading)}<ul${attrs({ 'data-line': line })}>${li}</ul></div>\n`;
}
