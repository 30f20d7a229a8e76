// The packaged extension in a real VS Code workbench (code-server), used as an author uses it:
// the Problems panel, typing a wrong total, completion, hover, a quick fix, and the live preview.
// Each step leaves a screenshot in test-artifacts/e2e/; a failing step leaves one named FAILED-….
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { waitFor, type Workbench, useWorkbench, step, quickOpen } from './codeServer';

const DRAFT = `---
agency: 某某县交通运输局
year: 2024
issued: 2025-01-20
---

## 三、收到和处理政府信息公开申请情况

\`\`\`yaml
本年度办理结果:
  予以公开: [0, 0, 0, 0, 0, 0, 0]

\`\`\`
`;

let wb: Workbench;
let page: Page;
useWorkbench({ files: { 'draft.ogi.md': DRAFT } }, (w) => {
  wb = w;
  page = w.page;
});

async function goToLine(line: number) {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
}

/** Focuses the editor, goes to a line, then presses the given keys (e.g. 'End', 'ArrowLeft'). */
async function cursorTo(line: number, ...keys: string[]) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await goToLine(line);
  for (const key of keys) await page.keyboard.press(key);
}

async function problems(): Promise<string[]> {
  return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

/** Filters the Problems panel (its list only renders the rows in view) and waits for a matching row. */
async function problemWith(code: string, present = true) {
  const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
  await filter.fill(code);
  await waitFor(
    async () => (await problems()).some((t) => t.includes(code)) === present,
    60_000,
    `${code} ${present ? 'in' : 'gone from'} Problems`,
  );
  const rows = await problems();
  await filter.fill('');
  return rows;
}

test("the Problems panel lists the seed report's findings with their codes", { timeout: 180_000 }, async () => {
  await step(wb, '01-problems', async () => {
    await quickOpen(page, 'jingzhi-2020.ogi.md');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
    const titleRows = (await problemWith('section-title')).join('\n');
    assert.match(titleRows, /五、存在的主要问题及改进情况/);
    assert.match(titleRows, /ogi-report\s*\(?section-title/); // the parentheses are CSS
    for (const code of ['prose-mismatch', 'year-mismatch']) await problemWith(code);
  });
});

test(
  'typing a wrong total makes a row-total error appear, and its quick fix clears it',
  { timeout: 180_000 },
  async () => {
    await step(wb, '02-wrong-total', async () => {
      // Line 108: 本年新收政府信息公开申请数量: [5, 0, 0, 0, 0, 0, 5] — replace the total's 5.
      await cursorTo(108, 'End', 'ArrowLeft', 'Backspace');
      await page.keyboard.type('6');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
      await problemWith('row-total');
    });
    await step(wb, '03-quick-fix', async () => {
      await cursorTo(108, 'End', 'ArrowLeft', 'ArrowLeft', 'Control+.');
      // The UI runs in English here, so the server answers in English (Chinese in a Chinese UI).
      await page
        .getByText(/将总计改为 5|Replace the total with 5/)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter'); // the only (and preferred) fix is focused
      await problemWith('row-total', false);
      const line = await page
        .locator('.monaco-editor .view-line', { hasText: '本年新收政府信息公开申请数量' })
        .first()
        .innerText();
      // The view line also shows the inlay hints (column names): leave them out.
      assert.match(line.replace(/\u00a0/g, ' ').replace(/[\u4e00-\u9fff]+[:：…]\s*/g, ''), /\[5, 0, 0, 0, 0, 0, 5\]/);
    });
  },
);

test('hover on a row key shows its legal basis', { timeout: 120_000 }, async () => {
  await step(wb, '04-hover', async () => {
    await cursorTo(111, 'Home', 'ArrowRight', 'ArrowRight', 'ArrowRight'); // inside "  予以公开"
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover-content', { hasText: '条例第三十六条' });
    await hover.first().waitFor({ timeout: 30_000 });
    assert.match(await hover.first().innerText(), /予以公开/);
    await page.keyboard.press('Escape');
  });
});

test('completion offers the statutory names missing at a row position', { timeout: 120_000 }, async () => {
  await step(wb, '05-completion', async () => {
    await quickOpen(page, 'draft.ogi.md');
    await goToLine(12); // the empty line inside 本年度办理结果
    await page.keyboard.press('End');
    await page.keyboard.type('  ');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget .monaco-list-row');
    await widget.first().waitFor({ timeout: 30_000 });
    const labels = (await widget.allInnerTexts()).join('\n');
    assert.match(labels, /部分公开/);
    assert.match(labels, /不予公开/);
    assert.doesNotMatch(labels, /予以公开\n/, 'a name already present is not offered');
    await page.keyboard.press('Escape');
  });
});

async function previewFrame(): Promise<Frame> {
  let found: Frame | undefined;
  await waitFor(
    async () => {
      for (const f of page.frames()) {
        if (
          await f
            .locator('table.ogi-table-requests')
            .count()
            .catch(() => 0)
        ) {
          found = f;
          return true;
        }
      }
      return false;
    },
    60_000,
    'the preview webview to show the tables',
  );
  return found!;
}

test('the preview shows the rendered tables and follows an edit', { timeout: 180_000 }, async () => {
  let frame!: Frame;
  await step(wb, '06-preview', async () => {
    await quickOpen(page, 'jingzhi-2020.ogi.md');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('V');
    frame = await previewFrame();
    assert.match(await frame.locator('table.ogi-table-requests').innerText(), /本年度办理结果/);
    assert.match(await frame.locator('h1').first().innerText(), /景芝镇人民政府2020年政府信息公开工作年度报告/);
  });
  await step(wb, '07-preview-after-edit', async () => {
    // Change 予以公开's 自然人 from 4 to 3 in the editor.
    await cursorTo(110, 'Home', 'Control+F');
    await page.keyboard.type('予以公开: [4');
    await page.keyboard.press('Escape');
    // Keys pressed while the find widget is still closing go to it, not to the editor: wait for it.
    await page.locator('.find-widget.visible').waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    // The edit itself first (with the inlay hints left out), so a lost key fails here, not as a stale preview.
    await waitFor(
      async () => {
        const line = await page
          .locator('.monaco-editor .view-line', { hasText: '予以公开' })
          .first()
          .innerText()
          .catch(() => '');
        return /\[3, 0,/.test(line.replace(/\u00a0/g, ' ').replace(/[\u4e00-\u9fff]+[:：…]\s*/g, '')); // the line may wrap
      },
      10_000,
      'the editor to show the edited 3',
    );
    await waitFor(
      async () => {
        const text = await frame
          .locator('table.ogi-table-requests tr', { hasText: '予以公开' })
          .first()
          .innerText()
          .catch(() => '');
        return /\b3\b/.test(text);
      },
      30_000,
      'the preview to show the edited 3',
    );
  });
});
