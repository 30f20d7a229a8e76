// Fixture-driven engine tests, in the markdownlint style: every fixture under test/fixtures marks the
// findings it expects on the line they belong to, and the engine must report exactly those.
//   `<!-- expect: code[, code…] -->` at the end of a Markdown line, `# expect: code` at the end of a
//   YAML line. Markers are removed before checking, so they never change what is checked.
//   A fixture without markers is clean: it must produce zero findings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../server/src/service';

const ROOT = join(__dirname, '..', 'fixtures');
const MARKER = /[ \t]*(?:<!--\s*expect:\s*([\w\s,-]+?)\s*-->|#\s*expect:\s*([\w\s,-]+?))[ \t]*(?=\r?$)/;

export function readFixture(text: string): { text: string; expected: string[] } {
  const expected: string[] = [];
  const lines = text.split('\n').map((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return line;
    for (const code of (m[1] ?? m[2])
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean))
      expected.push(`${i + 1}:${code}`);
    return line.slice(0, m.index) + line.slice(m.index + m[0].length);
  });
  return { text: lines.join('\n'), expected: expected.sort() };
}

function* fixtureFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* fixtureFiles(path);
    else if (name.endsWith('.ogi.md')) yield path;
  }
}

for (const file of fixtureFiles(ROOT)) {
  test(`fixture ${relative(ROOT, file)}`, () => {
    const { text, expected } = readFixture(readFileSync(file, 'utf8'));
    const findings = checkText(text);
    const actual = findings.map((f) => `${f.range.start.line + 1}:${f.code}`).sort();
    assert.deepEqual(
      actual,
      expected,
      findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`).join('\n'),
    );
  });
}
