// The shape of a statutory template. Every template module is validated against it at load,
// so a typo in the law-as-data fails loudly at start-up instead of silently mis-checking reports.
import { z } from 'zod';

export const valueKindSchema = z.enum(['count', 'money', 'delta']);
export type ValueKind = z.infer<typeof valueKindSchema>;

/** Explanation shown on hover and in completion. */
export const legalNoteSchema = z.object({
  basis: z.string().min(1),       // the 条例 article, e.g. 第三十七条
  meaning: z.string().min(1),     // short Chinese explanation
  meaningEn: z.string().min(1),   // the same in English
});
export type LegalNote = z.infer<typeof legalNoteSchema>;

export const columnSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),       // printed header text
  kind: valueKindSchema,
  isTotal: z.boolean().default(false),
  parent: z.string().optional(),  // merged header above it (法人或其他组织)
  note: legalNoteSchema.optional(),
});
export type Column = z.infer<typeof columnSchema>;

export const rowSchema = z.object({
  kind: z.literal('row'),
  key: z.string().min(1),
  label: z.string().min(1),       // full statutory label, without numbering
  numbering: z.string().default(''),
  aliases: z.array(z.string()).default([]),
  /** Rows whose absence is not a defect: their values are computed (the 办理结果 总计). */
  computed: z.boolean().default(false),
  note: legalNoteSchema.optional(),
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
  note?: LegalNote;
}
export type NodeDef = RowDef | GroupDef;

export const groupSchema: z.ZodType<GroupDef, any> = z.lazy(() =>
  z.object({
    kind: z.literal('group'),
    key: z.string().min(1),
    label: z.string().min(1),
    numbering: z.string().default(''),
    aliases: z.array(z.string()).default([]),
    columns: z.array(columnSchema).min(1).optional(),
    children: z.array(z.union([rowSchema, groupSchema])).min(1),
    note: legalNoteSchema.optional(),
  }),
);
export const nodeSchema = z.union([rowSchema, groupSchema]);

/** A term of an identity: a row path (a group path means the sum of its rows). */
const pathSchema = z.array(z.string().min(1)).min(1);

export const identitySchema = z.object({
  code: z.enum(['result-total', 'balance']),
  /** lhs[0] … = rhs … per column; the finding is placed on the cell of `at`. */
  lhs: z.array(pathSchema).min(1),
  rhs: z.array(pathSchema).min(1),
  at: pathSchema,
});
export type Identity = z.infer<typeof identitySchema>;

export const tableSchema = z.object({
  id: z.string().min(1),
  caption: z.string().min(1),
  /** Columns of rows that do not sit inside a group with its own columns. */
  columns: z.array(columnSchema).default([]),
  /** Top-left header cell (section 三's 勾稽关系 note). */
  cornerNote: z.string().optional(),
  nodes: z.array(nodeSchema).min(1),
  identities: z.array(identitySchema).default([]),
});
export type TableDef = z.infer<typeof tableSchema>;

export const sectionSchema = z.object({
  number: z.enum(['一', '二', '三', '四', '五', '六']),
  title: z.string().min(1),
  /** Wordings seen in real reports: recognised as this section, reported as `section-title`. */
  variants: z.array(z.string()).default([]),
  /** Words that identify a numbered heading as this section despite other wording. */
  keywords: z.array(z.string()).min(1),
  table: tableSchema.optional(),
  subheadings: z.array(z.string()).default([]),
  note: legalNoteSchema,
});
export type SectionDef = z.infer<typeof sectionSchema>;

export const templateSchema = z.object({
  id: z.string().regex(/^ogi-annual-\d{4}$/),
  name: z.string().min(1),
  basis: z.string().min(1),
  firstYear: z.number().int(),
  lastYear: z.number().int().optional(),
  sections: z.array(sectionSchema).length(6),
  /** Content section 六 must state in this template (2021+: 信息处理费). */
  requiredInSix: z.array(z.object({ anyOf: z.array(z.string()).min(1), what: z.string(), whatEn: z.string() })).default([]),
});
export type Template = z.infer<typeof templateSchema>;
