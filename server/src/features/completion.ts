// Completion by context: statutory section titles at a heading, the names valid at a nesting level
// inside a table block, columns inside a mapping row, a zero-filled row value, front-matter keys.
import { resolveLocale } from '../i18n/messages';
import type { Report } from '../parse/report';
import { normalizeName } from '../parse/normalize';
import type { Position } from '../parse/text';
import { TEMPLATES, childrenAt } from '../statute';
import { columnsAt, cursorContext } from './context';
import { noteMarkdown } from './docs';
import { CompletionItemKind, type CompletionItem } from './types';

const FRONT_MATTER_KEYS: Record<string, { zh: string; en: string; required: boolean }> = {
  template: {
    zh: '模板：ogi-annual-2021（默认，2021年起）或 ogi-annual-2019（2019、2020年度）',
    en: 'Template: ogi-annual-2021 (default, 2021 on) or ogi-annual-2019 (2019, 2020)',
    required: false,
  },
  agency: { zh: '报告机关全称（必填）', en: "The reporting agency's full name (required)", required: true },
  year: { zh: '报告年度（必填），如 2024', en: 'The report year (required), e.g. 2024', required: true },
  issued: { zh: '发布日期（必填），YYYY-MM-DD', en: 'Publication date (required), YYYY-MM-DD', required: true },
  contact: { zh: '咨询电话（可选）', en: 'Office telephone (optional)', required: false },
  title: {
    zh: '标题（可选），默认为“{机关}{年度}年政府信息公开工作年度报告”',
    en: 'Title (optional); default "{agency}{year}年政府信息公开工作年度报告"',
    required: false,
  },
  deadline: {
    zh: '发布期限（可选），覆盖法定期限',
    en: 'Publication deadline (optional), overrides the statutory one',
    required: false,
  },
};

export function complete(report: Report, position: Position, locale?: string): CompletionItem[] {
  const loc = resolveLocale(locale);
  const ctx = cursorContext(report, position);
  const range = (start: number, end: number) => report.lines.range(start, end);
  const here = report.lines.offset(position);
  switch (ctx.kind) {
    case 'frontMatterKey':
      return Object.entries(FRONT_MATTER_KEYS)
        .filter(([k]) => !ctx.present.includes(k))
        .map(([k, d], i) => ({
          label: k,
          kind: CompletionItemKind.Property,
          detail: d.required ? 'required' : 'optional',
          documentation: { kind: 'markdown', value: loc === 'en' ? d.en : d.zh },
          sortText: `${d.required ? 0 : 1}${i}`,
          textEdit: { range: range(ctx.typedStart, here), newText: `${k}: ` },
        }));
    case 'frontMatterValue':
      if (ctx.key !== 'template') return [];
      return TEMPLATES.map((t) => ({
        label: t.id,
        kind: CompletionItemKind.Enum,
        detail: `${t.basis} ${t.name}`,
        documentation: {
          kind: 'markdown',
          value: `**${t.name}**\n\n${t.basis}\n\n${t.firstYear}${t.lastYear ? `–${t.lastYear}` : '–'}`,
        },
        textEdit: { range: range(ctx.valueStart, here), newText: t.id },
      }));
    case 'heading': {
      // The heading being typed is not yet "present": offering its section as missing is the point.
      const present = new Set(report.sections.filter((s) => s.heading.line !== position.line).map((s) => s.number));
      const items: CompletionItem[] = report.template.sections.map((s, i) => ({
        label: `${s.number}、${s.title}`,
        kind: CompletionItemKind.Module,
        detail: present.has(s.number) ? undefined : loc === 'en' ? 'missing section' : '缺少的法定章节',
        documentation: { kind: 'markdown', value: noteMarkdown(`${s.number}、${s.title}`, s.note, loc) },
        sortText: `${present.has(s.number) ? 1 : 0}${i}`,
        filterText: `${s.number}、${s.title}`,
        textEdit: { range: range(ctx.textStart, Math.max(here, ctx.lineEnd)), newText: `${s.number}、${s.title}` },
      }));
      // Inside section 一, deeper headings: its usual sub-headings.
      const statutoryLevel = report.sections[0]?.heading.level ?? 2;
      if (ctx.section && ctx.level > statutoryLevel) {
        const written = new Set(report.headings.map((h) => normalizeName(h.text)));
        ctx.section.def.subheadings
          .filter((h) => !written.has(normalizeName(h)))
          .forEach((h, i) =>
            items.unshift({
              label: h,
              kind: CompletionItemKind.Text,
              sortText: `00${i}`,
              textEdit: { range: range(ctx.textStart, Math.max(here, ctx.lineEnd)), newText: h },
            }),
          );
      }
      return items;
    }
    case 'tableKey': {
      const children = childrenAt(ctx.table, ctx.path);
      const pad = ' '.repeat(ctx.indent);
      return children
        .filter((c) => !ctx.present.includes(c))
        .map((c, i) => {
          const columns = columnsAt(ctx.table, [...ctx.path, c.key]);
          const newText =
            c.kind === 'row'
              ? `${c.key}: ${columns.length === 1 ? '${1:0}' : `[${columns.map((_, j) => `\${${j + 1}:0}`).join(', ')}]`}`
              : `${c.key}:\n${pad}  `;
          return {
            label: c.key,
            kind: c.kind === 'row' ? CompletionItemKind.Field : CompletionItemKind.Struct,
            detail: `${c.numbering}${c.label}`,
            documentation: {
              kind: 'markdown',
              value: noteMarkdown(
                `${c.numbering}${c.label}`,
                c.note,
                loc,
                columns.length > 1 && c.kind === 'row' ? [columns.map((x) => x.key).join(' · ')] : [],
              ),
            },
            sortText: String(i).padStart(3, '0'),
            insertTextFormat: 2,
            textEdit: { range: range(ctx.typedStart, here), newText },
          } satisfies CompletionItem;
        });
    }
    case 'tableValue': {
      if (ctx.def.kind !== 'row') return [];
      const cols = ctx.columns;
      const doc = { kind: 'markdown' as const, value: cols.map((c) => c.key).join(' · ') };
      const r = range(ctx.valueStart, here);
      const list = cols.length === 1 ? '0' : `[${cols.map(() => '0').join(', ')}]`;
      const items: CompletionItem[] = [
        {
          label: list,
          kind: CompletionItemKind.Snippet,
          documentation: doc,
          sortText: '0',
          insertTextFormat: 2,
          textEdit: {
            range: r,
            newText: cols.length === 1 ? '${1:0}' : `[${cols.map((_, j) => `\${${j + 1}:0}`).join(', ')}]`,
          },
        },
      ];
      if (cols.length > 1) {
        const map = `{${cols
          .filter((c) => !c.isTotal)
          .map((c) => `${c.key}: 0`)
          .join(', ')}}`;
        items.push({
          label: map,
          kind: CompletionItemKind.Snippet,
          documentation: doc,
          sortText: '1',
          insertTextFormat: 2,
          textEdit: {
            range: r,
            newText: `{${cols
              .filter((c) => !c.isTotal)
              .map((c, j) => `${c.key}: \${${j + 1}:0}`)
              .join(', ')}}`,
          },
        });
      }
      return items;
    }
    case 'tableColumn':
      return ctx.columns
        .filter((c) => !ctx.used.some((u) => normalizeName(u) === normalizeName(c.key)))
        .map((c, i) => ({
          label: c.key,
          kind: CompletionItemKind.Field,
          detail: c.label,
          documentation: { kind: 'markdown', value: noteMarkdown(c.label, c.note, loc) },
          sortText: String(i).padStart(2, '0'),
          textEdit: { range: range(ctx.typedStart, here), newText: `${c.key}: ` },
        }));
    default:
      return [];
  }
}
