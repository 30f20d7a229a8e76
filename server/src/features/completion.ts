// Completion by context: statutory section titles at a heading, the names valid at a nesting level
// inside a table block, columns inside a mapping row, a zero-filled row value, front-matter keys.
import { resolveLocale, translator, type MessageId, type Translate } from '../i18n/messages';
import type { Report } from '../parse/report';
import { normalizeName } from '../parse/normalize';
import type { Position } from '../parse/text';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, childrenAt, type Template } from '../statute';
import { columnsAt, cursorContext } from './context';
import { noteMarkdown } from './docs';
import { CompletionItemKind, type CompletionItem } from './types';

/** The front matter keys in the order offered, each with its documentation's message. */
const FRONT_MATTER_KEYS: { key: string; doc: MessageId; required: boolean }[] = [
  { key: 'template', doc: 'completionKeyTemplate', required: false },
  { key: 'agency', doc: 'completionKeyAgency', required: true },
  { key: 'year', doc: 'completionKeyYear', required: true },
  { key: 'issued', doc: 'completionKeyIssued', required: true },
  { key: 'contact', doc: 'completionKeyContact', required: false },
  { key: 'title', doc: 'completionKeyTitle', required: false },
  { key: 'deadline', doc: 'completionKeyDeadline', required: false },
];

/**
 * The templates to choose from, the default first, from the registry:
 * `ogi-annual-2021（默认，2021年起）或 ogi-annual-2019（2019、2020年度）`.
 */
function templateChoices(t: Translate): string {
  const years = (tpl: Template) => {
    if (tpl.lastYear === undefined) return t('completionYearsOnwards', { year: tpl.firstYear });
    const each = Array.from({ length: tpl.lastYear - tpl.firstYear + 1 }, (_, i) => tpl.firstYear + i);
    return t('completionYears', { years: each.join(t('andJoin')) });
  };
  const isDefault = (tpl: Template) => tpl.id === DEFAULT_TEMPLATE_ID;
  const items = [...TEMPLATES.filter(isDefault), ...TEMPLATES.filter((tpl) => !isDefault(tpl))].map((tpl) =>
    t('completionTemplate', {
      id: tpl.id,
      years: isDefault(tpl) ? t('completionTemplateDefault', { years: years(tpl) }) : years(tpl),
    }),
  );
  const last = items.pop()!;
  return items.length ? `${items.join(t('andJoin'))}${t('orJoin')}${last}` : last;
}

export function complete(report: Report, position: Position, locale?: string): CompletionItem[] {
  const loc = resolveLocale(locale);
  const t = translator(loc);
  const ctx = cursorContext(report, position);
  const range = (start: number, end: number) => report.lines.range(start, end);
  const here = report.lines.offset(position);
  switch (ctx.kind) {
    case 'frontMatterKey':
      return FRONT_MATTER_KEYS.filter((d) => !ctx.present.includes(d.key)).map((d, i) => ({
        label: d.key,
        kind: CompletionItemKind.Property,
        detail: t(d.required ? 'completionRequired' : 'completionOptional'),
        documentation: {
          kind: 'markdown',
          value: t(d.doc, d.key === 'template' ? { templates: templateChoices(t) } : {}),
        },
        sortText: `${d.required ? 0 : 1}${i}`,
        textEdit: { range: range(ctx.typedStart, here), newText: `${d.key}: ` },
      }));
    case 'frontMatterValue':
      if (ctx.key !== 'template') return [];
      return TEMPLATES.map((tpl) => ({
        label: tpl.id,
        kind: CompletionItemKind.Enum,
        detail: `${tpl.basis} ${tpl.name}`,
        documentation: {
          kind: 'markdown',
          value: `**${tpl.name}**\n\n${tpl.basis}\n\n${tpl.firstYear}${tpl.lastYear ? `–${tpl.lastYear}` : '–'}`,
        },
        textEdit: { range: range(ctx.valueStart, here), newText: tpl.id },
      }));
    case 'heading': {
      // The heading being typed is not yet "present": offering its section as missing is the point.
      const present = new Set(report.sections.filter((s) => s.heading.line !== position.line).map((s) => s.number));
      const items: CompletionItem[] = report.template.sections.map((s, i) => ({
        label: `${s.number}、${s.title}`,
        kind: CompletionItemKind.Module,
        detail: present.has(s.number) ? undefined : t('completionMissingSection'),
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
