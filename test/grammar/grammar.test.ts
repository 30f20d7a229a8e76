// The TextMate grammar: snapshots of every case in cases/ (scopes per token; UPDATE_SNAPSHOTS=1 rewrites
// them), and the properties the snapshots are there to show, asserted directly so a regenerated
// snapshot cannot silently lose them: front-matter keys are YAML, statutory headings have their own
// scope (every title and variant of the statute data), table blocks are YAML, prose stays Markdown.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TEMPLATES } from '../../server/src/statute';
import { ROOT, scopesAt, snapshot, tokenize } from './textmate';

const CASES = join(__dirname, 'cases');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

const STATUTORY = 'markup.heading.statutory.ogi-report';
const SECTION_NAME = 'entity.name.section.statutory.ogi-report';
const FRONT_MATTER = 'meta.embedded.block.frontmatter';
const YAML_BLOCK = 'meta.embedded.block.yaml';
const YAML_KEY = 'entity.name.tag.yaml';

const has = (scopes: string[], scope: string) => scopes.includes(scope);
const hasYaml = (scopes: string[]) => scopes.some((s) => s.endsWith('.yaml'));

describe('snapshots', () => {
  const cases = readdirSync(CASES)
    .filter((f) => f.endsWith('.ogi.md'))
    .sort();
  test('there are cases', () => assert.ok(cases.length >= 3));
  for (const file of cases) {
    test(file, async () => {
      const text = readFileSync(join(CASES, file), 'utf8');
      const actual = snapshot(text, await tokenize(text));
      const snap = join(CASES, file.replace(/\.ogi\.md$/, '.snap'));
      if (UPDATE) {
        writeFileSync(snap, actual);
        return;
      }
      assert.ok(existsSync(snap), `missing ${snap}: run with UPDATE_SNAPSHOTS=1`);
      assert.equal(
        actual,
        readFileSync(snap, 'utf8'),
        `${file}: tokens differ from the snapshot (UPDATE_SNAPSHOTS=1 to accept)`,
      );
    });
  }
});

describe('front matter', () => {
  const text = [
    '---',
    'template: ogi-annual-2021',
    'agency: 某某市某某局',
    'year: 2023',
    '---',
    '',
    '正文 agency: 不是 YAML',
  ].join('\n');

  test('its keys and values get YAML scopes inside the embedded front-matter block', async () => {
    const tokens = await tokenize(text);
    for (const [line, key] of [
      [1, 'template'],
      [2, 'agency'],
      [3, 'year'],
    ] as const) {
      const scopes = scopesAt(tokens, text, line, key);
      assert.ok(has(scopes, FRONT_MATTER) && has(scopes, YAML_KEY), `${key}: ${scopes.join(' ')}`);
    }
    assert.ok(has(scopesAt(tokens, text, 3, '2023'), 'constant.numeric.integer.yaml'));
    assert.ok(has(scopesAt(tokens, text, 0, '---'), 'punctuation.definition.frontmatter.begin.ogi-report'));
    assert.ok(has(scopesAt(tokens, text, 4, '---'), 'punctuation.definition.frontmatter.end.ogi-report'));
  });

  test('it ends at the closing ---: the body is Markdown', async () => {
    const tokens = await tokenize(text);
    const scopes = scopesAt(tokens, text, 6, 'agency');
    assert.ok(has(scopes, 'meta.paragraph.markdown') && !hasYaml(scopes), scopes.join(' '));
  });

  test('only at the start of the file', async () => {
    const later = ['正文', '', '---', 'agency: 某某局', '---'].join('\n');
    const tokens = await tokenize(later);
    assert.ok(!hasYaml(scopesAt(tokens, later, 3, 'agency')));
  });
});

describe('statutory headings', () => {
  const headings: string[] = [];
  for (const template of TEMPLATES) {
    for (const s of template.sections) {
      for (const words of [s.title, ...s.variants]) {
        headings.push(
          `## ${s.number}、${words}`,
          `# ${s.number}.${words}`,
          `###### ${s.number}．${words}：`,
          `## ${s.number}、${words} ##`,
        );
      }
      headings.push(`## ${s.title}`);
    }
  }

  test('every title and variant of the statute data, at any level, numbered in any tolerated style', async () => {
    for (const heading of new Set(headings)) {
      const tokens = await tokenize(heading);
      const title = heading.replace(/^#+\s+/, '').replace(/\s*#+$/, '');
      const scopes = scopesAt(tokens, heading, 0, title);
      assert.ok(
        has(scopes, STATUTORY) && has(scopes, SECTION_NAME) && has(scopes, 'entity.name.section.markdown'),
        `${heading}: ${scopes.join(' ')}`,
      );
      assert.ok(has(scopesAt(tokens, heading, 0, '#'), 'punctuation.definition.heading.markdown'));
    }
  });

  test('the numbering has its own scope', async () => {
    const heading = '## 三、收到和处理政府信息公开申请情况';
    assert.ok(has(scopesAt(await tokenize(heading), heading, 0, '三、'), 'meta.section-number.ogi-report'));
  });

  test('other headings stay ordinary Markdown headings', async () => {
    const others = [
      ...TEMPLATES.flatMap((t) => t.sections.flatMap((s) => s.subheadings.map((sub) => `### ${sub}`))),
      '## 七、附件',
      '## 总体情况说明',
      '# 某某局2023年政府信息公开工作年度报告',
      '## 一、',
    ];
    assert.ok(others.length > 5);
    for (const heading of others) {
      const tokens = await tokenize(heading);
      const scopes = scopesAt(tokens, heading, 0, heading.replace(/^#+\s+/, ''));
      assert.ok(!has(scopes, STATUTORY) && has(scopes, 'markup.heading.markdown'), `${heading}: ${scopes.join(' ')}`);
    }
  });

  test('an indented heading is a code block', async () => {
    const text = '    ## 一、总体情况';
    assert.ok(!has(scopesAt(await tokenize(text), text, 0, '一'), STATUTORY));
  });
});

describe('table blocks', () => {
  const text = [
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '```yaml',
    '行政复议: [0, 0, 0, 0, 0]',
    '行政诉讼:',
    '  复议后起诉: [0, 0, 0, 0, 0]  # 说明',
    '```',
    '',
    '以上 行政复议: 0 件。',
  ].join('\n');

  test('the body gets YAML scopes; the fence lines are scoped', async () => {
    const tokens = await tokenize(text);
    for (const [line, key] of [
      [3, '行政复议'],
      [4, '行政诉讼'],
      [5, '复议后起诉'],
    ] as const) {
      const scopes = scopesAt(tokens, text, line, key);
      assert.ok(has(scopes, YAML_BLOCK) && has(scopes, YAML_KEY), `${key}: ${scopes.join(' ')}`);
    }
    assert.ok(has(scopesAt(tokens, text, 3, '0'), 'constant.numeric.integer.yaml'));
    assert.ok(has(scopesAt(tokens, text, 5, '#'), 'comment.line.number-sign.yaml'));
    assert.ok(has(scopesAt(tokens, text, 2, '```'), 'punctuation.definition.fence.begin.ogi-report'));
    assert.ok(has(scopesAt(tokens, text, 2, 'yaml'), 'fenced_code.block.language.markdown'));
    assert.ok(has(scopesAt(tokens, text, 6, '```'), 'punctuation.definition.fence.end.ogi-report'));
  });

  test('prose after the block is Markdown again', async () => {
    const scopes = scopesAt(await tokenize(text), text, 8, '行政复议');
    assert.ok(has(scopes, 'meta.paragraph.markdown') && !hasYaml(scopes), scopes.join(' '));
  });

  test('the closing fence ends the block even inside an unterminated YAML string', async () => {
    const broken = ['```yaml', '行政复议: "未闭合', '```', '', '正文'].join('\n');
    const scopes = scopesAt(await tokenize(broken), broken, 4, '正文');
    assert.ok(has(scopes, 'meta.paragraph.markdown') && !hasYaml(scopes), scopes.join(' '));
  });

  test('other code blocks are not YAML', async () => {
    const other = ['```text', '行政复议: 0', '```'].join('\n');
    assert.ok(!hasYaml(scopesAt(await tokenize(other), other, 1, '行政复议')));
  });
});

describe('prose', () => {
  test('stays Markdown: paragraphs, emphasis, lists, links, tables, comments', async () => {
    const text = [
      '本机关**全年**共收到申请5件。',
      '',
      '- 见[通知](https://example.org/)',
      '',
      '| 名称 | 日期 |',
      '|---|---|',
      '',
      '<!-- 备注 -->',
    ].join('\n');
    const tokens = await tokenize(text);
    assert.ok(has(scopesAt(tokens, text, 0, '本机关'), 'meta.paragraph.markdown'));
    assert.ok(has(scopesAt(tokens, text, 0, '全年'), 'markup.bold.markdown'));
    assert.ok(has(scopesAt(tokens, text, 2, '-'), 'markup.list.unnumbered.markdown'));
    assert.ok(has(scopesAt(tokens, text, 2, 'https'), 'markup.underline.link.markdown'));
    assert.ok(has(scopesAt(tokens, text, 4, '名称'), 'markup.table.markdown'));
    assert.ok(has(scopesAt(tokens, text, 7, '备注'), 'comment.block.html'));
    assert.ok(tokens.every((t) => !hasYaml(t.scopes)));
  });
});

describe('manifest', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const grammarText = readFileSync(join(ROOT, 'syntaxes', 'ogi-report.tmLanguage.json'), 'utf8');
  const grammar = JSON.parse(grammarText);

  test('contributes this grammar for the language, and every embedded scope it maps is one the grammars produce', () => {
    const [contributed] = pkg.contributes.grammars;
    assert.equal(contributed.language, 'ogi-report');
    assert.equal(contributed.scopeName, grammar.scopeName);
    assert.equal(contributed.path, './syntaxes/ogi-report.tmLanguage.json');
    const markdown = readFileSync(join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'), 'utf8');
    for (const scope of Object.keys(contributed.embeddedLanguages)) {
      assert.ok(grammarText.includes(`"${scope}"`) || markdown.includes(`"${scope}"`), scope);
    }
    assert.equal(contributed.embeddedLanguages['meta.embedded.block.yaml'], 'yaml');
    assert.equal(contributed.embeddedLanguages['meta.embedded.block.frontmatter'], 'yaml');
  });
});
