// carry-over (FORMAT.md §9, identity 7): this year's 上年结转 is last year's 结转下年度继续办理, column
// by column, across the template change. Which cells: the statute's `crossYear` data.
import { crossYearRule } from './crossYear';

export const carryOverRule = crossYearRule({
  code: 'carry-over',
  severity: 'warning',
  description: "The requests carried in differ from last year's report's requests carried out (identity 7)",
  message: 'carryOver',
});
