// The extension manifest and its companions: the settings match what the server reads (one severity
// per FORMAT.md §6 code, generated from the rule list by scripts/gen-manifest.ts: no drift), every
// contributed file exists, the language configuration is sound. Its localisation (package.nls*.json,
// client/l10n) is checked with the server's messages in test/engine/i18n.test.ts.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generatedFiles, manifestText, nlsText } from '../../scripts/gen-manifest';
import { SEVERITY_LEVELS, parseSettings } from '../../server/src/lsp/settings';
import { CODES, RULES } from '../../server/src/rules';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, Record<string, string>> = {
  en: JSON.parse(read('package.nls.json')),
  'zh-cn': JSON.parse(read('package.nls.zh-cn.json')),
};

describe('settings', () => {
  const props = pkg.contributes.configuration.properties;

  test('ogiReport.severity has one property per finding code, each off|hint|information|warning|error', () => {
    const severity = props['ogiReport.severity'];
    assert.equal(severity.type, 'object');
    assert.equal(severity.scope, 'resource');
    assert.deepEqual(Object.keys(severity.properties), [...CODES]);
    for (const code of CODES)
      assert.deepEqual(severity.properties[code].enum, ['off', 'hint', 'information', 'warning', 'error']);
  });

  test("each code's description states the rule's default severity", () => {
    for (const rule of RULES)
      assert.ok(nls.en[`configuration.severity.${rule.code}`].includes(`(default: ${rule.severity})`), rule.code);
  });

  test('the server reads exactly the codes of the setting, each at every level', () => {
    const codes = Object.keys(props['ogiReport.severity'].properties);
    for (const level of SEVERITY_LEVELS) {
      const all = Object.fromEntries(codes.map((code) => [code, level]));
      assert.deepEqual(parseSettings({ severity: { ...all, 'no-such-code': level } }).severity, all, level);
    }
  });

  test("the defaults are the server's defaults", () => {
    const defaults = {
      severity: props['ogiReport.severity'].default,
      inlayHints: { enabled: props['ogiReport.inlayHints.enabled'].default },
      locale: props['ogiReport.locale'].default,
    };
    assert.deepEqual(parseSettings(defaults), parseSettings({}));
    assert.deepEqual(props['ogiReport.locale'].enum, ['auto', 'zh-cn', 'en']);
    for (const p of Object.values(props) as { scope: string }[]) assert.equal(p.scope, 'resource');
  });
});

describe('the severity setting, generated from the rule list', () => {
  test('package.json and both nls files are what scripts/gen-manifest.ts writes (run it after changing a rule)', () => {
    for (const { file, current, text } of generatedFiles()) assert.equal(current, text, file);
  });

  test('the generator restores a drifted manifest and leaves the rest of it as it is', () => {
    const current = read('package.json');
    const drifted = JSON.parse(current);
    const severity = drifted.contributes.configuration.properties['ogiReport.severity'];
    delete severity.properties.balance;
    severity.properties['gone-code'] = { type: 'string' };
    severity.properties['row-total'].enum = ['off', 'error'];
    assert.equal(manifestText(JSON.stringify(drifted)), current);
    drifted.contributes.configuration.title = 'changed';
    assert.ok(manifestText(JSON.stringify(drifted)).includes('"title": "changed"'));
  });

  test('the generator restores drifted nls files, keeping their other keys and their place', () => {
    for (const [language, file] of [
      ['en', 'package.nls.json'],
      ['zh-cn', 'package.nls.zh-cn.json'],
    ] as const) {
      const current = read(file);
      const drifted: Record<string, string> = JSON.parse(current);
      delete drifted['configuration.severity.balance'];
      drifted['configuration.severity.gone-code'] = 'stale';
      drifted['configuration.severity.row-total'] = 'edited by hand';
      assert.equal(nlsText(JSON.stringify(drifted), language), current, language);
    }
  });

  test('both nls files have the same keys in the same order', () => {
    assert.deepEqual(Object.keys(nls['zh-cn']), Object.keys(nls.en));
  });
});

describe('contributions', () => {
  test('activation, entry point and capabilities', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:ogi-report']);
    assert.equal(pkg.main, './dist/client.js');
    assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: false });
    assert.deepEqual(pkg.contributes.languages[0].extensions, ['.ogi.md']);
  });

  test('every contributed file exists', () => {
    const [language] = pkg.contributes.languages;
    const files = [
      pkg.icon,
      language.configuration,
      language.icon.light,
      language.icon.dark,
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      'LICENSE',
      'README.md',
      '.vscodeignore',
    ];
    for (const f of files) assert.ok(existsSync(join(ROOT, f)), f);
  });

  test('the icon is a 128×128 PNG', () => {
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });
});

describe('language configuration', () => {
  const config = JSON.parse(read('language-configuration.json'));

  test('HTML comments and the Chinese bracket pairs', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
    for (const pair of [
      ['（', '）'],
      ['「', '」'],
      ['“', '”'],
    ]) {
      assert.ok(
        config.brackets.some((b: string[]) => b.join() === pair.join()),
        pair.join(),
      );
      assert.ok(
        config.autoClosingPairs.some((p: { open: string; close: string }) => p.open === pair[0] && p.close === pair[1]),
        pair.join(),
      );
    }
    assert.ok(new RegExp(config.folding.markers.start).test('<!-- #region 附件 -->'));
    assert.ok(new RegExp(config.folding.markers.end).test('<!-- #endregion -->'));
  });

  test('the word pattern keeps names and statutory keys whole', () => {
    const word = new RegExp(config.wordPattern.pattern, config.wordPattern.flags);
    const words = (s: string) => s.match(word) ?? [];
    assert.deepEqual(words('agency: 安丘市景芝镇人民政府'), ['agency', '安丘市景芝镇人民政府']);
    assert.deepEqual(words('第二十条第（一）项:'), ['第二十条第（一）项']);
    assert.deepEqual(words('危及“三安全一稳定”: [0, 1]'), ['危及“三安全一稳定”', '0', '1']);
    assert.deepEqual(words('本年增/减: -3'), ['本年增/减', '-3']);
    assert.deepEqual(words('template: ogi-annual-2021 issued: 2021-01-26 金额 2.5'), [
      'template',
      'ogi-annual-2021',
      'issued',
      '2021-01-26',
      '金额',
      '2.5',
    ]);
  });
});
