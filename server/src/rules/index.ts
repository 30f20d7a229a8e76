// Every rule, in the order of FORMAT.md §6.
import { balanceRule } from './balance';
import { blankCellRule } from './blankCell';
import { carryOverRule } from './carryOver';
import { encodingRule } from './encoding';
import { frontMatterRule } from './frontMatter';
import { invalidValueRule } from './invalidValue';
import { latePublicationRule } from './latePublication';
import { missingRowRule } from './missingRow';
import { proseMismatchRule } from './proseMismatch';
import { resultTotalRule } from './resultTotal';
import { rowTotalRule } from './rowTotal';
import { sectionContentRule } from './sectionContent';
import { sectionMissingRule } from './sectionMissing';
import { sectionOrderRule } from './sectionOrder';
import { sectionTitleRule } from './sectionTitle';
import { stockContinuityRule } from './stockContinuity';
import { tableMissingRule } from './tableMissing';
import { unknownKeyRule } from './unknownKey';
import { yamlSyntaxRule } from './yamlSyntax';
import { yearMismatchRule } from './yearMismatch';
import type { AnyRule } from './types';

export const RULES: readonly AnyRule[] = [
  frontMatterRule,
  sectionMissingRule,
  sectionTitleRule,
  sectionOrderRule,
  tableMissingRule,
  yamlSyntaxRule,
  unknownKeyRule,
  missingRowRule,
  invalidValueRule,
  blankCellRule,
  rowTotalRule,
  resultTotalRule,
  balanceRule,
  proseMismatchRule,
  latePublicationRule,
  yearMismatchRule,
  sectionContentRule,
  carryOverRule,
  stockContinuityRule,
  encodingRule,
];
export * from './types';
