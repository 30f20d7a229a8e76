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
};
