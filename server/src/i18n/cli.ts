// Messages of the command line (`ogi-report check`, `ogi-report render`, the help). Merged into the
// one bundle per locale by messages.ts. The reasons filled into {reason} come from Node and Chromium
// in English.

export const zh = {
  cliHelp: `ogi-report {version} — 政府信息公开工作年度报告检查工具

用法 / usage:
  ogi-report check [--format text|json|sarif] [--locale zh-cn|en] FILE|DIR…
  ogi-report render FILE.ogi.md [-o OUT.html|OUT.docx] [--pdf OUT.pdf] [--docx OUT.docx]
  ogi-report summary FILE|DIR… [--format csv|json|html] [-o OUT]
  ogi-report import SOURCE… [-o OUT.ogi.md | --out-dir DIR] [--template ID] [--agency NAME] [--year N] [--force] [--format text|json]
  ogi-report --version

退出码 / exit codes: 0 无错误 no errors · 1 有错误 errors · 2 参数错误或无法读取 bad usage / unreadable input
`,
  cliUsage: '用法：ogi-report check [--format text|json|sarif] 文件或目录…',
  cliNoReports: '{path}：目录中没有 *.ogi.md 报告',
  cliUnreadable: '{path}：无法读取（{reason}）',
  cliNotReport: '{path}：不是 *.ogi.md 文件，也不是目录',
  cliBadUsage: '参数错误：{reason}',
  cliUnknownCommand: '未知的命令“{command}”',
  cliSummary: '{files} 个文件：{errors} 个错误，{warnings} 个警告',
  cliBinary: '{path}：不是 UTF-8 文本文件',
  cliNotText: '{path}：不是文本文件（内容是二进制数据）',

  cliRenderUsage: '用法：ogi-report render 文件.ogi.md [-o 输出.html|输出.docx] [--pdf 输出.pdf] [--docx 输出.docx]',
  cliSameAsSource: '{path}：输出文件与源文件相同，拒绝覆盖（请用 -o 指定其他文件）',
  cliWritten: '已生成：{path}',
  cliWriteFailed: '{path}：无法写入（{reason}）',
  cliNoChromium:
    '未找到 Chromium，无法生成 PDF：请安装（Debian/Ubuntu：apt-get install chromium），或用环境变量 OGI_CHROMIUM 指定浏览器程序路径',
  cliPdfFailed: 'Chromium 未能生成 PDF（{reason}）',
  cliNoPdfWritten: '未生成 PDF',
  cliHasErrors: '提示：报告有 {errors} 个错误、{warnings} 个警告（不影响生成）；运行 ogi-report check {path} 查看',
} as const;

export const en: Record<keyof typeof zh, string> = {
  cliHelp: `ogi-report {version} — checks annual reports on government information disclosure

usage:
  ogi-report check [--format text|json|sarif] [--locale zh-cn|en] FILE|DIR…
  ogi-report render FILE.ogi.md [-o OUT.html|OUT.docx] [--pdf OUT.pdf] [--docx OUT.docx]
  ogi-report summary FILE|DIR… [--format csv|json|html] [-o OUT]
  ogi-report import SOURCE… [-o OUT.ogi.md | --out-dir DIR] [--template ID] [--agency NAME] [--year N] [--force] [--format text|json]
  ogi-report --version

exit codes: 0 no errors · 1 errors · 2 bad usage / unreadable input
`,
  cliUsage: 'usage: ogi-report check [--format text|json|sarif] FILE|DIR…',
  cliNoReports: '{path}: no *.ogi.md reports in this directory',
  cliUnreadable: '{path}: cannot be read ({reason})',
  cliNotReport: '{path}: not a *.ogi.md file nor a directory',
  cliBadUsage: 'bad usage: {reason}',
  cliUnknownCommand: 'unknown command “{command}”',
  cliSummary: '{files} file(s): {errors} error(s), {warnings} warning(s)',
  cliBinary: '{path}: not a UTF-8 text file',
  cliNotText: '{path}: not a text file (binary content)',

  cliRenderUsage: 'usage: ogi-report render FILE.ogi.md [-o OUT.html|OUT.docx] [--pdf OUT.pdf] [--docx OUT.docx]',
  cliSameAsSource:
    '{path}: the output is the source file itself; refusing to overwrite it (choose another file with -o)',
  cliWritten: 'written: {path}',
  cliWriteFailed: '{path}: cannot be written ({reason})',
  cliNoChromium:
    'Chromium not found, cannot print a PDF: install it (Debian/Ubuntu: apt-get install chromium), or set OGI_CHROMIUM to the browser executable',
  cliPdfFailed: 'Chromium did not print the PDF ({reason})',
  cliNoPdfWritten: 'no PDF written',
  cliHasErrors:
    'note: the report has {errors} error(s), {warnings} warning(s) (rendered anyway); run ogi-report check {path} to see them',
};
