// README.md is packaged into the VSIX (npm run package) without a repository URL, so vsce refuses any
// relative image or link in it: those stay between <!-- not-in-vsix --> markers, which the packaged
// copy leaves out (scripts/vsixReadme.mjs), and the images they show exist.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { vsixReadme } from '../../scripts/vsixReadme.mjs';

const ROOT = join(__dirname, '..', '..');

/** Markdown links and images whose target is not absolute (http(s):, mailto:) nor an anchor. */
const relativeTargets = (text: string) =>
  [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^(https?:|mailto:|#)/.test(target));

test('the packaged README has no relative image or link; the repository README shows its images', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const images = relativeTargets(readme);
  assert.ok(images.includes('docs/images/word-export-clean-2021-p5.png'), images.join(' '));
  for (const image of images) assert.ok(existsSync(join(ROOT, image)), image);
  const packaged = vsixReadme(readme);
  assert.deepEqual(relativeTargets(packaged), []);
  assert.ok(packaged.includes('### The Word document'), 'only the marked parts are left out');
  assert.equal(readme.split('<!-- not-in-vsix -->').length, readme.split('<!-- /not-in-vsix -->').length);
});
