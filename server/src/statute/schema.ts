// The shape of a statutory template. Every template module is validated against it at load,
// so a typo in the law-as-data fails loudly at start-up instead of silently mis-checking reports.
// zod/mini: the same validation, a thirtieth of the classic build's size in the bundle (and memory).
import * as z from 'zod/mini';

export const valueKindSchema = z.enum(['count', 'money', 'delta']);
export type ValueKind = z.infer<typeof valueKindSchema>;

/** Explanation shown on hover and in completion. */
export const legalNoteSchema = z.object({
  basis: z.string().check(z.minLength(1)), // the 条例 article, e.g. 第三十七条
  meaning: z.string().check(z.minLength(1)), // short Chinese explanation
  meaningEn: z.string().check(z.minLength(1)), // the same in English
});
export type LegalNote = z.infer<typeof legalNoteSchema>;

export const columnSchema = z.object({
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)), // printed header text
  kind: valueKindSchema,
  isTotal: z._default(z.boolean(), false),
  parent: z.optional(z.string()), // merged header above it (法人或其他组织)
  note: z.optional(legalNoteSchema),
});
export type Column = z.infer<typeof columnSchema>;

export const rowSchema = z.object({
  kind: z.literal('row'),
  key: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)), // full statutory label, without numbering
  numbering: z._default(z.string(), ''),
  aliases: z._default(z.array(z.string()), []),
  /** Rows whose absence is not a defect: their values are computed (the 办理结果 总计). */
  computed: z._default(z.boolean(), false),
  /** The row's name in messages where its key alone is ambiguous (`本年度办理结果总计`). */
  name: z.optional(z.string().check(z.minLength(1))),
  note: z.optional(legalNoteSchema),
});

export type RowDef = z.infer<typeof rowSchema>;
export interface GroupDef {
  kind: 'group';
  key: string;
  label: string;
  numbering: string;
  aliases: string[];
  /** Column set of the rows below, when the group (a 第二十条 block) defines its own. */
  columns?: Column[];
  children: NodeDef[];
  /** The child that takes the values when the group is written as one row (2021 其他处理: 其他). */
  catchAll?: string;
  note?: LegalNote;
}
export type NodeDef = RowDef | GroupDef;

export const groupSchema: z.ZodMiniType<GroupDef, unknown> = z.lazy(() =>
  z.object({
    kind: z.literal('group'),
    key: z.string().check(z.minLength(1)),
    label: z.string().check(z.minLength(1)),
    numbering: z._default(z.string(), ''),
    aliases: z._default(z.array(z.string()), []),
    columns: z.optional(z.array(columnSchema).check(z.minLength(1))),
    children: z.array(z.union([rowSchema, groupSchema])).check(z.minLength(1)),
    catchAll: z.optional(z.string().check(z.minLength(1))),
    note: z.optional(legalNoteSchema),
  }),
);
export const nodeSchema = z.union([rowSchema, groupSchema]);

/** A term of an identity: a row path (a group path means the sum of its rows). */
const pathSchema = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

export const identitySchema = z
  .object({
    code: z.enum(['result-total', 'balance']),
    /** lhs[0] … = rhs … per column; the finding is placed on the cell of `at`. */
    lhs: z.array(pathSchema).check(z.minLength(1)),
    rhs: z.array(pathSchema).check(z.minLength(1)),
    at: pathSchema,
    /** The name each term (lhs, then rhs) has in the finding's message (`received`, `carriedOut`, …). */
    roles: z._default(z.array(z.string().check(z.minLength(1))), []),
  })
  .check(
    z.refine((d) => d.roles.length === 0 || d.roles.length === d.lhs.length + d.rhs.length, {
      message: 'an identity names the role of every term or of none',
    }),
  );
export type Identity = z.infer<typeof identitySchema>;

/** A regular expression's source, checked to compile. */
const regexSource = z.string().check(
  z.minLength(1),
  z.refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  ),
);

/**
 * A phrase of report prose that states a figure of a table (FORMAT.md §5, identity 5): `收到…申请 N 件`
 * states 本年新收's 总计. The pattern's first group is the number; every match starts with a cue word.
 */
export const prosePhraseSchema = z.object({
  /** Words every match starts with: where the pattern is tried. */
  cues: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  pattern: regexSource,
  /** The id of the table whose total column states the figure. */
  table: z.string().check(z.minLength(1)),
  /** Paths summed for the figure (a group path = Σ its rows). */
  paths: z.array(pathSchema).check(z.minLength(1)),
  /** A match naming this is about something else (e.g. 行政复议申请 is not an OGI request). */
  exclude: z.optional(regexSource),
  /** The word that `未发生…{word}` says was 0 (行政复议, 行政诉讼). */
  noneWord: z.optional(z.string().check(z.minLength(1))),
});
export type ProsePhrase = z.infer<typeof prosePhraseSchema>;

/**
 * How a table is printed (STATUTE.md §2–4): `rows`, a row tree with the columns across (section 三);
 * `columns`, its rows side by side as column groups over one data row (section 四); `blocks`, one
 * captioned block per group, each with its own columns (section 二).
 */
export const tableLayoutSchema = z.enum(['rows', 'columns', 'blocks']);
export type TableLayout = z.infer<typeof tableLayoutSchema>;

export const tableSchema = z.object({
  id: z.string().check(z.minLength(1)),
  caption: z.string().check(z.minLength(1)),
  /** Columns of rows that do not sit inside a group with its own columns. */
  columns: z._default(z.array(columnSchema), []),
  /** Top-left header cell (section 三's 勾稽关系 note). */
  cornerNote: z.optional(z.string()),
  layout: tableLayoutSchema,
  /** Header printed over all the columns (section 三: 申请人情况). */
  columnCaption: z.optional(z.string().check(z.minLength(1))),
  /** Header of the label column of each block (section 二: 信息内容). */
  contentHeader: z.optional(z.string().check(z.minLength(1))),
  /** Widths of the label columns in percent, as printed (the rest is shared by the numbers). */
  labelWidths: z.optional(z.array(z.number().check(z.positive())).check(z.minLength(1))),
  nodes: z.array(nodeSchema).check(z.minLength(1)),
  identities: z._default(z.array(identitySchema), []),
});
export type TableDef = z.infer<typeof tableSchema>;

export const sectionSchema = z.object({
  number: z.enum(['一', '二', '三', '四', '五', '六']),
  title: z.string().check(z.minLength(1)),
  /** Wordings seen in real reports: recognised as this section, reported as `section-title`. */
  variants: z._default(z.array(z.string()), []),
  /** Words that identify a numbered heading as this section despite other wording. */
  keywords: z.array(z.string()).check(z.minLength(1)),
  table: z.optional(tableSchema),
  subheadings: z._default(z.array(z.string()), []),
  note: legalNoteSchema,
});
export type SectionDef = z.infer<typeof sectionSchema>;

/** A cell of a table: a row path and, optionally, one of its columns. */
const cellRefSchema = z.object({
  path: pathSchema,
  /** A column key of the row; absent: the column being checked (the identity holds per column). */
  column: z.optional(z.string().check(z.minLength(1))),
});

/**
 * An identity across years (FORMAT.md §9): this year's cell `at` equals the signed sum of its terms,
 * each a cell of this year's report or of the same agency's report of the previous year. With no
 * column on `at`, it holds in every column of the row, each term read in the column of the same key.
 */
export const crossYearSchema = z
  .object({
    code: z.enum(['carry-over', 'stock-continuity']),
    /** The table (its id) of both years' reports. */
    table: z.string().check(z.minLength(1)),
    at: cellRefSchema,
    terms: z
      .array(
        z.object({
          ...cellRefSchema.shape,
          of: z.enum(['this', 'previous']),
          sign: z._default(z.enum(['+', '-']), '+'),
        }),
      )
      .check(z.minLength(1)),
    /** The templates last year's report may be in for the identity to hold (the 2020→2021 change). */
    previousTemplates: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  })
  .check(
    z.refine((d) => d.terms.some((term) => term.of === 'previous'), {
      message: 'an identity across years has a term of the previous year',
    }),
  );
export type CrossYearIdentity = z.infer<typeof crossYearSchema>;

/**
 * A figure a reviewer compares across reports (the summary's columns and charts): the sum of some rows
 * in one column. The same `id` in every template, so that figures line up across the template change.
 */
export const keyFigureSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-zA-Z]*$/)),
  label: z.string().check(z.minLength(1)),
  labelEn: z.string().check(z.minLength(1)),
  table: z.string().check(z.minLength(1)),
  paths: z.array(pathSchema).check(z.minLength(1)),
  column: z.string().check(z.minLength(1)),
});
export type KeyFigure = z.infer<typeof keyFigureSchema>;

/** Which agencies a rule of the statute applies to, by the end of their name. */
export const agencyMatchSchema = z.object({
  endsWith: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  notEndsWith: z._default(z.array(z.string().check(z.minLength(1))), []),
});
export type AgencyMatch = z.infer<typeof agencyMatchSchema>;

/** A publication deadline (条例第四十九条): the first that applies to the agency is the one. */
export const deadlineSchema = z.object({
  /** Every agency when absent. */
  appliesTo: z.optional(agencyMatchSchema),
  /** The date in the year after the report year. */
  month: z.int().check(z.minimum(1), z.maximum(12)),
  day: z.int().check(z.minimum(1), z.maximum(31)),
  /** The legal basis, as the finding's message quotes it. */
  rule: z.string().check(z.minLength(1)),
  ruleEn: z.string().check(z.minLength(1)),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const templateSchema = z.object({
  id: z.string().check(z.regex(/^ogi-annual-\d{4}$/)),
  name: z.string().check(z.minLength(1)),
  basis: z.string().check(z.minLength(1)),
  firstYear: z.int(),
  lastYear: z.optional(z.int()),
  sections: z.array(sectionSchema).check(z.length(6)),
  /** Phrases of the prose that state a table's figures, in the order they are tried. */
  prosePhrases: z._default(z.array(prosePhraseSchema), []),
  /** Content section 六 must state in this template (2021+: 信息处理费). */
  requiredInSix: z._default(
    z.array(z.object({ anyOf: z.array(z.string()).check(z.minLength(1)), what: z.string(), whatEn: z.string() })),
    [],
  ),
  /** Publication deadlines, the first applying one wins; the last applies to every agency. */
  deadlines: z.array(deadlineSchema).check(
    z.minLength(1),
    z.refine((list) => list[list.length - 1].appliesTo === undefined, {
      message: 'the last deadline applies to every agency',
    }),
  ),
  /**
   * What the report of some agencies must also state (条例第五十条第（四）项: a 人民政府's report
   * covers 考核, 评议 and 责任追究): each topic is found by any of its words.
   */
  /** Identities with the same agency's report of the previous year (FORMAT.md §9). */
  crossYear: z._default(z.array(crossYearSchema), []),
  /** The figures of a report that a reviewer's summary shows, in its column order. */
  keyFigures: z._default(z.array(keyFigureSchema), []),
  agencyTopics: z._default(
    z.array(z.object({ appliesTo: agencyMatchSchema, topics: z.array(z.array(z.string()).check(z.minLength(1))) })),
    [],
  ),
});
export type Template = z.infer<typeof templateSchema>;
