// A reviewer's folder made from the examples: 景芝镇's 2020 report, and three years (2022–2024) of the
// 2021 example's agency with figures that move — the 2023 report carrying over one request more than
// 2022 carried out (a carry-over finding). Used by the summary tests (CLI and browser, whose screenshot
// the README shows) and by the end-to-end test of the checks across years.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

/** The clean 2021 example (2024) moved to another year: front matter, dates and the 统计期限. */
function moved(text: string, year: number): string {
  return text
    .replace('year: 2024', `year: ${year}`)
    .replace('issued: 2025-01-20', `issued: ${year + 1}-01-20`)
    .replaceAll('2025年', `${year + 1}年`)
    .replaceAll('2024年', `${year}年`);
}

function replaced(text: string, pairs: [string, string][]): string {
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`not in the example: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The folder's reports by their path in it. */
export function summaryReports(): [string, string][] {
  const clean = example('clean-2021.ogi.md');
  return [
    ['2020/jingzhi.ogi.md', example('jingzhi-2020.ogi.md')],
    [
      '2022/scjg.ogi.md',
      replaced(moved(clean, 2022), [
        ['行政许可: 1856', '行政许可: 1490'],
        ['行政处罚: 243', '行政处罚: 210'],
        ['行政规范性文件: [2, 1, 6]', '行政规范性文件: [1, 0, 4]'],
        [
          '本年新收政府信息公开申请数量: [38, 6, 0, 1, 2, 1, 48]',
          '本年新收政府信息公开申请数量: [31, 6, 0, 1, 2, 1, 41]',
        ],
        [
          '上年结转政府信息公开申请数量: {自然人: 2, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 3}',
          '上年结转政府信息公开申请数量: [1, 1, 0, 0, 0, 0, 2]',
        ],
        ['  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [7, 4, 0, 1, 1, 0, 13]'],
        ['  总计: [37, 7, 0, 1, 2, 1, 48]', '  总计: [29, 7, 0, 1, 2, 1, 40]'],
        ['行政复议: [1, 0, 1, 1, 3]', '行政复议: [1, 0, 0, 0, 1]'],
        ['复议后起诉: [0, 0, 0, 1, 1]', '复议后起诉: [0, 0, 0, 0, 0]'],
        ['本年度新收政府信息公开申请48件，上年结转3件', '本年度新收政府信息公开申请41件，上年结转2件'],
        ['全年共办结政府信息公开申请48件，其中予以公开21件', '全年共办结政府信息公开申请40件，其中予以公开13件'],
        [
          '全年发生政府信息公开行政复议3件，其中结果维持1件、其他结果1件、尚未审结1件',
          '全年发生政府信息公开行政复议1件，结果维持',
        ],
        [
          '行政诉讼2件，其中未经复议直接起诉1件（结果维持），复议后起诉1件（尚未审结）',
          '行政诉讼1件，未经复议直接起诉，结果维持',
        ],
      ]),
    ],
    [
      '2023/scjg.ogi.md',
      replaced(moved(clean, 2023), [
        ['行政许可: 1856', '行政许可: 1620'],
        ['行政规范性文件: [2, 1, 6]', '行政规范性文件: [1, 0, 5]'],
        ['行政处罚: 243', '行政处罚: 198'],
        [
          '本年新收政府信息公开申请数量: [38, 6, 0, 1, 2, 1, 48]',
          '本年新收政府信息公开申请数量: [34, 6, 0, 1, 2, 1, 44]',
        ],
        ['  予以公开: [15, 4, 0, 1, 1, 0, 21]', '  予以公开: [11, 4, 0, 1, 1, 0, 17]'],
        ['  总计: [37, 7, 0, 1, 2, 1, 48]', '  总计: [33, 7, 0, 1, 2, 1, 44]'],
        ['行政复议: [1, 0, 1, 1, 3]', '行政复议: [1, 0, 0, 1, 2]'],
        ['本年度新收政府信息公开申请48件', '本年度新收政府信息公开申请44件'],
        ['全年共办结政府信息公开申请48件，其中予以公开21件', '全年共办结政府信息公开申请44件，其中予以公开17件'],
        [
          '全年发生政府信息公开行政复议3件，其中结果维持1件、其他结果1件、尚未审结1件',
          '全年发生政府信息公开行政复议2件，其中结果维持1件、尚未审结1件',
        ],
      ]),
    ],
    ['2024/scjg.ogi.md', clean],
  ];
}

export function summaryFolder(dir: string): string[] {
  return summaryReports().map(([rel, text]) => {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
}
