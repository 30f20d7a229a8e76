// Front matter: the YAML between the opening `---` and the closing `---`, checked field by field.
// Dates are validated on their source text: a YAML timestamp parser would turn 2023-02-30 into 2 March.
import * as z from 'zod/mini';
import { normalizeName } from './normalize';
import type { YamlResult, YNode } from './yamlTree';

export interface FrontMatterField {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: YNode;
}

export interface FrontMatterProblem {
  /** Message id in the i18n bundle, and its arguments. */
  id:
    | 'fmMissing'
    | 'fmUnclosed'
    | 'fmSyntax'
    | 'fmNotMapping'
    | 'fmFieldMissing'
    | 'fmFieldInvalid'
    | 'fmUnknownKey'
    | 'fmUnknownTemplate'
    | 'fmDuplicate';
  args: Record<string, string | number>;
  start: number;
  end: number;
  severity: 'error' | 'warning';
}

export interface FrontMatter {
  /** Offsets of the opening `---` line and of the end of the closing line. */
  start: number;
  end: number;
  /** Offset where the body starts. */
  bodyStart: number;
  fields: FrontMatterField[];
  data: Partial<FrontMatterData>;
  problems: FrontMatterProblem[];
}

const dateText = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isRealDate));
const text = z.string().check(z.trim(), z.minLength(1));
export const frontMatterSchema = z.object({
  template: z.optional(z.string().check(z.minLength(1))),
  agency: text,
  year: z.int().check(z.gte(2008), z.lte(2100)),
  issued: dateText,
  contact: z.optional(z.string().check(z.minLength(1))),
  title: z.optional(text),
  deadline: z.optional(dateText),
});
export type FrontMatterData = z.infer<typeof frontMatterSchema>;
const KNOWN_KEYS = Object.keys(frontMatterSchema.shape) as (keyof FrontMatterData)[];
const REQUIRED_KEYS: (keyof FrontMatterData)[] = ['agency', 'year', 'issued'];

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const FENCE = /^---[ \t]*\r?$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** Where the front matter stands in a text, before its YAML is parsed. */
export interface FrontMatterPlace {
  fm: FrontMatter;
  /** The YAML between the fences, when both are there. */
  content?: { text: string; start: number };
}

/** Finds the front matter at the start of `text` (BOM already removed): its fences and body start. */
export function locateFrontMatter(text: string): FrontMatterPlace {
  const firstLineEnd = lineEndAt(text, 0);
  const fm: FrontMatter = { start: 0, end: 0, bodyStart: 0, fields: [], data: {}, problems: [] };
  if (!FENCE.test(text.slice(0, firstLineEnd))) {
    fm.problems.push({ id: 'fmMissing', args: {}, start: 0, end: firstLineEnd, severity: 'error' });
    return { fm };
  }
  // Find the closing fence line.
  let lineStart = nextLine(text, firstLineEnd);
  let close = -1;
  while (lineStart < text.length) {
    const end = lineEndAt(text, lineStart);
    if (CLOSE.test(text.slice(lineStart, end))) {
      close = lineStart;
      break;
    }
    lineStart = nextLine(text, end);
  }
  if (close === -1) {
    fm.problems.push({ id: 'fmUnclosed', args: {}, start: 0, end: firstLineEnd, severity: 'error' });
    fm.end = firstLineEnd;
    fm.bodyStart = nextLine(text, firstLineEnd);
    return { fm };
  }
  const closeEnd = lineEndAt(text, close);
  fm.end = closeEnd;
  fm.bodyStart = nextLine(text, closeEnd);
  const contentStart = nextLine(text, firstLineEnd);
  return { fm, content: { text: text.slice(contentStart, close), start: contentStart } };
}

/**
 * Reads the front matter's fields from its parsed YAML (`parsed`: `parseYamlTree` of the place's
 * content; the report parses it together with the table blocks).
 */
export function readFrontMatter(
  text: string,
  place: FrontMatterPlace,
  parsed: YamlResult | undefined,
  templateIds: readonly string[],
): FrontMatter {
  const { fm, content } = place;
  if (!content || !parsed) return fm;
  const firstLineEnd = lineEndAt(text, 0);
  const contentStart = content.start;
  if (!parsed.ok) {
    const at = contentStart + Math.min(parsed.error.offset, content.text.length);
    fm.problems.push({
      id: 'fmSyntax',
      args: { reason: parsed.error.message },
      start: at,
      end: lineEndAt(text, at),
      severity: 'error',
    });
    return fm;
  }
  const root = parsed.root;
  if (root === undefined || (root.kind === 'scalar' && root.empty)) {
    for (const key of REQUIRED_KEYS)
      fm.problems.push({ id: 'fmFieldMissing', args: { field: key }, start: 0, end: firstLineEnd, severity: 'error' });
    return fm;
  }
  if (root.kind !== 'map') {
    fm.problems.push({
      id: 'fmNotMapping',
      args: {},
      start: contentStart + root.start,
      end: contentStart + root.end,
      severity: 'error',
    });
    return fm;
  }
  const raw: Record<string, unknown> = {};
  for (const { key, value } of root.entries) {
    const name = key.kind === 'scalar' ? key.value : '';
    const field: FrontMatterField = {
      key: name,
      keyStart: contentStart + key.start,
      keyEnd: contentStart + key.end,
      value: shift(value, contentStart),
    };
    // A repeated key is invalid YAML (a YAML loader rejects it): report it, keep the first value.
    if (name && fm.fields.some((f) => f.key === name)) {
      fm.problems.push({
        id: 'fmDuplicate',
        args: { field: name },
        start: field.keyStart,
        end: field.keyEnd,
        severity: 'error',
      });
      continue;
    }
    fm.fields.push(field);
    if (!(KNOWN_KEYS as string[]).includes(name)) {
      fm.problems.push({
        id: 'fmUnknownKey',
        args: { field: name },
        start: field.keyStart,
        end: field.keyEnd,
        severity: 'warning',
      });
      continue;
    }
    raw[name] = scalarData(name, value);
  }
  for (const key of KNOWN_KEYS) {
    const field = fm.fields.find((f) => f.key === key);
    if (!field) {
      if (REQUIRED_KEYS.includes(key))
        fm.problems.push({
          id: 'fmFieldMissing',
          args: { field: key },
          start: 0,
          end: firstLineEnd,
          severity: 'error',
        });
      continue;
    }
    const result = frontMatterSchema.shape[key].safeParse(raw[key]);
    const at =
      field.value.kind === 'scalar' && field.value.empty
        ? [field.keyStart, field.keyEnd]
        : [field.value.start, field.value.end];
    if (!result.success || raw[key] === undefined) {
      fm.problems.push({
        id: 'fmFieldInvalid',
        args: { field: key, expected: key === 'template' ? templateIds.join(' | ') : EXPECTED[key] },
        start: at[0],
        end: at[1],
        severity: 'error',
      });
      continue;
    }
    if (key === 'template' && !templateIds.includes(result.data as string)) {
      fm.problems.push({
        id: 'fmUnknownTemplate',
        args: { value: String(result.data), known: templateIds.join(', ') },
        start: at[0],
        end: at[1],
        severity: 'error',
      });
      continue;
    }
    (fm.data as Record<string, unknown>)[key] = result.data;
  }
  return fm;
}

/** What a field's value should look like (template's: the registry's ids, which readFrontMatter is given). */
const EXPECTED: Record<Exclude<keyof FrontMatterData, 'template'>, string> = {
  agency: '机关全称 / agency name',
  year: '2008–2100',
  issued: 'YYYY-MM-DD',
  contact: 'text',
  title: 'text',
  deadline: 'YYYY-MM-DD',
};

/** The value a field's source text stands for, typed as the schema expects (undefined = unusable). */
function scalarData(key: string, node: YNode): unknown {
  if (node.kind !== 'scalar' || node.empty) return undefined;
  if (key === 'year') {
    const s = normalizeName(node.value);
    return /^\d{1,6}$/.test(s) ? Number(s) : s;
  }
  return node.value;
}

// Nodes built field by field, not spread: an object spread is several times slower than a literal.
function shift(node: YNode, by: number): YNode {
  const start = node.start + by,
    end = node.end + by;
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', start, end, empty: node.empty, value: node.value, plain: node.plain };
    case 'alias':
      return { kind: 'alias', start, end };
    case 'seq':
      return { kind: 'seq', start, end, items: node.items.map((n) => shift(n, by)) };
    case 'map':
      return {
        kind: 'map',
        start,
        end,
        entries: node.entries.map((e) => ({ key: shift(e.key, by), value: shift(e.value, by) })),
      };
  }
}

export function lineEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl === -1 ? text.length : nl;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
function nextLine(text: string, lineEnd: number): number {
  const nl = text.indexOf('\n', lineEnd);
  return nl === -1 ? text.length : nl + 1;
}
