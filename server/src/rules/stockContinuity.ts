// stock-continuity (FORMAT.md §9, identity 8): 现行有效件数 = last year's + 本年制发件数 − 本年废止件数,
// 2021 template in both years. Documents also lapse without being repealed: information, not a warning.
import { crossYearRule } from './crossYear';

export const stockContinuityRule = crossYearRule({
  code: 'stock-continuity',
  severity: 'information',
  description:
    "The documents in force do not follow from last year's plus those made minus those repealed (identity 8)",
  message: 'stockContinuity',
});
