// Generates the per-code severity setting of package.json (`contributes.configuration`'s
// `ogiReport.severity`: one property per finding code) and its localised descriptions (every
// `configuration.severity.*` key of package.nls.json and package.nls.zh-cn.json) from the rule list, so
// the settings never drift from the codes the server reports and reads. Run: npx tsx scripts/gen-manifest.ts
// It rewrites only those parts of the three files (read-modify-write, 2-space JSON, final newline);
// test/grammar/manifest.test.ts regenerates in memory and fails when a committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEVERITY_LEVELS, type SeverityLevel } from '../server/src/lsp/settings';
import { CODES, RULES, type Code, type RuleInfo as Rule } from '../server/src/rules';

const ROOT = join(__dirname, '..');
export const MANIFEST_FILE = join(ROOT, 'package.json');
export const NLS_FILES = {
  en: join(ROOT, 'package.nls.json'),
  'zh-cn': join(ROOT, 'package.nls.zh-cn.json'),
} as const;
export type NlsLanguage = keyof typeof NLS_FILES;

const SETTING = 'ogiReport.severity';
/** Every nls key under this prefix is generated here; the other keys are left as they are. */
const PREFIX = 'configuration.severity.';

/**
 * The Chinese description of each code. The rule list holds one description, in English (it is also
 * SARIF's); its Chinese counterpart lives here, one per code (a code without one fails to compile).
 */
const ZH_DESCRIPTIONS: Record<Code, string> = {
  'front-matter': '缺少前置元数据（front matter）、无法解析或字段无效',
  'section-missing': '缺少法定章节',
  'section-title': '法定章节的标题措辞或编号与规定不一致',
  'section-order': '法定章节顺序错误或重复',
  'table-missing': '第二、三、四部分缺少表格块',
  'yaml-syntax': '表格块不是有效的 YAML',
  'unknown-key': '行、列或分组名称不属于本格式的法定名称',
  'missing-row': '表格缺少法定行',
  'invalid-value': '数值为负数、非数字、非整数，或列表长度不对',
  'blank-cell': '单元格留空（或填写“/”“—”）而不是 0',
  'row-total': '某行的“总计”不等于各列之和',
  'result-total': '“本年度办理结果”的“总计”不等于各项办理结果之和',
  balance: '勾稽关系不成立：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度继续办理',
  'prose-mismatch': '正文所述数字与表格不一致',
  'late-publication': '发布日期（issued）晚于法定公开期限',
  'year-mismatch': '标题、统计期限或所列事项的日期不在报告年度内',
  'section-content': '章节缺少法定应当说明的内容（如 2021 年格式第六部分的信息处理费）',
  'carry-over': '上年结转数与同一机关上年报告的“结转下年度继续办理”不一致',
  'stock-continuity': '现行有效件数不等于上年现行有效件数加本年制发件数减本年废止件数',
  encoding: '文件中有 NUL 或无效的 UTF-8 字节，或不是以 UTF-8 编码保存',
};

/** A rule's description after a colon: `A row …` → `a row …` (a word in capitals, or code, stays as it is). */
const midSentence = (text: string) => (/^[A-Z](?![A-Z])/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

const SEVERITY_NAMES: Record<NlsLanguage, Record<Rule['severity'], string>> = {
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
  'zh-cn': { error: '错误', warning: '警告', information: '信息', hint: '提示' },
};

const TEXTS: Record<
  NlsLanguage,
  { description: string; levels: Record<SeverityLevel, string>; code: (rule: Rule) => string }
> = {
  en: {
    description:
      'Severity of each finding, by its code (`off` hides it). Codes not listed keep their default severity.',
    levels: {
      off: 'Do not report.',
      hint: 'Report as a hint.',
      information: 'Report as information.',
      warning: 'Report as a warning.',
      error: 'Report as an error.',
    },
    code: (rule) =>
      `\`${rule.code}\` (default: ${SEVERITY_NAMES.en[rule.severity]}): ${midSentence(rule.description)}.`,
  },
  'zh-cn': {
    description: '按问题代码设置严重程度（`off` 表示不显示）。未列出的代码使用默认严重程度。',
    levels: {
      off: '不报告。',
      hint: '作为提示报告。',
      information: '作为信息报告。',
      warning: '作为警告报告。',
      error: '作为错误报告。',
    },
    code: (rule) =>
      `\`${rule.code}\`（默认：${SEVERITY_NAMES['zh-cn'][rule.severity]}）：${ZH_DESCRIPTIONS[rule.code]}。`,
  },
};

/** The rules in the order of the setting: RULES' order, which must cover CODES exactly. */
function rules(): readonly Rule[] {
  const codes = RULES.map((r) => r.code);
  const missing = CODES.filter((c) => !codes.includes(c));
  const extra = codes.filter((c) => !(CODES as readonly string[]).includes(c));
  if (missing.length || extra.length || new Set(codes).size !== codes.length)
    throw new Error(`RULES and CODES differ: missing ${missing.join(', ') || '-'}; extra ${extra.join(', ') || '-'}`);
  return RULES;
}

/** The `ogiReport.severity` setting: one property per code, each a level with its description. */
export function severitySetting(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of rules())
    properties[rule.code] = {
      type: 'string',
      enum: [...SEVERITY_LEVELS],
      enumDescriptions: SEVERITY_LEVELS.map((l) => `%${PREFIX}level.${l}%`),
      markdownDescription: `%${PREFIX}${rule.code}%`,
    };
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    markdownDescription: `%${PREFIX}description%`,
    additionalProperties: false,
    properties,
  };
}

/** Every generated nls key of one language, in order: the setting's description, the levels, the codes. */
export function severityNls(language: NlsLanguage): Record<string, string> {
  const texts = TEXTS[language];
  const out: Record<string, string> = { [`${PREFIX}description`]: texts.description };
  for (const l of SEVERITY_LEVELS) out[`${PREFIX}level.${l}`] = texts.levels[l];
  for (const rule of rules()) out[`${PREFIX}${rule.code}`] = texts.code(rule);
  return out;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** package.json's text with the generated setting in place of the current one (same place, the rest untouched). */
export function manifestText(current: string): string {
  const pkg = JSON.parse(current);
  const properties = pkg.contributes?.configuration?.properties;
  if (!properties || typeof properties !== 'object') throw new Error('package.json has no contributes.configuration');
  properties[SETTING] = severitySetting();
  return json(pkg);
}

/** An nls file's text with the generated keys where the first of them stood (else at the end); other keys untouched. */
export function nlsText(current: string, language: NlsLanguage): string {
  const generated = severityNls(language);
  const out: Record<string, string> = {};
  let placed = false;
  for (const [key, value] of Object.entries(JSON.parse(current) as Record<string, string>)) {
    if (!key.startsWith(PREFIX)) out[key] = value;
    else if (!placed) {
      Object.assign(out, generated);
      placed = true;
    }
  }
  return json(placed ? out : { ...out, ...generated });
}

/** Every file this script writes, with the text it would write given the files as they are. */
export function generatedFiles(): { file: string; current: string; text: string }[] {
  const manifest = readFileSync(MANIFEST_FILE, 'utf8');
  return [
    { file: MANIFEST_FILE, current: manifest, text: manifestText(manifest) },
    ...(Object.keys(NLS_FILES) as NlsLanguage[]).map((language) => {
      const current = readFileSync(NLS_FILES[language], 'utf8');
      return { file: NLS_FILES[language], current, text: nlsText(current, language) };
    }),
  ];
}

if (require.main === module) {
  for (const { file, current, text } of generatedFiles()) {
    if (text === current) process.stdout.write(`unchanged ${file}\n`);
    else {
      writeFileSync(file, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
}
