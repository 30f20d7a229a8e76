// "New OGI report" over the real protocol: ogiReport/templates lists the templates the client offers,
// ogiReport/newReport answers the engine's text for the user's answers, and bad params are refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import {
  newReportRequest,
  templatesRequest,
  type NewReportResult,
  type TemplatesResult,
} from '../../server/src/protocol';
import { checkText, newReportText, parseReport, templateSummaries } from '../../server/src/service';
import { type Session, useSession } from './harness';

let session: Session;
useSession((s) => (session = s));

test('ogiReport/templates: every template with its years and basis, and the default', async () => {
  const result = (await session.connection.sendRequest(templatesRequest.method)) as TemplatesResult;
  assert.equal(result.defaultId, 'ogi-annual-2021');
  assert.deepEqual(
    result.templates.map((t) => [t.id, t.firstYear, t.lastYear]),
    [
      ['ogi-annual-2019', 2019, 2020],
      ['ogi-annual-2021', 2021, undefined],
    ],
  );
  // Exactly what the engine says, names and legal bases included.
  assert.deepEqual(result, templateSummaries());
  for (const t of result.templates) assert.ok(t.name.length > 0 && t.basis.length > 0, t.id);
});

test('ogiReport/newReport: the whole text, with the agency trimmed and the issue date clipped into the window', async () => {
  const params = { templateId: 'ogi-annual-2021', agency: ' 某某市某某局 ', year: 2023, today: '2024-06-01' };
  const { text } = (await session.connection.sendRequest(newReportRequest.method, params)) as NewReportResult;
  assert.equal(text, newReportText(params));
  const { data } = parseReport(text).frontMatter;
  // A 局's deadline is 31 January: a later "today" gives the deadline.
  assert.deepEqual(
    [data.template, data.agency, data.year, data.issued],
    ['ogi-annual-2021', '某某市某某局', 2023, '2024-01-31'],
  );
  assert.match(text, /^本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。$/m);
  assert.deepEqual(
    checkText(text)
      .filter((f) => f.severity === 'error')
      .map((f) => f.code),
    [],
  );

  const y2019 = (await session.connection.sendRequest(newReportRequest.method, {
    templateId: 'ogi-annual-2019',
    agency: '某某局: 办公室',
    year: 2020,
    today: '2021-01-20',
  })) as NewReportResult;
  const back = parseReport(y2019.text).frontMatter.data;
  assert.deepEqual(
    [back.template, back.agency, back.issued],
    ['ogi-annual-2019', '某某局: 办公室', '2021-01-20'],
    'a name YAML would misread is quoted',
  );
  assert.match(y2019.text, /^## 六、其他需要报告的事项$/m);
});

test('ogiReport/newReport refuses params it cannot make a report of, with InvalidParams', async () => {
  const good = { templateId: 'ogi-annual-2021', agency: '某某市某某局', year: 2024, today: '2025-01-20' };
  for (const [bad, why] of [
    [{ ...good, agency: '  ' }, /agency/],
    [{ ...good, agency: '某某市\n某某局' }, /agency/],
    [{ ...good, year: 2024.5 }, /year/],
    [{ ...good, year: '2024' }, /year/],
    [{ ...good, today: '2025-1-20' }, /today/],
    [{ ...good, templateId: undefined }, /templateId/],
    [null, /templateId/],
  ] as const) {
    await assert.rejects(
      session.connection.sendRequest(newReportRequest.method, bad),
      (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams && why.test(e.message),
      JSON.stringify(bad),
    );
  }
  // The server is still there, and answers good params.
  const { text } = (await session.connection.sendRequest(newReportRequest.method, good)) as NewReportResult;
  assert.equal(parseReport(text).frontMatter.data.issued, '2025-01-20');
});
