// HTML building blocks for the renderer. All escaping goes through markdown-it's escapeHtml.
import MarkdownIt from 'markdown-it';

export const escapeHtml: (s: string) => string = new MarkdownIt().utils.escapeHtml;

export type Attrs = Record<string, string | number | undefined | false>;

/** ` name="value"` for every set attribute; values are escaped, names are ours (never the author's). */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === undefined || value === false || value === '') continue;
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** `<tag attrs>escaped text</tag>`. */
export function element(tag: string, a: Attrs, text: string): string {
  return `<${tag}${attrs(a)}>${escapeHtml(text)}</${tag}>`;
}

export function classes(...names: (string | undefined | false)[]): string | undefined {
  const list = names.filter((n): n is string => !!n);
  return list.length ? list.join(' ') : undefined;
}
