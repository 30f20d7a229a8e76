// Markdown documentation of statutory names (completion and hover share it).
import { translator, type Locale } from '../i18n/messages';
import type { LegalNote } from '../statute';

export function noteMarkdown(title: string, note: LegalNote | undefined, locale: Locale, extra: string[] = []): string {
  const t = translator(locale);
  const lines = [`**${title}**`];
  if (note) {
    const meaning = locale === 'en' ? note.meaningEn : note.meaning;
    lines.push('', t('docBasis', { basis: note.basis }), '', t('docMeaning', { meaning }));
  }
  if (extra.length) lines.push('', ...extra);
  return lines.join('\n');
}
