// Parts of the statutory layout that both templates share: the six sections, section 三's columns
// and result rows, and section 四. Template modules assemble their tables from these pieces.
import type {
  Column,
  CrossYearIdentity,
  Deadline,
  GroupDef,
  Identity,
  KeyFigure,
  LegalNote,
  NodeDef,
  ProsePhrase,
  RowDef,
} from './schema';

export const note = (basis: string, meaning: string, meaningEn: string): LegalNote => ({ basis, meaning, meaningEn });

export function row(key: string, numbering: string, n?: LegalNote, extra: Partial<RowDef> = {}): RowDef {
  return {
    kind: 'row',
    key,
    label: extra.label ?? key,
    numbering,
    aliases: extra.aliases ?? [],
    computed: extra.computed ?? false,
    name: extra.name,
    note: n,
  };
}

export function group(
  key: string,
  numbering: string,
  children: NodeDef[],
  n?: LegalNote,
  columns?: Column[],
): GroupDef {
  return { kind: 'group', key, label: key, numbering, aliases: [], children, note: n, columns };
}

export const col = (key: string, kind: Column['kind'] = 'count', extra: Partial<Column> = {}): Column => ({
  key,
  label: extra.label ?? key,
  kind,
  isTotal: extra.isTotal ?? false,
  parent: extra.parent,
  note: extra.note,
});

// ---- the six sections (条例第五十条) ----
export const SECTION_NOTES = {
  一: note(
    '条例第五十条；国办公开办函〔2021〕30号',
    '概述本年度政府信息公开工作：主动公开、依申请公开、政府信息管理、平台建设、监督保障等',
    'Overview of the year: proactive and on-request disclosure, information management, platforms, oversight',
  ),
  二: note(
    '条例第五十条第（一）项、第二十条',
    '行政机关主动公开政府信息的情况，按第二十条各项统计',
    'Proactive disclosure, counted by the items of Article 20',
  ),
  三: note(
    '条例第五十条第（二）项',
    '收到和处理政府信息公开申请的情况',
    'Requests for government information received and how they were handled',
  ),
  四: note(
    '条例第五十条第（三）项',
    '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
    'Administrative reviews and lawsuits arising from OGI work',
  ),
  五: note(
    '条例第五十条第（四）项',
    '政府信息公开工作存在的主要问题及改进情况；各级人民政府的报告还应包括工作考核、社会评议和责任追究结果情况',
    "Main problems and improvements; a people's government also reports evaluation, public appraisal and accountability results",
  ),
  六: note(
    '条例第五十条第（五）项',
    '其他需要报告的事项；2021年起应说明依据国办函〔2020〕109号收取信息处理费的情况',
    'Other matters; from 2021, the information-processing fees collected (国办函〔2020〕109号) or that none were',
  ),
} as const;

export const SECTION_TITLES = [
  {
    number: '一',
    title: '总体情况',
    variants: ['工作基本情况', '基本情况', '概述'],
    keywords: ['总体', '基本情况', '概述'],
  },
  { number: '二', title: '主动公开政府信息情况', variants: ['主动公开情况'], keywords: ['主动公开'] },
  { number: '三', title: '收到和处理政府信息公开申请情况', variants: ['依申请公开情况'], keywords: ['申请'] },
  {
    number: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['行政复议、行政诉讼情况'],
    keywords: ['复议', '诉讼'],
  },
  {
    number: '五',
    title: '存在的主要问题及改进情况',
    variants: ['存在的问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及整改措施'],
    keywords: ['问题', '改进', '整改', '不足'],
  },
  {
    number: '六',
    title: '其他需要报告的事项',
    variants: ['其它需要报告事项', '其他需要报告事项', '其它需要报告的事项'],
    keywords: ['其他', '其它'],
  },
] as const;

export const SUBHEADINGS_ONE = [
  '（一）主动公开情况',
  '（二）依申请公开情况',
  '（三）政府信息管理情况',
  '（四）政府信息公开平台建设情况',
  '（五）政府信息公开监督保障情况',
];

// ---- section 三 ----
const APPLICANT_NOTE = '条例第二十七条（申请人）';
const COLUMN_NOTES: Record<string, LegalNote> = {
  自然人: note(APPLICANT_NOTE, '以公民个人名义提出的申请', 'Requests filed by individuals'),
  商业企业: note(APPLICANT_NOTE, '法人或其他组织中的商业企业提出的申请', 'Requests by business enterprises'),
  科研机构: note(APPLICANT_NOTE, '法人或其他组织中的科研机构提出的申请', 'Requests by research institutions'),
  社会公益组织: note(
    APPLICANT_NOTE,
    '法人或其他组织中的社会公益组织提出的申请',
    'Requests by public-interest organisations',
  ),
  法律服务机构: note(
    APPLICANT_NOTE,
    '法人或其他组织中的法律服务机构提出的申请',
    'Requests by legal-service institutions',
  ),
  其他: note(APPLICANT_NOTE, '其他法人或其他组织提出的申请', 'Requests by other legal persons or organisations'),
  总计: note('国办公开办函〔2021〕30号', '本行各列之和', 'Sum of the other columns of the row'),
};
const ORG = '法人或其他组织';
export const REQUEST_COLUMNS: Column[] = [
  col('自然人', 'count', { note: COLUMN_NOTES.自然人 }),
  ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((k) =>
    col(k, 'count', { parent: ORG, note: COLUMN_NOTES[k] }),
  ),
  col('总计', 'count', { isTotal: true, note: COLUMN_NOTES.总计 }),
];

const DENIED: NodeDef[] = [
  row('属于国家秘密', '1.', note('条例第十四条', '依法确定为国家秘密的政府信息', 'Classified as a state secret')),
  row(
    '其他法律行政法规禁止公开',
    '2.',
    note('条例第十四条', '法律、行政法规禁止公开的政府信息', 'Disclosure barred by a law or administrative regulation'),
  ),
  row(
    '危及“三安全一稳定”',
    '3.',
    note(
      '条例第十四条',
      '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
      'Would endanger national, public or economic security or social stability',
    ),
    { aliases: ['危及三安全一稳定'] },
  ),
  row(
    '保护第三方合法权益',
    '4.',
    note(
      '条例第十五条',
      '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
      'Trade secrets, privacy or other third-party rights',
    ),
  ),
  row(
    '属于三类内部事务信息',
    '5.',
    note(
      '条例第十六条第一款',
      '人事管理、后勤管理、内部工作流程等内部事务信息',
      'Internal affairs: personnel, logistics, internal workflow',
    ),
  ),
  row(
    '属于四类过程性信息',
    '6.',
    note(
      '条例第十六条第二款',
      '讨论记录、过程稿、磋商信函、请示报告等过程性信息',
      'Process information: discussion records, drafts, consultations, requests for instructions',
    ),
  ),
  row(
    '属于行政执法案卷',
    '7.',
    note('条例第十六条第二款', '行政执法案卷信息', 'Administrative enforcement case files'),
  ),
  row(
    '属于行政查询事项',
    '8.',
    note(
      '条例第三十六条第（七）项',
      '法律、行政法规对信息的获取有特别规定的，告知申请人按规定办理',
      'Records with their own statutory access route (e.g. registries)',
    ),
  ),
];
const UNAVAILABLE: NodeDef[] = [
  row(
    '本机关不掌握相关政府信息',
    '1.',
    note(
      '条例第三十六条第（四）（五）项',
      '经检索没有所申请的信息，或信息不属于本机关负责公开',
      "The information does not exist or is not this agency's",
    ),
  ),
  row(
    '没有现成信息需要另行制作',
    '2.',
    note(
      '条例第三十八条',
      '需要对现有政府信息进行加工、分析的，可以不予提供',
      'Would require new processing or analysis',
    ),
  ),
  row(
    '补正后申请内容仍不明确',
    '3.',
    note('条例第三十条', '经补正后申请内容仍不明确', 'Still unclear after the correction round'),
  ),
];
const NOT_PROCESSED: NodeDef[] = [
  row(
    '信访举报投诉类申请',
    '1.',
    note(
      '条例第三十九条第一款',
      '以申请形式进行信访、投诉、举报等活动',
      'Petitions, complaints or reports filed as requests',
    ),
  ),
  row(
    '重复申请',
    '2.',
    note('条例第三十六条第（六）项', '已就申请事项作出答复后重复申请', 'Asked again after an answer'),
  ),
  row(
    '要求提供公开出版物',
    '3.',
    note('条例第三十九条第二款', '要求提供政府公报、报刊、书籍等公开出版物', 'Gazettes, newspapers or books requested'),
  ),
  row(
    '无正当理由大量反复申请',
    '4.',
    note('条例第三十五条', '申请数量、频次明显超过合理范围', 'Volume or frequency beyond reason'),
  ),
  row(
    '要求行政机关确认或重新出具已获取信息',
    '5.',
    note(
      '国办公开办函〔2021〕30号（格式分类）',
      '要求确认或重新出具申请人已获取的信息',
      'Asks to certify or re-issue information the applicant already has',
    ),
  ),
];
export const OTHER_HANDLING_2021: NodeDef[] = [
  row(
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '1.',
    note(
      '条例第三十条',
      '申请人无正当理由逾期不补正的，视为放弃申请',
      'Correction not made in time: the request is deemed withdrawn',
    ),
    { aliases: ['逾期不补正'] },
  ),
  row(
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '2.',
    note(
      '条例第四十二条；国办函〔2020〕109号',
      '申请人逾期未缴纳信息处理费，不再处理',
      'The information-processing fee was not paid in time',
    ),
    { aliases: ['逾期未缴费'] },
  ),
  row('其他', '3.', note('国办公开办函〔2021〕30号', '其他不再处理的情形', 'Other cases no longer processed'), {
    name: '其他处理（其他）',
  }),
];

const OTHER_HANDLING_NOTE = note(
  '国办公开办函〔2021〕30号',
  '不属于上述情形的其他处理结果',
  'Other outcomes not covered above',
);

/** Section 三's table; `otherHandling` is 2019's one row or 2021's group of three. */
export function requestTable(otherHandling: NodeDef) {
  const results = group(
    '本年度办理结果',
    '三、',
    [
      row(
        '予以公开',
        '（一）',
        note(
          '条例第三十六条第（一）（二）项',
          '予以公开，或告知已主动公开的获取方式和途径',
          'Disclosed, or told where it is already public',
        ),
      ),
      row(
        '部分公开',
        '（二）',
        note(
          '条例第三十七条',
          '可以区分处理的，提供可以公开的部分并说明理由；区分处理的只计这一情形',
          'The disclosable part given, the rest refused with reasons (counted only here)',
        ),
        {
          label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
          aliases: ['部分公开（区分处理的，只计这一情形，不计其他情形）'],
        },
      ),
      group(
        '不予公开',
        '（三）',
        DENIED,
        note('条例第十四条至第十六条', '依法不予公开的情形', 'Refused under Articles 14–16'),
      ),
      group(
        '无法提供',
        '（四）',
        UNAVAILABLE,
        note('条例第三十六条、第三十八条', '无法提供所申请的信息', 'The information cannot be provided'),
      ),
      group(
        '不予处理',
        '（五）',
        NOT_PROCESSED,
        note('条例第三十五条、第三十六条、第三十九条', '不作为政府信息公开申请处理', 'Not handled as an OGI request'),
      ),
      otherHandling,
      row('总计', '（七）', note('国办公开办函〔2021〕30号', '（一）至（六）项之和', 'Sum of items (1)–(6)'), {
        computed: true,
        name: '本年度办理结果总计',
      }),
    ],
    note('条例第三十六条至第三十九条', '本年度已办结申请的办理结果', 'Outcomes of the requests completed this year'),
  );
  const identities: Identity[] = [
    {
      code: 'result-total',
      lhs: [['本年度办理结果', '总计']],
      rhs: [
        ['本年度办理结果', '予以公开'],
        ['本年度办理结果', '部分公开'],
        ['本年度办理结果', '不予公开'],
        ['本年度办理结果', '无法提供'],
        ['本年度办理结果', '不予处理'],
        ['本年度办理结果', '其他处理'],
      ],
      at: ['本年度办理结果', '总计'],
      roles: [],
    },
    {
      code: 'balance',
      lhs: [['本年新收政府信息公开申请数量'], ['上年结转政府信息公开申请数量']],
      rhs: [['本年度办理结果', '总计'], ['结转下年度继续办理']],
      at: ['结转下年度继续办理'],
      roles: ['received', 'carriedIn', 'handled', 'carriedOut'],
    },
  ];
  return {
    id: 'requests',
    caption: '收到和处理政府信息公开申请情况',
    layout: 'rows' as const,
    columnCaption: '申请人情况',
    // Narrow columns for the vertical group labels, a wide one for the row labels.
    labelWidths: [4, 8, 34],
    cornerNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    columns: REQUEST_COLUMNS,
    nodes: [
      row(
        '本年新收政府信息公开申请数量',
        '一、',
        note('条例第五十条第（二）项', '本年度新收到的申请数量', 'Requests received this year'),
        { aliases: ['本年新收'] },
      ),
      row(
        '上年结转政府信息公开申请数量',
        '二、',
        note('条例第五十条第（二）项', '上年度收到、本年度继续办理的申请数量', 'Requests carried over from last year'),
        { aliases: ['上年结转'] },
      ),
      results,
      row(
        '结转下年度继续办理',
        '四、',
        note(
          '条例第五十条第（二）项',
          '本年度未办结、转入下年度继续办理的申请数量',
          'Requests carried over into next year',
        ),
        { aliases: ['结转下年度'] },
      ),
    ],
    identities,
  };
}

export function otherHandlingRow(): NodeDef {
  return row('其他处理', '（六）', OTHER_HANDLING_NOTE);
}
export function otherHandlingGroup(): NodeDef {
  // Written as one row, its values are the catch-all's (a quick fix splits it so).
  return { ...group('其他处理', '（六）', OTHER_HANDLING_2021, OTHER_HANDLING_NOTE), catchAll: '其他' };
}

// ---- section 四 ----
const REVIEW_COLUMN_NOTES: Record<string, LegalNote> = {
  结果维持: note('条例第五十一条', '复议或诉讼结果维持原行政行为', 'The original act was upheld'),
  结果纠正: note('条例第五十一条', '复议或诉讼结果纠正原行政行为', 'The original act was corrected'),
  其他结果: note('条例第五十一条', '驳回、撤回、终止等其他结果', 'Other outcomes: dismissed, withdrawn, terminated'),
  尚未审结: note('条例第五十一条', '本年度尚未审结', 'Not yet concluded this year'),
  总计: note(
    '国办公开办函〔2021〕30号',
    '结果维持、结果纠正、其他结果、尚未审结之和',
    'Sum of the four outcome columns',
  ),
};
export const REVIEW_COLUMNS: Column[] = [
  ...['结果维持', '结果纠正', '其他结果', '尚未审结'].map((k) => col(k, 'count', { note: REVIEW_COLUMN_NOTES[k] })),
  col('总计', 'count', { isTotal: true, note: REVIEW_COLUMN_NOTES.总计 }),
];
export function reviewTable() {
  return {
    id: 'reviews',
    caption: '政府信息公开行政复议、行政诉讼情况',
    layout: 'columns' as const,
    columns: REVIEW_COLUMNS,
    nodes: [
      row(
        '行政复议',
        '',
        note('条例第五十一条', '因政府信息公开工作被申请行政复议的情况', 'Administrative reviews over OGI decisions'),
      ),
      group(
        '行政诉讼',
        '',
        [
          row(
            '未经复议直接起诉',
            '',
            note('条例第五十一条', '未经行政复议直接提起行政诉讼', 'Lawsuits filed without prior review'),
          ),
          row('复议后起诉', '', note('条例第五十一条', '经行政复议后提起行政诉讼', 'Lawsuits filed after a review')),
        ],
        note('条例第五十一条', '因政府信息公开工作被提起行政诉讼的情况', 'Lawsuits over OGI decisions'),
      ),
    ],
    identities: [],
  };
}

export const ARTICLE_20 = {
  一: note(
    '条例第二十条第（一）项',
    '行政法规、规章和规范性文件',
    'Administrative regulations, rules and normative documents',
  ),
  五: note(
    '条例第二十条第（五）项',
    '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
    'Licensing and other external services: basis, conditions, procedure and results',
  ),
  六: note(
    '条例第二十条第（六）项',
    '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的处罚决定',
    'Administrative penalties and coercive measures',
  ),
  八: note('条例第二十条第（八）项', '行政事业性收费项目及其依据、标准', 'Administrative fees: items, basis, rates'),
  九: note(
    '条例第二十条第（九）项',
    '政府集中采购项目的目录、标准及实施情况',
    'Central government procurement: catalogue, standards, execution',
  ),
} as const;

/** The six sections of a template, given its section 二 table and its 其他处理 of section 三. */
export function statutorySections(proactive: unknown, otherHandling: NodeDef) {
  return SECTION_TITLES.map((s) => ({
    ...s,
    variants: [...s.variants],
    keywords: [...s.keywords],
    note: SECTION_NOTES[s.number],
    subheadings: s.number === '一' ? SUBHEADINGS_ONE : [],
    table:
      s.number === '二'
        ? proactive
        : s.number === '三'
          ? requestTable(otherHandling)
          : s.number === '四'
            ? reviewTable()
            : undefined,
  }));
}

// ---- the prose (FORMAT.md §5, identity 5): phrases that state a figure of sections 三 and 四 ----
// Bounded quantifiers: a pathological 5 MB line must not make matching quadratic.
const CLAUSE = '[^，。；,;！？!?\\n\\d]{0,40}?';
const UP_TO_REQUEST = '[^，。；,;！？!?\\n]{0,60}?申请';
const R = '本年度办理结果';
// `行政复议结果维持1件`, `未经行政复议直接起诉1件`, `行政复议后起诉1件`: a part, not the whole.
const REVIEW_DETAIL = '维持|纠正|其他结果|审结|直接起诉|复议后|驳回|撤回|终止|决定';

function phrase(
  cues: string[],
  lead: string,
  table: string,
  paths: string[][],
  extra: Partial<ProsePhrase> = {},
): ProsePhrase {
  return { cues, pattern: `${lead}${CLAUSE}(\\d+)\\s*件`, table, paths, ...extra };
}

export const PROSE_PHRASES: ProsePhrase[] = [
  phrase(
    ['收到', '受理', '新收'],
    `(?:收到|受理|新收)${UP_TO_REQUEST}`,
    'requests',
    [['本年新收政府信息公开申请数量']],
    { exclude: '复议|诉讼|上年' },
  ),
  phrase(['上年结转'], '上年结转', 'requests', [['上年结转政府信息公开申请数量']]),
  phrase(['予以公开', '同意公开'], '(?<!不|部分)(?:予以公开|同意公开)', 'requests', [[R, '予以公开']]),
  phrase(['部分公开'], '部分公开', 'requests', [[R, '部分公开']]),
  phrase(['不予公开'], '不予公开', 'requests', [[R, '不予公开']]),
  phrase(['本机关不掌握', '信息不存在'], '(?:本机关不掌握|信息不存在)', 'requests', [
    [R, '无法提供', '本机关不掌握相关政府信息'],
  ]),
  phrase(['无法提供'], '无法提供', 'requests', [[R, '无法提供']]),
  phrase(['不予处理'], '不予处理', 'requests', [[R, '不予处理']]),
  phrase(['办结', '答复'], `(?:办结|答复)${UP_TO_REQUEST}`, 'requests', [[R, '总计']], {
    exclude: '复议|诉讼|咨询|投诉',
  }),
  phrase(['结转下年度'], '结转下年度', 'requests', [['结转下年度继续办理']]),
  phrase(['行政复议'], '行政复议', 'reviews', [['行政复议']], { exclude: REVIEW_DETAIL, noneWord: '行政复议' }),
  phrase(
    ['行政诉讼'],
    '行政诉讼',
    'reviews',
    [
      ['行政诉讼', '未经复议直接起诉'],
      ['行政诉讼', '复议后起诉'],
    ],
    { exclude: REVIEW_DETAIL, noneWord: '行政诉讼' },
  ),
];

/** Section 二's printed form: one captioned block per item of Article 20. */
export const PROACTIVE_LAYOUT = { layout: 'blocks' as const, contentHeader: '信息内容', labelWidths: [31] };

// ---- 条例第四十九条: publication deadlines ----
const PEOPLES_GOVERNMENT = { endsWith: ['人民政府'], notEndsWith: [] };
export const DEADLINES: Deadline[] = [
  {
    // A people's government above township level publishes its own report by 31 March.
    appliesTo: { endsWith: ['人民政府'], notEndsWith: ['镇人民政府', '乡人民政府'] },
    month: 3,
    day: 31,
    rule: '条例第四十九条：本级人民政府年度报告于每年3月31日前公布',
    ruleEn: "OGI Art. 49: a people's government's own report by 31 March",
  },
  {
    month: 1,
    day: 31,
    rule: '条例第四十九条：每年1月31日前公布上一年度报告',
    ruleEn: 'OGI Art. 49: by 31 January of the following year',
  },
];

// ---- 条例第五十条第（四）项: a people's government also reports 考核, 评议 and 责任追究 ----
export const GOVERNMENT_TOPICS = [
  { appliesTo: PEOPLES_GOVERNMENT, topics: [['考核'], ['评议'], ['责任追究', '追究责任', '追责', '问责']] },
];

// ---- across years (FORMAT.md §9) ----
/**
 * Identity 7: this year's 上年结转 is last year's 结转下年度继续办理, column by column — across the
 * template change too (section 三 is the same in both templates).
 */
export function carryOver(previousTemplates: string[]): CrossYearIdentity {
  return {
    code: 'carry-over',
    table: 'requests',
    at: { path: ['上年结转政府信息公开申请数量'] },
    terms: [{ of: 'previous', path: ['结转下年度继续办理'], sign: '+' }],
    previousTemplates,
  };
}

// ---- what a reviewer compares across reports (the summary) ----
/** The key figures of a report; `decisions` is the column of the licensing and penalty decisions. */
export function keyFigures(decisions: string): KeyFigure[] {
  const requests = (id: string, label: string, labelEn: string, path: string[]): KeyFigure => ({
    id,
    label,
    labelEn,
    table: 'requests',
    paths: [path],
    column: '总计',
  });
  return [
    requests('received', '本年新收', 'Received', ['本年新收政府信息公开申请数量']),
    requests('carriedIn', '上年结转', 'Carried in', ['上年结转政府信息公开申请数量']),
    requests('handled', '办理结果总计', 'Handled', ['本年度办理结果', '总计']),
    requests('carriedOut', '结转下年度', 'Carried out', ['结转下年度继续办理']),
    { id: 'reviews', label: '行政复议', labelEn: 'Reviews', table: 'reviews', paths: [['行政复议']], column: '总计' },
    { id: 'lawsuits', label: '行政诉讼', labelEn: 'Lawsuits', table: 'reviews', paths: [['行政诉讼']], column: '总计' },
    {
      id: 'licensing',
      label: '行政许可',
      labelEn: 'Licensing decisions',
      table: 'proactive',
      paths: [['第二十条第（五）项', '行政许可']],
      column: decisions,
    },
    {
      id: 'penalties',
      label: '行政处罚',
      labelEn: 'Penalty decisions',
      table: 'proactive',
      paths: [['第二十条第（六）项', '行政处罚']],
      column: decisions,
    },
  ];
}
