// Markdown documentation of statutory names (completion and hover share it).
import type { Locale } from '../i18n/messages';
import type { LegalNote } from '../statute';

const LABELS = {
  'zh-cn': { basis: '法律依据', meaning: '说明', computed: '计算方法', value: '当前计算值', written: '填写值' },
  en: {
    basis: 'Legal basis',
    meaning: 'Meaning',
    computed: 'Computed as',
    value: 'Current computed value',
    written: 'Written',
  },
} as const;

export function labels(locale: Locale) {
  return LABELS[locale];
}

export function noteMarkdown(title: string, note: LegalNote | undefined, locale: Locale, extra: string[] = []): string {
  const l = LABELS[locale];
  const lines = [`**${title}**`];
  if (note) {
    lines.push('', `${l.basis}：${note.basis}`, '', `${l.meaning}：${locale === 'en' ? note.meaningEn : note.meaning}`);
  }
  if (extra.length) lines.push('', ...extra);
  return lines.join('\n');
}
