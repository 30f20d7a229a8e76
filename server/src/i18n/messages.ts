// Every user-facing string of the server, the CLI and the renderer, in Chinese (the default) and
// English, through one API: `translator(locale)(id, args)`. A message is text with `{name}`
// placeholders; `{{` and `}}` stand for literal braces. The findings' messages are here; the other
// areas (features, render, cli) have a file each beside this one, merged below. Keys and
// placeholders must match across locales (test/engine/i18n.test.ts, which checks the client's
// bundles too: VS Code's own l10n). Statutory names stay in Chinese in both: the law's own words.
import * as cli from './cli';
import * as crossYear from './crossYear';
import * as encoding from './encoding';
import * as features from './features';
import * as importing from './import';
import * as render from './render';
import * as summary from './summary';

const rulesZh = {
  fmMissing: '缺少文件头：报告应以 --- 开头的 YAML 文件头起始（含 agency、year、issued）',
  fmUnclosed: '文件头未结束：缺少结尾的 --- 行',
  fmSyntax: '文件头不是有效的 YAML：{reason}',
  fmNotMapping: '文件头应为“键: 值”形式的映射',
  fmFieldMissing: '文件头缺少必填字段 {field}',
  fmFieldInvalid: '文件头字段 {field} 的值无效（应为 {expected}）',
  fmUnknownKey: '文件头中的未知字段 {field}（可用字段：template、agency、year、issued、contact、title、deadline）',
  fmUnknownTemplate: '未知的模板 {value}（可用：{known}）',
  fmDuplicate: '文件头字段 {field} 重复出现（以第一次出现的值为准）',
  sectionMissing: '缺少法定章节“{title}”',
  sectionMissingInFence:
    '缺少法定章节“{title}”：第 {line} 行开始的代码块（{fence}）没有结束行，其后的内容（包括章节标题）都被当作代码',
  openFence: '此代码块没有结束行',
  sectionWording: '章节标题“{found}”与法定表述不一致，应为“{expected}”',
  sectionNumbering: '章节标题“{found}”的编号与法定格式不一致，应为“{expected}”',
  sectionOrder: '章节“{title}”的顺序有误：出现在“{after}”之后',
  sectionRepeated: '章节“{title}”重复出现',
  tableMissing: '第{section}部分缺少统计表（应在本节内放置一个 ```yaml 表格块）',
  yamlSyntax: '表格块不是有效的 YAML：{reason}',
  yamlUnclosed: '表格块不是有效的 YAML：此处的“{open}”没有对应的“{close}”',
  yamlDuplicate: '表格块中“{key}”重复出现',
  yamlNotMapping: '表格块应为“名称: 数值”形式的映射',
  unknownKey: '“{key}”不是本模板（{template}）{where}的法定名称',
  unknownKeyNearest: '“{key}”不是本模板（{template}）{where}的法定名称，是否应为“{nearest}”？',
  unknownKeyOtherTemplate: '“{key}”是 {other} 模板的名称，{template} 模板应使用“{name}”',
  unknownKeyRemoved: '“{key}”是 {other} 模板的名称，{template} 模板已删除该项',
  unknownKeyWrongPlace: '“{key}”应位于“{place}”之下',
  unknownColumn: '“{key}”不是“{row}”的法定列名（应为：{columns}）',
  unknownColumnNearest: '“{key}”不是“{row}”的法定列名，是否应为“{nearest}”？',
  unknownColumnOtherTemplate: '“{key}”是 {other} 模板的列名，{template} 模板中“{row}”的列为：{columns}',
  whereTop: '表格顶层',
  whereIn: '“{parent}”下',
  missingRow: '缺少法定行“{row}”',
  missingRowIn: '“{parent}”缺少法定行“{row}”',
  groupAsRow: '“{group}”在 {template} 模板中分为 {count} 个子项，现填写为一行：已按此行计算，请按子项分别填写',
  notNumber: '“{row}”的“{column}”应为数字，实际为“{raw}”',
  negative: '“{row}”的“{column}”不能为负数（{raw}）',
  notInteger: '“{row}”的“{column}”应为整数（{raw}）',
  tooLarge: '“{row}”的“{column}”数值过大（{raw}）',
  alias: '“{row}”的“{column}”不能使用 YAML 别名',
  aliasRow: '“{row}”不能使用 YAML 别名，请直接填写各列数值',
  wrongLength: '“{row}”应有 {expected} 个数值（按列顺序：{columns}），实际为 {actual} 个',
  wrongShape: '“{row}”应为一行数值（按列顺序：{columns}）',
  rowExpected: '“{row}”在本模板中是一行数据，不分子项',
  groupExpected: '“{row}”应包含其各子项',
  blankCell: '“{row}”的“{column}”未填写：没有数据时应填 0（已按 0 计算）',
  blankTotal: '“{row}”的“{column}”未填写：已按本行各列之和 {value} 计算，请填写 {value}',
  blankComputed: '“{row}”的“{column}”未填写：已按各项办理结果之和 {value} 计算，请填写 {value}',
  missingColumn: '“{row}”缺少“{column}”列：没有数据时应填 0（已按 0 计算）',
  rowTotal: '“{row}”的总计应为 {expected}（{formula}），实际填写 {actual}',
  resultTotal: '办理结果总计的“{column}”应为 {expected}（{formula}），实际填写 {actual}',
  balance:
    '勾稽关系不成立（“{column}”列）：本年新收 {received} + 上年结转 {carriedIn} = {lhs}，而办理结果总计 {handled} + 结转下年度 {carriedOut} = {rhs}；结转下年度应为 {expected}',
  balanceRelated: '参与勾稽关系计算的数值：{value}',
  addendRelated: '加数：{value}',
  proseFigure: '正文称“{phrase}”{stated} 件，但表格中“{row}”为 {actual}',
  proseFigureRelated: '表格中的对应数值',
  proseParts: '“其中”各项之和为 {sum} 件，大于总数 {whole} 件',
  latePublication: '发布日期 {issued} 晚于法定发布期限 {deadline}（{rule}）',
  deadlineRuleOverride: '文件头 deadline 字段',
  yearTitle: '标题中的年份 {found} 与报告年度 {year} 不一致',
  yearPeriod: '统计期限中的年份 {found} 与报告年度 {year} 不一致',
  yearItem: '列为本年度公开的事项日期 {date} 不在报告年度 {year} 内',
  sixRequired: '第六部分未说明{what}',
  governmentEvaluation:
    '人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），本报告未见{missing}',
  andJoin: '、',
} as const;

const rulesEn: Record<keyof typeof rulesZh, string> = {
  fmMissing: 'Front matter missing: a report starts with a YAML front matter between --- lines (agency, year, issued)',
  fmUnclosed: 'Front matter not closed: the closing --- line is missing',
  fmSyntax: 'Front matter is not valid YAML: {reason}',
  fmNotMapping: 'Front matter must be a mapping of "key: value" lines',
  fmFieldMissing: 'Front matter lacks the required field {field}',
  fmFieldInvalid: 'Front matter field {field} has an invalid value (expected {expected})',
  fmUnknownKey: 'Unknown front matter field {field} (known: template, agency, year, issued, contact, title, deadline)',
  fmUnknownTemplate: 'Unknown template {value} (known: {known})',
  fmDuplicate: 'Front matter field {field} appears more than once (the first value is used)',
  sectionMissing: 'Statutory section "{title}" is missing',
  sectionMissingInFence:
    'Statutory section "{title}" is missing: the code block opened on line {line} ({fence}) is never closed, so everything after it, headings included, is read as code',
  openFence: 'This code block is never closed',
  sectionWording: 'Section title "{found}" differs from the statutory wording "{expected}"',
  sectionNumbering: 'Section title "{found}" is numbered differently from the statute: "{expected}"',
  sectionOrder: 'Section "{title}" is out of order: it comes after "{after}"',
  sectionRepeated: 'Section "{title}" appears more than once',
  tableMissing: 'Section {section} has no table (put a ```yaml table block inside the section)',
  yamlSyntax: 'The table block is not valid YAML: {reason}',
  yamlUnclosed: 'The table block is not valid YAML: this "{open}" has no matching "{close}"',
  yamlDuplicate: '"{key}" appears twice in the table block',
  yamlNotMapping: 'The table block must be a mapping of "name: values"',
  unknownKey: '"{key}" is not a statutory name {where} in template {template}',
  unknownKeyNearest: '"{key}" is not a statutory name {where} in template {template}; did you mean "{nearest}"?',
  unknownKeyOtherTemplate: '"{key}" is the {other} name; template {template} uses "{name}"',
  unknownKeyRemoved: '"{key}" belongs to template {other}; template {template} removed it',
  unknownKeyWrongPlace: '"{key}" belongs under "{place}"',
  unknownColumn: '"{key}" is not a statutory column of "{row}" (columns: {columns})',
  unknownColumnNearest: '"{key}" is not a statutory column of "{row}"; did you mean "{nearest}"?',
  unknownColumnOtherTemplate:
    '"{key}" is a column of template {other}; in template {template} the columns of "{row}" are: {columns}',
  whereTop: 'at the top level of the table',
  whereIn: 'under "{parent}"',
  missingRow: 'Statutory row "{row}" is missing',
  missingRowIn: '"{parent}" lacks the statutory row "{row}"',
  groupAsRow:
    '"{group}" has {count} sub-rows in template {template} but is written as one row: counted as is; fill in each sub-row',
  notNumber: '"{column}" of "{row}" must be a number, found "{raw}"',
  negative: '"{column}" of "{row}" cannot be negative ({raw})',
  notInteger: '"{column}" of "{row}" must be a whole number ({raw})',
  tooLarge: '"{column}" of "{row}" is too large ({raw})',
  alias: '"{column}" of "{row}" cannot be a YAML alias',
  aliasRow: '"{row}" cannot be a YAML alias: write the values of its columns',
  wrongLength: '"{row}" needs {expected} values (in column order: {columns}), found {actual}',
  wrongShape: '"{row}" must be one row of values (in column order: {columns})',
  rowExpected: '"{row}" is one data row in this template, without sub-rows',
  groupExpected: '"{row}" must contain its sub-rows',
  blankCell: '"{column}" of "{row}" is blank: write 0 when there is nothing to report (counted as 0)',
  blankTotal: '"{column}" of "{row}" is blank: counted as the sum of the row, {value}; write {value}',
  blankComputed: '"{column}" of "{row}" is blank: counted as the sum of the results, {value}; write {value}',
  missingColumn: '"{row}" lacks the column "{column}": write 0 when there is nothing to report (counted as 0)',
  rowTotal: '总计 of "{row}" should be {expected} ({formula}), but {actual} is written',
  resultTotal: '办理结果总计 in column "{column}" should be {expected} ({formula}), but {actual} is written',
  balance:
    'Balance (勾稽关系) broken in column "{column}": received {received} + carried in {carriedIn} = {lhs}, but handled {handled} + carried out {carriedOut} = {rhs}; 结转下年度 should be {expected}',
  balanceRelated: 'Term of the balance: {value}',
  addendRelated: 'Addend: {value}',
  proseFigure: 'The text states "{phrase}" {stated}, but the table has {actual} for "{row}"',
  proseFigureRelated: 'The figure in the table',
  proseParts: 'The parts listed after 其中 add up to {sum}, more than the stated whole of {whole}',
  latePublication: 'Published {issued}, after the statutory deadline {deadline} ({rule})',
  deadlineRuleOverride: 'the front matter deadline field',
  yearTitle: 'The year {found} in the title differs from the report year {year}',
  yearPeriod: 'The year {found} in the statistical period differs from the report year {year}',
  yearItem: "Item dated {date}, listed as this year's output, is outside the report year {year}",
  sixRequired: 'Section 六 does not state {what}',
  governmentEvaluation:
    "A people's government's report must cover evaluation, public appraisal and accountability results (OGI Art. 50(4)); missing: {missing}",
  andJoin: ', ',
};

/** The bundles by area; an id belongs to one area only (tested). */
export const AREAS = {
  rules: { 'zh-cn': rulesZh, en: rulesEn },
  features: { 'zh-cn': features.zh, en: features.en },
  render: { 'zh-cn': render.zh, en: render.en },
  cli: { 'zh-cn': cli.zh, en: cli.en },
  crossYear: { 'zh-cn': crossYear.zh, en: crossYear.en },
  encoding: { 'zh-cn': encoding.zh, en: encoding.en },
  import: { 'zh-cn': importing.zh, en: importing.en },
  summary: { 'zh-cn': summary.zh, en: summary.en },
} as const;

const zh = {
  ...rulesZh,
  ...features.zh,
  ...render.zh,
  ...cli.zh,
  ...crossYear.zh,
  ...encoding.zh,
  ...importing.zh,
  ...summary.zh,
};
export type MessageId = keyof typeof zh;
const en: Record<MessageId, string> = {
  ...rulesEn,
  ...features.en,
  ...render.en,
  ...cli.en,
  ...crossYear.en,
  ...encoding.en,
  ...importing.en,
  ...summary.en,
};

export type Locale = 'zh-cn' | 'en';
export const BUNDLES: Record<Locale, Record<MessageId, string>> = { 'zh-cn': zh, en };

/** zh-cn unless the locale is an English one: the users are Chinese civil servants. */
export function resolveLocale(locale: string | undefined): Locale {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh-cn';
}

export type MessageArgs = Record<string, string | number>;
export type Translate = (id: MessageId, args?: MessageArgs) => string;

export function translator(locale: Locale): Translate {
  const bundle = BUNDLES[locale];
  return (id, args) => format(bundle[id], args);
}

/** Fills a message's `{name}` placeholders (one left as is when args lacks it); `{{` `}}` are `{` `}`. */
export function format(message: string, args: MessageArgs = {}): string {
  return message.replace(/\{\{|\}\}|\{(\w+)\}/g, (m, name: string | undefined) =>
    name === undefined ? m[0] : name in args ? String(args[name]) : m,
  );
}
