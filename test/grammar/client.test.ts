// The editor-free parts of the VS Code client: the "New OGI report" year defaults and validation
// (the text and the issue date are the engine's: test/engine/newReport.test.ts), and the restart
// policy for a crashing server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultYear, isoDate, parseYear, templateFitsYear } from '../../client/src/newReport';
import { RestartPolicy } from '../../client/src/restartPolicy';
import type { TemplateInfo } from '../../server/src/protocol';
import { templateSummaries } from '../../server/src/service';

// The templates as the server sends them (ogiReport/templates): plain data, no lastYear key when open-ended.
const templates = JSON.parse(JSON.stringify(templateSummaries().templates)) as TemplateInfo[];
const t2019 = templates.find((t) => t.id === 'ogi-annual-2019')!;
const t2021 = templates.find((t) => t.id === 'ogi-annual-2021')!;
const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

describe('new report defaults', () => {
  test('the year is last year, capped by the years a template is for', () => {
    assert.equal(defaultYear(t2021, day('2025-01-10')), 2024);
    assert.equal(defaultYear(t2019, day('2025-01-10')), 2020);
    assert.equal(defaultYear(t2019, day('2020-01-10')), 2019);
  });

  test('a typed year must be a plausible report year', () => {
    const today = day('2025-01-10');
    assert.equal(parseYear(' 2023 ', today), 2023);
    assert.equal(parseYear('2025', today), 2025);
    for (const bad of ['', '23', '2026', '2007', '二〇二三', '2023年', '20230'])
      assert.equal(parseYear(bad, today), undefined, bad);
    assert.ok(templateFitsYear(t2019, 2020) && !templateFitsYear(t2019, 2021));
    assert.ok(templateFitsYear(t2021, 2030) && !templateFitsYear(t2021, 2020));
  });

  test("today is sent as the user's local date", () => {
    assert.equal(isoDate(new Date(2025, 0, 5, 0, 0)), '2025-01-05');
    assert.equal(isoDate(new Date(2024, 11, 31, 23, 59)), '2024-12-31');
  });
});

describe('restart policy', () => {
  test('restarts at most `max` times within the window, again once old crashes leave it, and after a reset', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    for (let i = 1; i <= 4; i++) {
      now += 1000;
      assert.equal(policy.crashed(), true, `crash ${i}`);
    }
    now += 1000;
    assert.equal(policy.crashed(), false, 'crash 5 within 3 minutes');
    assert.equal(policy.recent, 5);
    now += 180_000;
    assert.equal(policy.crashed(), true, 'the earlier crashes are out of the window');
    assert.equal(policy.recent, 1);
    for (let i = 0; i < 4; i++) policy.crashed();
    assert.equal(policy.crashed(), false);
    policy.reset();
    assert.equal(policy.crashed(), true);
  });
});
