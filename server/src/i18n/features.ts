// Messages of the editor features: quick-fix titles, completion details and documentation, hover
// labels. Merged into the one bundle per locale by messages.ts; same keys and placeholders in both
// (test/engine/i18n.test.ts).

export const zh = {
  fixReplaceTotal: '将总计改为 {value}',
  fixFillBlank: '填写 {value}',
  fixAddColumn: '补上“{column}: 0”',
  fixRename: '改为“{name}”',
  fixRetitle: '将标题改为“{title}”',
  fixInsertSection: '插入法定章节“{section}”',
  fixInsertTable: '插入本节统计表（数值为 0）',
  fixInsertRow: '插入法定行“{row}”（数值为 0）',
  fixSplitGroup: '将“{group}”分为 {count} 个子项（原数值填入“{column}”）',
  fixAll: '修复全部可自动修复的问题',

  // Completion: the front matter keys' documentation, their detail, the template list.
  completionKeyTemplate: '模板：{templates}',
  completionKeyAgency: '报告机关全称（必填）',
  completionKeyYear: '报告年度（必填），如 2024',
  completionKeyIssued: '发布日期（必填），YYYY-MM-DD',
  completionKeyContact: '咨询电话（可选）',
  completionKeyTitle: '标题（可选），默认为“{{机关}}{{年度}}年政府信息公开工作年度报告”',
  completionKeyDeadline: '发布期限（可选），覆盖法定期限',
  // Kept in English as they have always been shown (a candidate for translation).
  completionRequired: '必填',
  completionOptional: '可选',
  completionTemplate: '{id}（{years}）',
  completionTemplateDefault: '默认，{years}',
  completionYearsOnwards: '{year}年起',
  completionYears: '{years}年度',
  completionMissingSection: '缺少的法定章节',
  /** Before the last item of a list of alternatives (the ones before it are joined by andJoin). */
  orJoin: '或 ',

  // Documentation of a statutory name (completion and hover).
  docBasis: '法律依据：{basis}',
  docMeaning: '说明：{meaning}',
  docComputed: '计算方法：{terms}',
  docValue: '当前计算值：{value}',
  docValueTotal: '当前计算值：总计 {value}',
  docWritten: '（填写值 {value}）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  fixReplaceTotal: 'Replace the total with {value}',
  fixFillBlank: 'Fill in {value}',
  fixAddColumn: 'Add "{column}: 0"',
  fixRename: 'Rename to "{name}"',
  fixRetitle: 'Change the title to "{title}"',
  fixInsertSection: 'Insert the statutory section "{section}"',
  fixInsertTable: "Insert the section's table (filled with 0)",
  fixInsertRow: 'Insert the statutory row "{row}" (filled with 0)',
  fixSplitGroup: 'Split "{group}" into its {count} sub-rows (the written values go to "{column}")',
  fixAll: 'Fix all auto-fixable problems',

  completionKeyTemplate: 'Template: {templates}',
  completionKeyAgency: "The reporting agency's full name (required)",
  completionKeyYear: 'The report year (required), e.g. 2024',
  completionKeyIssued: 'Publication date (required), YYYY-MM-DD',
  completionKeyContact: 'Office telephone (optional)',
  completionKeyTitle: 'Title (optional); default "{{agency}}{{year}}年政府信息公开工作年度报告"',
  completionKeyDeadline: 'Publication deadline (optional), overrides the statutory one',
  completionRequired: 'required',
  completionOptional: 'optional',
  completionTemplate: '{id} ({years})',
  completionTemplateDefault: 'default, {years}',
  completionYearsOnwards: '{year} on',
  completionYears: '{years}',
  completionMissingSection: 'missing section',
  orJoin: ' or ',

  docBasis: 'Legal basis：{basis}',
  docMeaning: 'Meaning：{meaning}',
  docComputed: 'Computed as：{terms}',
  docValue: 'Current computed value：{value}',
  docValueTotal: 'Current computed value：total {value}',
  docWritten: '（Written {value}）',
};
