// The checker's markdown-it instance makes its tokens with plain assignments (parse/markdown.ts):
// they must be exactly what a stock instance with the same rules makes — field by field, in the
// same order, with the same prototype — on every fixture and on Markdown of every block kind.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { blockParser, INLINE_CORE_RULES } from '../../server/src/parse/markdown';

const ROOT = join(__dirname, '..', '..');
const stock = new MarkdownIt({ html: false });
stock.core.ruler.disable(INLINE_CORE_RULES);

function reports(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ogi.md'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

const EVERY_BLOCK_KIND = [
  '# 标题\n\n段落一\n第二行\n\n标题二\n===\n\n---\n',
  '- 一\n- 二\n\n  续\n\n1. 甲\n2. 乙\n   - 嵌套\n',
  '> 引文\n> 第二行\n>\n> - 列表\n',
  '| 项目 | 数量 |\n| --- | ---: |\n| 予以公开 | 3 |\n| 部分公开 | 1 |\n',
  '    缩进代码\n\n```yaml\na: 1\n```\n\n~~~\n未闭合\n',
  '[参考]: https://example.org "标题"\n\n<div>html</div>\n\n*强调* `代码` 文字\n',
];

test("the checker's tokens equal a stock markdown-it instance's, field by field", () => {
  const texts = [...reports(join(ROOT, 'examples')), ...reports(join(ROOT, 'test', 'fixtures')), ...EVERY_BLOCK_KIND];
  assert.ok(texts.length > 100);
  let tokens = 0;
  for (const text of texts) {
    const ours = blockParser.parse(text, {});
    const theirs = stock.parse(text, {});
    assert.equal(ours.length, theirs.length);
    ours.forEach((token, k) => {
      assert.equal(Object.getPrototypeOf(token), Object.getPrototypeOf(theirs[k]));
      assert.deepEqual(Object.keys(token), Object.keys(theirs[k]));
      assert.deepEqual({ ...token }, { ...theirs[k] });
    });
    tokens += ours.length;
  }
  assert.ok(tokens > 5000, `tokens compared: ${tokens}`);
});

test("the plain tokens keep markdown-it's token methods", () => {
  const [token] = blockParser.parse('段落\n', {});
  token.attrSet('class', 'x');
  assert.equal(token.attrGet('class'), 'x');
  assert.equal(token.attrIndex('class'), 0);
});
