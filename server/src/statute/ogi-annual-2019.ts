// 国办公开办函〔2019〕60号: the trial format, used for the 2019 and 2020 reports.
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
  otherHandlingRow,
  row,
  statutorySections,
} from './common';

const PROJECT_COLUMNS = [col('上一年项目数量'), col('本年增/减', 'delta'), col('处理决定数量')];

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
          '规范性文件',
          '',
          note(
            '条例第二十条第（一）项',
            '本机关制发的规范性文件（2021年格式改称“行政规范性文件”）',
            'Normative documents (renamed 行政规范性文件 in the 2021 format)',
          ),
        ),
      ],
      ARTICLE_20.一,
      [col('本年新制作数量'), col('本年新公开数量'), col('对外公开总数量')],
    ),
    group(
      '第二十条第（五）项',
      '',
      [
        row('行政许可', '', note('条例第二十条第（五）项', '行政许可事项', 'Administrative licensing')),
        row(
          '其他对外管理服务事项',
          '',
          note(
            '条例第二十条第（五）项',
            '行政许可以外的其他对外管理服务事项（2021年格式已删除）',
            'Other external services (removed in the 2021 format)',
          ),
        ),
      ],
      ARTICLE_20.五,
      PROJECT_COLUMNS,
    ),
    group(
      '第二十条第（六）项',
      '',
      [
        row('行政处罚', '', note('条例第二十条第（六）项', '行政处罚', 'Administrative penalties')),
        row('行政强制', '', note('条例第二十条第（六）项', '行政强制', 'Administrative coercive measures')),
      ],
      ARTICLE_20.六,
      PROJECT_COLUMNS,
    ),
    group(
      '第二十条第（八）项',
      '',
      [row('行政事业性收费', '', note('条例第二十条第（八）项', '行政事业性收费项目', 'Administrative fees'))],
      ARTICLE_20.八,
      [col('上一年项目数量'), col('本年增/减', 'delta')],
    ),
    group(
      '第二十条第（九）项',
      '',
      [
        row(
          '政府集中采购',
          '',
          note(
            '条例第二十条第（九）项',
            '政府集中采购项目（2021年格式已删除）',
            'Central procurement (removed in the 2021 format)',
          ),
        ),
      ],
      ARTICLE_20.九,
      [col('采购项目数量'), col('采购总金额', 'money', { label: '采购总金额（万元）' })],
    ),
  ],
};

export default {
  id: 'ogi-annual-2019',
  name: '政府信息公开工作年度报告格式（试行）',
  basis: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  lastYear: 2020,
  sections: statutorySections(proactive, otherHandlingRow()),
  prosePhrases: PROSE_PHRASES,
  deadlines: DEADLINES,
  agencyTopics: GOVERNMENT_TOPICS,
  requiredInSix: [],
  crossYear: [carryOver(['ogi-annual-2019'])],
  keyFigures: keyFigures('处理决定数量'),
};
