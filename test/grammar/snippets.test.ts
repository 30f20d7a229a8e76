// The snippets: the committed file is what scripts/gen-snippets.ts generates from the statute (no drift);
// every body is valid snippet syntax; expanded as VS Code would, its YAML blocks load, the report
// skeletons are the engine's skeleton and the engine finds no unknown key, YAML error or missing section.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { load } from 'js-yaml';
import {
  SNIPPETS_FILE,
  buildSnippets,
  escapeSnippet,
  snippetsFileText,
  type Snippet,
} from '../../scripts/gen-snippets';
import { checkText, reportText } from '../../server/src/service';
import { DEFAULT_TEMPLATE_ID, TEMPLATES, type Template } from '../../server/src/statute';

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2024', CURRENT_MONTH: '01', CURRENT_DATE: '20' };

/**
 * Expands a snippet body as VS Code does: `${n:default}` and `${n|a,b|}` give the value of tab stop n
 * (from `stops`, else the default), `$n`/`${n}` mirror it, `$VAR`/`${VAR}` are variables, `\$ \} \\`
 * are literal. Throws on anything VS Code would not read as intended (an unescaped `$`, an open `${`).
 */
export function expandSnippet(
  body: string,
  stops: Record<number, string> = {},
): { text: string; tabStops: Set<number> } {
  const values = new Map<number, string>();
  const tabStops = new Set<number>();
  const pending: { at: number; n: number }[] = []; // mirrors before their placeholder
  let i = 0;
  const parse = (inner: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c === '}' && inner) return out;
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      const rest = body.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\$(\d+)/.exec(rest)) || (m = /^\$\{(\d+)\}/.exec(rest))) {
        const n = Number(m[1]);
        tabStops.add(n);
        i += m[0].length;
        if (values.has(n)) out += values.get(n);
        else {
          pending.push({ at: out.length, n });
          out += `\u0000${n}\u0000`;
        }
      } else if ((m = /^\$\{(\d+):/.exec(rest))) {
        const n = Number(m[1]);
        tabStops.add(n);
        i += m[0].length;
        const fallback = parse(true);
        assert.equal(body[i], '}', `unclosed placeholder \${${n}:…`);
        i++;
        const value = stops[n] ?? fallback;
        values.set(n, value);
        out += value;
      } else if ((m = /^\$\{(\d+)\|([^|]*)\|\}/.exec(rest))) {
        const n = Number(m[1]);
        tabStops.add(n);
        i += m[0].length;
        const value = stops[n] ?? m[2].split(',')[0];
        values.set(n, value);
        out += value;
      } else if ((m = /^\$([A-Z_][A-Z_0-9]*)/.exec(rest)) || (m = /^\$\{([A-Z_][A-Z_0-9]*)\}/.exec(rest))) {
        assert.ok(m[1] in VARIABLES, `unknown variable ${m[1]}`);
        i += m[0].length;
        out += VARIABLES[m[1]];
      } else {
        assert.fail(`unescaped $ at ${i}: ${rest.slice(0, 20)}`);
      }
    }
    assert.ok(!inner, 'unclosed ${');
    return out;
  };
  let text = parse(false);
  text = text.replace(/\u0000(\d+)\u0000/g, (_, n) => values.get(Number(n)) ?? stops[Number(n)] ?? '');
  return { text, tabStops };
}

const snippets = buildSnippets();
const entries = Object.entries(snippets);
const yamlBlocks = (text: string) => [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const sampleYear = (t: Template) => t.lastYear ?? t.firstYear;
const frontMatter = (t: Template) =>
  [
    '---',
    `template: ${t.id}`,
    'agency: 某某市某某局',
    `year: ${sampleYear(t)}`,
    `issued: ${sampleYear(t) + 1}-01-20`,
    '---',
    '',
  ].join('\n');
const BLOCKING = ['unknown-key', 'yaml-syntax', 'section-missing'];

describe('the snippet file', () => {
  test('is what scripts/gen-snippets.ts generates (run it after changing the statute or the skeleton)', () => {
    assert.equal(readFileSync(SNIPPETS_FILE, 'utf8'), snippetsFileText());
  });

  test('is the one the manifest contributes for the language', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, [
      { language: 'ogi-report', path: './snippets/ogi-report.code-snippets' },
    ]);
  });

  test('has the six sections and a report per template, with unique prefixes', () => {
    const prefixes = entries.flatMap(([, s]) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const n of ['一', '二', '三', '四', '五', '六']) assert.ok(prefixes.includes(`ogi-${n}`), n);
    for (let n = 1; n <= 6; n++) assert.ok(prefixes.includes(`ogi-section-${n}`), String(n));
    for (const t of TEMPLATES) assert.ok(prefixes.includes(`ogi-report-${t.id.slice(-4)}`), t.id);
    assert.ok(prefixes.includes('ogi-report'));
    for (const [name, s] of entries) assert.ok(s.description.length > 0 && s.body.length > 0, name);
  });
});

describe('escaping', () => {
  test('text with $, } and \\ expands back to itself', () => {
    for (const s of ['a$b', 'x}y', 'c\\d', '${1:x}', '$0 \\$ }}', '金额$1万元'])
      assert.equal(expandSnippet(escapeSnippet(s)).text, s);
  });
});

describe('every snippet', () => {
  for (const [name, snippet] of entries) {
    test(`${name}: valid snippet syntax, YAML blocks load as mappings`, () => {
      const { text, tabStops } = expandSnippet(snippet.body.join('\n'));
      assert.ok(tabStops.has(0), 'has a final cursor position $0');
      for (const block of yamlBlocks(text)) {
        const data = load(block);
        assert.ok(data !== null && typeof data === 'object' && !Array.isArray(data), block);
      }
      assert.equal(yamlBlocks(text).length, (text.match(/^```yaml$/gm) ?? []).length, 'every ```yaml block is closed');
    });
  }
});

describe('report skeletons', () => {
  for (const template of TEMPLATES) {
    const [name, snippet] = entries.find(([, s]) => s.prefix.includes(`ogi-report-${template.id.slice(-4)}`))!;

    test(`${name}: tab stops for agency, year and issue date; expands to the engine's skeleton`, () => {
      const body = snippet.body.join('\n');
      assert.ok(body.includes('agency: ${1:机关名称}'));
      assert.ok(/^year: \$\{2:[^}]+\}$/m.test(body));
      assert.ok(body.includes('issued: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}'));
      const year = sampleYear(template);
      const { text, tabStops } = expandSnippet(body, { 1: '某某市某某局', 2: String(year), 3: `${year + 1}-01-20` });
      assert.deepEqual([...tabStops].sort(), [0, 1, 2, 3]);
      assert.equal(text, reportText({ template, agency: '某某市某某局', year, issued: `${year + 1}-01-20` }));
      assert.ok(
        text.includes(`统计期限自${year}年1月1日起至${year}年12月31日止`),
        'the year is mirrored into the text',
      );
    });

    test(`${name}: checked by the engine, no ${BLOCKING.join('/')} and no error`, () => {
      const year = sampleYear(template);
      const { text } = expandSnippet(snippet.body.join('\n'), {
        1: '某某市某某局',
        2: String(year),
        3: `${year + 1}-01-20`,
      });
      const findings = checkText(text);
      assert.deepEqual(
        findings.filter((f) => BLOCKING.includes(f.code)),
        [],
      );
      assert.deepEqual(
        findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`),
        [],
      );
    });

    test(`${name}: expanded with its defaults, only the year placeholder is left to fill in`, () => {
      const findings = checkText(expandSnippet(snippet.body.join('\n')).text);
      assert.deepEqual(
        findings.filter((f) => BLOCKING.includes(f.code)),
        [],
      );
      assert.ok(
        findings.every((f) => f.code !== 'front-matter' || /year/.test(f.message)),
        findings.map((f) => f.message).join('\n'),
      );
    });
  }
});

describe('section snippets', () => {
  const sectionSnippet = (template: Template, n: number): Snippet => {
    const suffix = template.id === DEFAULT_TEMPLATE_ID ? '' : `-${template.id.slice(-4)}`;
    return (
      entries.find(([, s]) => s.prefix.includes(`ogi-section-${n}${suffix}`))?.[1] ??
      entries.find(([, s]) => s.prefix.includes(`ogi-section-${n}`))![1]
    );
  };

  for (const template of TEMPLATES) {
    test(`${template.id}: the six section snippets in a row make a report the engine accepts`, () => {
      const sections = [1, 2, 3, 4, 5, 6].map(
        (n) =>
          expandSnippet(sectionSnippet(template, n).body.join('\n'), {
            1: '正文',
            2: '正文',
            3: '正文',
            4: '正文',
            5: '正文',
          }).text,
      );
      const findings = checkText(frontMatter(template) + sections.join('\n'));
      const structural = [
        ...BLOCKING,
        'section-title',
        'section-order',
        'table-missing',
        'missing-row',
        'front-matter',
      ];
      assert.deepEqual(
        findings.filter((f) => structural.includes(f.code)).map((f) => `${f.code}: ${f.message}`),
        [],
      );
      assert.deepEqual(
        findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`),
        [],
      );
    });
  }
});
