// Fixture-driven engine tests, in the markdownlint style: every fixture under test/fixtures marks the
// findings it expects on the line they belong to, and the engine must report exactly those.
//   `<!-- expect: code[, code…] -->` at the end of a Markdown line, `# expect: code` at the end of a
//   YAML line. Markers are removed before checking, so they never change what is checked.
//   A fixture without markers is clean: it must produce zero findings.
// A folder named `*.years` holds reports of several years, checked together (FORMAT.md §9): each with
// the facts of the others to look up, as the CLI checks its inputs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { test } from 'node:test';
import { checkReport, checkText, extractFacts, FactsStore, parseReport } from '../../server/src/service';

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

const reports = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ogi.md'))
    .sort()
    .map((name) => join(dir, name));

/** Single fixtures, and the folders of several years (`*.years`). */
function* fixtures(dir: string): Generator<{ file: string } | { group: string }> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name.endsWith('.years')) yield { group: path };
      else yield* fixtures(path);
    } else if (name.endsWith('.ogi.md')) yield { file: path };
  }
}

const described = (findings: ReturnType<typeof checkText>) =>
  findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`).join('\n');
const codesAtLines = (findings: ReturnType<typeof checkText>) =>
  findings.map((f) => `${f.range.start.line + 1}:${f.code}`).sort();

for (const fixture of fixtures(ROOT)) {
  if ('file' in fixture) {
    test(`fixture ${relative(ROOT, fixture.file)}`, () => {
      const { text, expected } = readFixture(readFileSync(fixture.file, 'utf8'));
      const findings = checkText(text);
      assert.deepEqual(codesAtLines(findings), expected, described(findings));
    });
    continue;
  }
  test(`fixtures ${relative(ROOT, fixture.group)}/ checked together`, () => {
    const files = reports(fixture.group);
    assert.ok(files.length >= 2, 'a folder of years holds several reports');
    const store = new FactsStore();
    const read = files.map((file) => {
      const { text, expected } = readFixture(readFileSync(file, 'utf8'));
      const report = parseReport(text);
      store.set(extractFacts(report, file, basename(file)));
      return { file, report, expected };
    });
    for (const { file, report, expected } of read) {
      const findings = checkReport(report, { lookup: store.lookup });
      assert.deepEqual(codesAtLines(findings), expected, `${basename(file)}:\n${described(findings)}`);
      // Each alone: no finding across years, and the others as they were.
      const alone = checkReport(report).filter((f) => f.code === 'carry-over' || f.code === 'stock-continuity');
      assert.deepEqual(alone, [], `${basename(file)} alone`);
    }
  });
}
