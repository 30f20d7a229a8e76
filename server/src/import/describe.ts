// The import summary in words, for the hosts (the CLI's text output, the editor's messages): where in
// the source, which template and why, what was found, and each doubt with its source location.
import { getTemplate } from '../statute';
import type { Translate } from '../i18n/messages';
import { describeWhere } from './locate';
import type { ImportDoubt, ImportSummary, RefusalReason } from './types';

export { describeWhere } from './locate';

const FROM = {
  option: 'importTemplateFromOption',
  tables: 'importTemplateFromTables',
  year: 'importTemplateFromYear',
  default: 'importTemplateFromDefault',
} as const;

/** The summary's lines (indented under the file's line), in the host's locale. */
export function describeSummary(summary: ImportSummary, t: Translate): string[] {
  const none = t('importNotFound');
  const template = getTemplate(summary.template);
  const caption = (id: string) => template?.sections.find((s) => s.table?.id === id)?.table?.caption ?? id;
  const lines = [
    t('importSummaryTemplate', { template: summary.template, from: t(FROM[summary.templateFrom]) }),
    t('importSummaryMeta', {
      agency: summary.agency ?? none,
      year: summary.year ?? none,
      issued: summary.issued ?? none,
      contact: summary.contact ?? none,
    }),
    summary.sections.length
      ? t('importSummarySections', { sections: summary.sections.join(' ') })
      : t('importSummaryNoSections'),
    t('importSummaryTables', {
      tables: summary.tables
        .map((x) =>
          x.found
            ? t('importTableFound', { table: caption(x.id), where: describeWhere(x.where ?? {}, t) })
            : t('importTableNotFound', { table: caption(x.id) }),
        )
        .join(t('andJoin')),
    }),
    t('importSummaryCells', summary.cells),
  ];
  if (summary.doubts.length) {
    lines.push(t('importSummaryDoubts', { count: summary.doubts.length }));
    for (const d of summary.doubts) lines.push(describeDoubt(d, t, caption));
  }
  return lines;
}

export function describeDoubt(d: ImportDoubt, t: Translate, caption: (id: string) => string = (id) => id): string {
  const where = describeWhere(d.where, t);
  const row = d.row ?? '';
  switch (d.kind) {
    case 'rowValues':
      return t('importDoubtRowValues', {
        where,
        row,
        found: d.found ?? 0,
        expected: d.expected ?? 0,
        text: d.text ?? '',
      });
    case 'rowUnplaced':
      return t('importDoubtRowUnplaced', { where, row });
    case 'rowMissing':
      return t('importDoubtRowMissing', { where, row });
    case 'tableMissing':
      return t('importDoubtTableMissing', { where, row: caption(d.table) });
    case 'cellUnreadable':
      return t('importDoubtCellUnreadable', { where, row, column: d.column ?? '', text: d.text ?? '' });
  }
}

const REFUSALS = {
  unsupported: 'importRefusedUnsupported',
  legacyWord: 'importRefusedLegacyWord',
  scanned: 'importRefusedScanned',
  encrypted: 'importRefusedEncrypted',
  damaged: 'importRefusedDamaged',
  tooLarge: 'importRefusedTooLarge',
  scriptBody: 'importRefusedScriptBody',
  noTables: 'importRefusedNoTables',
  notText: 'importRefusedNotText',
  pdfUnavailable: 'importRefusedPdfUnavailable',
} as const satisfies Record<RefusalReason, string>;

/** Why a source was not imported and what to do, naming the file. */
export function describeRefusal(reason: RefusalReason, detail: string, path: string, t: Translate): string {
  return t(REFUSALS[reason] ?? 'importRefusedDamaged', { path, detail });
}
