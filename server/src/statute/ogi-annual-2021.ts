// 国办公开办函〔2021〕30号: the revised format, in force for the 2021 report onwards.
import {
  ARTICLE_20,
  DEADLINES,
  GOVERNMENT_TOPICS,
  PROACTIVE_LAYOUT,
  PROSE_PHRASES,
  carryOver,
  col,
  group,
  keyFigures,
  note,
  otherHandlingGroup,
  row,
  statutorySections,
} from './common';

const DECISIONS = [col('本年处理决定数量')];

/**
 * Identity 8 (FORMAT.md §9), both years on this template: 现行有效件数 = last year's + 本年制发件数 −
 * 本年废止件数, for 规章 and for 行政规范性文件.
 */
const stockContinuity = (rowKey: string) => {
  const path = ['第二十条第（一）项', rowKey];
  return {
    code: 'stock-continuity' as const,
    table: 'proactive',
    at: { path, column: '现行有效件数' },
    terms: [
      { of: 'previous' as const, path, column: '现行有效件数', sign: '+' as const },
      { of: 'this' as const, path, column: '本年制发件数', sign: '+' as const },
      { of: 'this' as const, path, column: '本年废止件数', sign: '-' as const },
    ],
    previousTemplates: ['ogi-annual-2021'],
  };
};

const proactive = {
  id: 'proactive',
  caption: '主动公开政府信息情况',
  ...PROACTIVE_LAYOUT,
  nodes: [
    group(
      '第二十条第（一）项',
      '',
      [
        row('规章', '', note('条例第二十条第（一）项', '本机关制定的规章', 'Rules made by this agency')),
        row(
          '行政规范性文件',
          '',
          note('条例第二十条第（一）项', '本机关制发的行政规范性文件', 'Administrative normative documents'),
        ),
      ],
      ARTICLE_20.一,
      [col('本年制发件数'), col('本年废止件数'), col('现行有效件数')],
    ),
    group(
      '第二十条第（五）项',
      '',
      [
        row(
          '行政许可',
          '',
          note('条例第二十条第（五）项', '本年作出的行政许可处理决定', 'Licensing decisions made this year'),
        ),
      ],
      ARTICLE_20.五,
      DECISIONS,
    ),
    group(
      '第二十条第（六）项',
      '',
      [
        row(
          '行政处罚',
          '',
          note('条例第二十条第（六）项', '本年作出的行政处罚决定', 'Penalty decisions made this year'),
        ),
        row(
          '行政强制',
          '',
          note('条例第二十条第（六）项', '本年作出的行政强制决定', 'Coercive-measure decisions made this year'),
        ),
      ],
      ARTICLE_20.六,
      DECISIONS,
    ),
    group(
      '第二十条第（八）项',
      '',
      [
        row(
          '行政事业性收费',
          '',
          note('条例第二十条第（八）项', '本年行政事业性收费金额', 'Administrative fees collected this year'),
        ),
      ],
      ARTICLE_20.八,
      [col('本年收费金额', 'money', { label: '本年收费金额（单位：万元）' })],
    ),
  ],
};

export default {
  id: 'ogi-annual-2021',
  name: '政府信息公开工作年度报告格式',
  basis: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  sections: statutorySections(proactive, otherHandlingGroup()),
  prosePhrases: PROSE_PHRASES,
  deadlines: DEADLINES,
  agencyTopics: GOVERNMENT_TOPICS,
  requiredInSix: [
    {
      anyOf: ['信息处理费', '处理费'],
      what: '信息处理费的收取情况（国办函〔2020〕109号）',
      whatEn: 'the information-processing fees collected (国办函〔2020〕109号)',
    },
  ],
  crossYear: [
    carryOver(['ogi-annual-2019', 'ogi-annual-2021']),
    stockContinuity('规章'),
    stockContinuity('行政规范性文件'),
  ],
  keyFigures: keyFigures('本年处理决定数量'),
};
