// Localisation, in one place: every user-visible string has its zh-cn and en text with the same
// placeholders. The server, the CLI and the renderer share one mechanism (server/src/i18n: one
// bundle per area, one translator, `{name}` placeholders); the VS Code client uses VS Code's own
// (package.nls*.json for the manifest, client/l10n for vscode.l10n.t, `{0}` placeholders).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { complete } from '../../server/src/features/completion';
import { AREAS, BUNDLES, format, translator } from '../../server/src/i18n/messages';
import { parseReport } from '../../server/src/parse/report';
import { checkText } from '../../server/src/service';
import { DEFAULT_TEMPLATE_ID, TEMPLATES } from '../../server/src/statute';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as Record<string, unknown>;
const pkg = readJson('package.json') as {
  l10n: string;
  contributes: { commands: { command: string; title: string }[] };
};

/** The `{name}` placeholders of a server message, sorted, without the `{{` `}}` escapes. */
const names = (s: string) => [...new Set([...unescape(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const unescape = (s: string) => s.replace(/\{\{|\}\}/g, '');
/** The `{0}` placeholders of a VS Code string, sorted. */
const indices = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

/** Every .ts file under a directory. */
function sources(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (skip(p)) return [];
    return statSync(p).isDirectory() ? sources(p, skip) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('server messages (server/src/i18n)', () => {
  const areas = Object.entries(AREAS) as [string, Record<'zh-cn' | 'en', Record<string, string>>][];

  test('every area has the same ids in zh-cn and en, each with the same placeholders, none empty', () => {
    assert.ok(areas.length >= 4);
    for (const [area, { 'zh-cn': zh, en }] of areas) {
      assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), area);
      for (const id of Object.keys(zh)) {
        assert.deepEqual(names(en[id]), names(zh[id]), `${area}.${id}`);
        assert.ok(zh[id].trim() && en[id].trim(), `${area}.${id} is empty`);
      }
    }
  });

  test('a brace is a placeholder or an escape ({{ }}), never stray text', () => {
    for (const [area, bundles] of areas)
      for (const [locale, bundle] of Object.entries(bundles))
        for (const [id, text] of Object.entries(bundle))
          assert.doesNotMatch(unescape(text).replace(/\{\w+\}/g, ''), /[{}]/, `${locale} ${area}.${id}`);
  });

  test('an id belongs to one area, and the bundles are the areas merged', () => {
    const ids = areas.flatMap(([, b]) => Object.keys(b['zh-cn']));
    assert.equal(new Set(ids).size, ids.length, 'an id in two areas');
    for (const locale of ['zh-cn', 'en'] as const) {
      assert.deepEqual(Object.keys(BUNDLES[locale]).sort(), [...ids].sort(), locale);
      for (const [, b] of areas)
        for (const [id, text] of Object.entries(b[locale])) assert.equal(BUNDLES[locale][id as never], text);
    }
  });

  test('every message is used: its id is written in server/src outside i18n', () => {
    const code = sources(join(ROOT, 'server', 'src'), (p) => p.endsWith(join('src', 'i18n')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(BUNDLES['zh-cn']).filter((id) => !new RegExp(`['"\`]${id}['"\`]`).test(code));
    assert.deepEqual(unused, []);
  });

  test('the translator fills placeholders once, keeps unknown ones, and unescapes braces', () => {
    assert.equal(format('{a}+{b}={a}', { a: 1, b: '{a}' }), '1+{a}=1');
    assert.equal(format('{a} {missing}', { a: 'x' }), 'x {missing}');
    assert.equal(format('{{a}} {a}}}', { a: 2 }), '{a} 2}');
    const zh = translator('zh-cn'),
      en = translator('en');
    assert.equal(zh('cliWritten', { path: 'a.html' }), '已生成：a.html');
    assert.equal(en('cliWritten', { path: 'a.html' }), 'written: a.html');
    assert.equal(zh('completionKeyTitle'), '标题（可选），默认为“{机关}{年度}年政府信息公开工作年度报告”');
  });
});

describe('texts built from the data and the messages', () => {
  const ids = TEMPLATES.map((tpl) => tpl.id);

  test("an invalid template value is told the registry's template ids", () => {
    const text = '---\ntemplate: [x]\nagency: 某局\nyear: 2024\nissued: 2025-01-20\n---\n';
    for (const locale of ['zh-cn', 'en'] as const) {
      const found = checkText(text, { locale }).filter((f) => f.code === 'front-matter');
      assert.deepEqual(
        found.map((f) => f.message),
        [translator(locale)('fmFieldInvalid', { field: 'template', expected: ids.join(' | ') })],
      );
    }
    assert.match(checkText(text)[0].message, /（应为 ogi-annual-2019 \| ogi-annual-2021）/);
  });

  test('the template key is documented with every template of the registry, the default first', () => {
    const doc = (locale: string) => {
      const items = complete(parseReport('---\n\n---\n'), { line: 1, character: 0 }, locale);
      const item = items.find((i) => i.label === 'template')!;
      assert.equal(item.detail, translator(locale === 'en' ? 'en' : 'zh-cn')('completionOptional'));
      return (item.documentation as { value: string }).value;
    };
    assert.equal(doc('zh-cn'), '模板：ogi-annual-2021（默认，2021年起）或 ogi-annual-2019（2019、2020年度）');
    assert.equal(doc('en'), 'Template: ogi-annual-2021 (default, 2021 on) or ogi-annual-2019 (2019, 2020)');
    for (const locale of ['zh-cn', 'en']) {
      const text = doc(locale);
      assert.deepEqual(
        ids.map((id) => text.includes(id)),
        ids.map(() => true),
      );
      assert.ok(text.indexOf(DEFAULT_TEMPLATE_ID) < Math.min(...ids.map((id) => text.indexOf(id))) + 1);
    }
  });

  test('the CLI help is bilingual by default and English with --locale en', async () => {
    const run = async (...argv: string[]) => {
      let out = '';
      const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (out += s) });
      return { code, out };
    };
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(
      help.out,
      /^ogi-report \S+ — 政府信息公开工作年度报告检查工具\n\n用法 \/ usage:\n {2}ogi-report check /,
    );
    assert.match(help.out, /退出码 \/ exit codes: 0 无错误 no errors/);
    assert.equal((await run('check', '--help')).out, help.out);
    const en = await run('check', '--help', '--locale', 'en');
    assert.equal(en.code, 0);
    assert.match(en.out, /^ogi-report \S+ — .*\n\nusage:\n {2}ogi-report check \[--format text\|json\|sarif\]/);
    assert.doesNotMatch(en.out, /[\u4e00-\u9fff]/);
  });
});

describe('client strings (VS Code l10n)', () => {
  const nls = { en: readJson('package.nls.json'), 'zh-cn': readJson('package.nls.zh-cn.json') } as Record<
    string,
    Record<string, string>
  >;

  test('package.nls.json and package.nls.zh-cn.json have the same keys, with the same placeholders', () => {
    assert.ok(Object.keys(nls.en).length > 20);
    assert.deepEqual(Object.keys(nls['zh-cn']).sort(), Object.keys(nls.en).sort());
    for (const [key, en] of Object.entries(nls.en)) {
      const zh = nls['zh-cn'][key];
      assert.deepEqual(indices(zh), indices(en), key);
      assert.ok(en.trim() && zh.trim(), `${key} is empty`);
      assert.ok(/[\u4e00-\u9fff]/.test(zh), `${key}: the Chinese text is not Chinese`);
    }
  });

  test('every %key% of the manifest is in both nls files, and every nls key is used', () => {
    const used = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 20);
    for (const [locale, bundle] of Object.entries(nls)) {
      assert.deepEqual(
        [...used].filter((k) => !(k in bundle)),
        [],
        `missing in ${locale}`,
      );
      assert.deepEqual(
        Object.keys(bundle).filter((k) => !used.has(k)),
        [],
        `unused in ${locale}`,
      );
    }
  });

  test('the commands carry the titles the brief names', () => {
    const title = pkg.contributes.commands.find((c) => c.command === 'ogiReport.newReport')!.title.slice(1, -1);
    assert.equal(nls.en[title], 'New OGI Report');
    assert.equal(nls['zh-cn'][title], '新建政府信息公开年报');
  });

  test('every vscode.l10n.t string of client/src has its zh-cn translation, with the same placeholders', () => {
    const strings = new Set<string>();
    for (const file of sources(join(ROOT, 'client', 'src'))) {
      const text = readFileSync(file, 'utf8');
      const calls = text.match(/l10n\.t\(/g)?.length ?? 0;
      const literals = [...text.matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)];
      // A message that is not a literal could not be checked here.
      assert.equal(literals.length, calls, `${file}: a vscode.l10n.t call without a string literal first`);
      for (const m of literals) strings.add((m[1] ?? m[2]).replace(/\\(['"\\])/g, '$1'));
    }
    assert.ok(strings.size > 5);
    const bundle = readJson(`${pkg.l10n.replace(/^\.\//, '')}/bundle.l10n.zh-cn.json`) as Record<string, string>;
    assert.deepEqual(
      [...strings].filter((s) => !(s in bundle)),
      [],
      'missing in the zh-cn bundle',
    );
    assert.deepEqual(
      Object.keys(bundle).filter((s) => !strings.has(s)),
      [],
      'unused in the zh-cn bundle',
    );
    for (const [en, zh] of Object.entries(bundle)) {
      assert.deepEqual(indices(zh), indices(en), `placeholders of "${en}"`);
      assert.ok(zh.trim(), `"${en}" is empty`);
    }
  });
});
