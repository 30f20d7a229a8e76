// Generates snippets/ogi-report.code-snippets from the statute data and the engine's skeleton text, so
// the snippets never drift from the law. Run: node --import tsx scripts/gen-snippets.ts
// test/grammar/snippets.test.ts regenerates in memory and fails when the committed file differs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportText, sectionText } from '../server/src/features/skeleton';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, type SectionDef, type Template } from '../server/src/statute';

export const SNIPPETS_FILE = join(__dirname, '..', 'snippets', 'ogi-report.code-snippets');

export interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Snippet syntax treats `$`, `}` and `\` as special: escape them in literal text. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** `2021` for `ogi-annual-2021`. */
const shortId = (template: Template) => template.id.replace(/^ogi-annual-/, '');

/** A section: heading, the statutory sub-headings (one tab stop each), the zero-filled table, cursor after the heading. */
function sectionBody(section: SectionDef): string[] {
  const lines = sectionText(section).split('\n').map(escapeSnippet);
  const after = section.subheadings.flatMap((sub, i) => [`### ${escapeSnippet(sub)}`, '', `$${i + 1}`, '']);
  // sectionText is: heading, blank line, [table…, blank line]; the cursor goes on the blank line.
  return [lines[0], '', ...after, '$0', ...lines.slice(1)];
}

/** The whole report as the "New OGI report" command creates it, with tab stops for agency, year and issue date. */
function reportBody(template: Template): string[] {
  const AGENCY = 'AGENCY\u0001';
  const YEAR = 'YEAR\u0001';
  const ISSUED = 'ISSUED\u0001';
  // reportText interpolates the year into text only; a string sentinel marks where it goes.
  const text = escapeSnippet(reportText({ template, agency: AGENCY, year: YEAR as unknown as number, issued: ISSUED }));
  let yearSeen = false;
  const lines = text
    .replace(AGENCY, '${1:机关名称}')
    .replace(ISSUED, '${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}')
    .replaceAll(YEAR, () => (yearSeen ? '$2' : ((yearSeen = true), '${2:报告年度}')))
    .split('\n');
  const first = lines.findIndex((l) => l.startsWith('## '));
  if (first >= 0 && lines[first + 1] === '') lines[first + 1] = '$0';
  return lines;
}

export function buildSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  const byDefault = TEMPLATES.find((t) => t.id === DEFAULT_TEMPLATE_ID)!;
  const ordered = [byDefault, ...TEMPLATES.filter((t) => t !== byDefault)];
  for (const template of ordered) {
    const isDefault = template === byDefault;
    const suffix = isDefault ? '' : `-${shortId(template)}`;
    template.sections.forEach((section, i) => {
      const body = sectionBody(section);
      const same = byDefault.sections[i];
      // A section that reads the same in the default template needs no template-specific snippet.
      if (!isDefault && JSON.stringify(sectionBody(same)) === JSON.stringify(body)) return;
      const title = `${section.number}、${section.title}`;
      out[`${title} (${template.id})`] = {
        prefix: [`ogi-${section.number}${suffix}`, `ogi-section-${NUMERALS.indexOf(section.number) + 1}${suffix}`],
        body,
        description: `${title}${section.table ? '（附法定表格，数据为 0）' : section.subheadings.length ? '（附常用小标题）' : ''} — ${template.basis}`,
      };
    });
  }
  for (const template of ordered) {
    out[`政府信息公开工作年度报告 (${template.id})`] = {
      prefix: [`ogi-report-${shortId(template)}`, ...(template === byDefault ? ['ogi-report'] : [])],
      body: reportBody(template),
      description: `${template.name}：完整报告骨架（${template.basis}，适用于${template.lastYear ? ` ${template.firstYear}—${template.lastYear} 年度` : ` ${template.firstYear} 年度起`}）`,
    };
  }
  return out;
}

export function snippetsFileText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SNIPPETS_FILE, snippetsFileText());
  process.stdout.write(`wrote ${SNIPPETS_FILE}\n`);
}
