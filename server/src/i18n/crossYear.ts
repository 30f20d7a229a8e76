// Messages of the rules across years (FORMAT.md §9: carry-over, stock-continuity) and of what the
// editor says about last year's report (hover). Merged into the one bundle per locale by messages.ts.

export const zh = {
  carryOver:
    '“{row}”的“{column}”为 {actual}，而上年（{year} 年度）报告 {file} 的“{previousRow}”为 {expected}，两者应相等',
  stockContinuity:
    '“{row}”的“{column}”为 {actual}，按上年（{year} 年度）报告 {file} 推算应为 {expected}（{formula}）；文件也可能未经废止而失效，请核实',
  crossYearPreviousTerm: '上年{name} {value}',
  crossYearRelated: '上年（{year} 年度）报告 {file} 中的对应数值：{value}',
  crossYearTermRelated: '本报告中参与计算的数值：{value}',
  crossYearCandidates: '同一机关有 {count} 份 {year} 年度报告（{files}），无法确定哪一份是上年报告，未做跨年度核对',
  crossYearCandidate: '可能的上年报告：{file}',
  hoverPreviousYear: '上年（{year} 年度）报告 {file}：“{row}”为 {value}',
  hoverPreviousYearCell: '上年（{year} 年度）报告 {file}：“{row}”的“{column}”为 {value}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  carryOver:
    '"{column}" of "{row}" is {actual}, but last year\'s ({year}) report {file} has {expected} for "{previousRow}"; they should be equal',
  stockContinuity:
    '"{column}" of "{row}" is {actual}; from last year\'s ({year}) report {file} it would be {expected} ({formula}); documents may also lapse without being repealed: please verify',
  crossYearPreviousTerm: "last year's {name} {value}",
  crossYearRelated: "The figure in last year's ({year}) report {file}: {value}",
  crossYearTermRelated: 'A figure of this report in the sum: {value}',
  crossYearCandidates:
    "The agency has {count} reports for {year} ({files}): which one is last year's is unclear, so the check across years was not made",
  crossYearCandidate: "A candidate for last year's report: {file}",
  hoverPreviousYear: 'Last year\'s ({year}) report {file}: "{row}" is {value}',
  hoverPreviousYearCell: 'Last year\'s ({year}) report {file}: "{column}" of "{row}" is {value}',
};
