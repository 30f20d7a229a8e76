// Messages of importing published reports (`ogi-report import`, `check` of a source file, the editor's
// import command): refusals, the import summary, the doubts, and the comments the importer writes into
// the imported text. Merged into the one bundle per locale by messages.ts.

export const zh = {
  importUsage:
    '用法：ogi-report import 源文件… [-o 输出.ogi.md | --out-dir 目录] [--template 模板] [--agency 机关名称] [--year 年度] [--force] [--format text|json]',
  importRefusedUnsupported: '{path}：无法导入这种文件（{detail}）。可导入的类型：.pdf、.docx、.html/.htm、.txt/.md',
  importRefusedLegacyWord:
    '{path}：这是旧版 Word/WPS 二进制文件（.doc/.wps），无法直接导入。请用 Word 或 WPS 打开后“另存为” .docx 再导入',
  importRefusedScanned:
    '{path}：这是扫描版（图片）PDF，没有文字层，无法读取其中的数字。请取得文字版 PDF 或 Word 原件再导入（本工具不做文字识别）',
  importRefusedEncrypted:
    '{path}：PDF 设有打开密码，无法读取。请取得不设打开密码的文件再导入（只限制复制或打印的 PDF 可以导入）',
  importRefusedDamaged: '{path}：文件已损坏或不是它的扩展名所示的格式（{detail}）',
  importRefusedTooLarge: '{path}：文件超出导入限制（{detail}），为防止资源耗尽已拒绝',
  importRefusedScriptBody:
    '{path}：网页的报告正文由脚本加载，保存的 HTML 中没有报告的表格。请在浏览器中打开页面，待正文显示后“另存为”完整网页，或复制正文为文本再导入',
  importRefusedNoTables:
    '{path}：没有找到政府信息公开工作年度报告的法定统计表（第二、三、四部分的表格），未导入。请确认这是年度报告全文',
  importRefusedNotText: '{path}：不是文本文件（{detail}）',
  importRefusedPdfUnavailable: '{path}：此版本尚不能读取 PDF。请把 PDF 另存为文本（.txt）或 Word（.docx）再导入',

  importCommentAmbiguous: '导入：原文此行有 {found} 个数值（{text}），应为 {expected} 个，无法确定各列，已留空',
  importCommentUnplaced: '导入：无法确定此行在法定表格中的位置，按原文标签保留',
  importNoLabel: '（原文无标签）',

  importSummaryFile: '{source} → {out}',
  importSummaryFileNoOut: '{source}',
  importSummaryTemplate: '  模板：{template}（{from}）',
  importTemplateFromOption: '命令行指定',
  importTemplateFromTables: '由表格判断',
  importTemplateFromYear: '由年度判断',
  importTemplateFromDefault: '默认',
  importSummaryMeta: '  机关：{agency}；年度：{year}；发布日期：{issued}；联系电话：{contact}',
  importNotFound: '未找到',
  importSummarySections: '  章节：{sections}',
  importSummaryNoSections: '  章节：未找到法定章节标题',
  importSummaryTables: '  表格：{tables}',
  importSummaryCells: '  单元格：已读 {read}，空白 {blank}，无法读取 {unreadable}',
  importSummaryDoubts: '  存疑 {count} 处：',
  importTableFound: '{table}（{where}）',
  importTableNotFound: '{table}（未找到）',
  importDoubtRowValues:
    '    {where}：“{row}”有 {found} 个数值，应为 {expected} 个（原文：{text}），各列无法确定，已留空',
  importDoubtRowUnplaced: '    {where}：“{row}”在法定表格中的位置无法确定，按原文标签保留',
  importDoubtRowMissing: '    {where}：未找到法定行“{row}”',
  importDoubtTableMissing: '    {where}：未找到法定表格“{row}”',
  importDoubtCellUnreadable: '    {where}：“{row}”的“{column}”无法读取（原文：{text}），已留空',
  importWherePage: '第{page}页',
  importWhereTable: '表{table}',
  importWhereRow: '第{row}行',
  importWhereColumn: '第{column}列',
  importWhereLine: '第{line}行',
  importWhereDocument: '全文',
  importWritten: '已写入：{path}',
  importExists: '{path}：文件已存在，未覆盖（加 --force 覆盖）',
  importOutIsSource: '{path}：输出文件与源文件相同，拒绝覆盖',
  importOneOut: '-o 只能用于一个源文件；多个源文件请用 --out-dir',
  importBothOut: '-o 与 --out-dir 不能同时使用',
  importBadYear: '--year 应为四位年份（{value}）',
  importBadTemplate: '未知的模板 {value}（可用：{known}）',
  importSameOut: '{path}：多个源文件会写入同一个输出文件，未导入',
  importFailed: '{path}：导入失败（{detail}）',
  checkSourceAt: '（原文{where}）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  importUsage:
    'usage: ogi-report import SOURCE… [-o OUT.ogi.md | --out-dir DIR] [--template ID] [--agency NAME] [--year N] [--force] [--format text|json]',
  importRefusedUnsupported:
    '{path}: cannot import this kind of file ({detail}). Importable: .pdf, .docx, .html/.htm, .txt/.md',
  importRefusedLegacyWord:
    '{path}: an old binary Word/WPS file (.doc/.wps) cannot be imported. Open it in Word or WPS and "Save as" .docx, then import that',
  importRefusedScanned:
    '{path}: a scanned (image-only) PDF without a text layer: its figures cannot be read. Get the text PDF or the Word original (no OCR here)',
  importRefusedEncrypted:
    '{path}: the PDF needs a password to open: it cannot be read. Get a copy without an open password (a PDF that only restricts copying or printing imports)',
  importRefusedDamaged: '{path}: the file is damaged or not the format its extension says ({detail})',
  importRefusedTooLarge: '{path}: the file is beyond the import limits ({detail}); refused to protect resources',
  importRefusedScriptBody:
    '{path}: the page loads the report by script, so the saved HTML holds none of its tables. Open the page in a browser, wait for the report to show, and save it as a complete page, or copy the text and import that',
  importRefusedNoTables:
    "{path}: none of the annual report's statutory tables (sections 二, 三, 四) was found; nothing imported. Check that this is the whole report",
  importRefusedNotText: '{path}: not a text file ({detail})',
  importRefusedPdfUnavailable:
    '{path}: this build cannot read PDF yet. Save the PDF as text (.txt) or Word (.docx) and import that',

  importCommentAmbiguous:
    'import: this row has {found} value(s) in the source ({text}) for {expected} columns; their columns are uncertain, left blank',
  importCommentUnplaced: "import: this row's place in the statutory table is uncertain; kept under its published label",
  importNoLabel: '(no label in the source)',

  importSummaryFile: '{source} → {out}',
  importSummaryFileNoOut: '{source}',
  importSummaryTemplate: '  template: {template} ({from})',
  importTemplateFromOption: 'given on the command line',
  importTemplateFromTables: "from the tables' shape and labels",
  importTemplateFromYear: 'from the year',
  importTemplateFromDefault: 'default',
  importSummaryMeta: '  agency: {agency}; year: {year}; issued: {issued}; contact: {contact}',
  importNotFound: 'not found',
  importSummarySections: '  sections: {sections}',
  importSummaryNoSections: '  sections: no statutory section heading found',
  importSummaryTables: '  tables: {tables}',
  importSummaryCells: '  cells: {read} read, {blank} blank, {unreadable} unreadable',
  importSummaryDoubts: '  {count} doubt(s):',
  importTableFound: '{table} ({where})',
  importTableNotFound: '{table} (not found)',
  importDoubtRowValues:
    '    {where}: "{row}" has {found} value(s) for {expected} columns (source: {text}); their columns are uncertain, left blank',
  importDoubtRowUnplaced:
    '    {where}: the place of "{row}" in the statutory table is uncertain; kept under its published label',
  importDoubtRowMissing: '    {where}: statutory row "{row}" not found',
  importDoubtTableMissing: '    {where}: statutory table "{row}" not found',
  importDoubtCellUnreadable: '    {where}: "{column}" of "{row}" cannot be read (source: {text}); left blank',
  importWherePage: 'page {page}',
  importWhereTable: 'table {table}',
  importWhereRow: 'row {row}',
  importWhereColumn: 'column {column}',
  importWhereLine: 'line {line}',
  importWhereDocument: 'the whole document',
  importWritten: 'written: {path}',
  importExists: '{path}: exists, not overwritten (--force overwrites)',
  importOutIsSource: '{path}: the output is the source file itself; refusing to overwrite it',
  importOneOut: '-o takes one source; for several sources use --out-dir',
  importBothOut: '-o and --out-dir cannot be used together',
  importBadYear: '--year must be a four-digit year ({value})',
  importBadTemplate: 'unknown template {value} (known: {known})',
  importSameOut: '{path}: several sources would be written to the same output; not imported',
  importFailed: '{path}: import failed ({detail})',
  checkSourceAt: ' (source: {where})',
};
