// "New OGI report" in the client against a stand-in `vscode` and a stand-in language client that
// answers ogiReport/templates and ogiReport/newReport (with the engine, as the server does): the
// questions and their defaults and validation, what is asked of the server, what is opened, and
// what happens when a question is dismissed or the server does not answer.
// The real client with the real server: test/grammar/extension.test.ts.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  newReportRequest,
  templatesRequest,
  type NewReportParams,
  type TemplatesResult,
} from '../../server/src/protocol';
import { newReportText, parseReport, templateSummaries } from '../../server/src/service';
import { installFakeVscode, type FakeVscode } from './fakeVscode';

type Command = typeof import('../../client/src/newReportCommand');

let fake: FakeVscode;
let command: Command;
before(() => {
  fake = installFakeVscode();
  command = require('../../client/src/newReportCommand');
});
after(() => fake.uninstall());

/** The requests the command sent, as [method, params]. */
let sent: [string, unknown][];
/** When set, the fake server answers this method with this error. */
let refuse: { method: string; error: Error } | undefined;
const server = {
  async sendRequest(type: { method: string }, params?: unknown): Promise<any> {
    sent.push([type.method, params]);
    // Over JSON: what the real server's answer looks like to the client.
    const wire = (value: unknown) => JSON.parse(JSON.stringify(value));
    if (refuse?.method === type.method) throw refuse.error;
    if (type.method === templatesRequest.method) return wire(templateSummaries()) as TemplatesResult;
    if (type.method === newReportRequest.method) return wire({ text: newReportText(params as NewReportParams) });
    throw new Error(`unexpected request ${type.method}`);
  },
};

beforeEach(() => {
  sent = [];
  refuse = undefined;
  fake.quickPickLabels.length = 0;
  fake.inputs.length = 0;
  fake.inputOptions.length = 0;
  fake.quickPicks.length = 0;
  fake.opened.length = 0;
  fake.messages.length = 0;
});

/** A local date at noon. */
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

describe('New OGI report', () => {
  test('offers the server’s templates, default first, and opens the text the server wrote', async () => {
    fake.quickPickLabels.push('ogi-annual-2021');
    fake.inputs.push(' 某某市人民政府 ', '2024');
    await command.newReport(server, day(2025, 2, 10));

    const [pick] = fake.quickPicks;
    assert.deepEqual(
      pick.items.map((i) => [i.label, i.description, i.detail]),
      [
        [
          'ogi-annual-2021',
          `${templateSummaries().templates.find((t) => t.id === 'ogi-annual-2021')!.basis} (default)`,
          `${templateSummaries().templates.find((t) => t.id === 'ogi-annual-2021')!.name} — for report years 2021 onwards`,
        ],
        [
          'ogi-annual-2019',
          templateSummaries().templates.find((t) => t.id === 'ogi-annual-2019')!.basis,
          `${templateSummaries().templates.find((t) => t.id === 'ogi-annual-2019')!.name} — for report years 2019–2020`,
        ],
      ],
    );
    assert.equal(pick.options.title, 'New OGI Report (1/3)');

    assert.deepEqual(sent, [
      ['ogiReport/templates', undefined],
      [
        'ogiReport/newReport',
        { templateId: 'ogi-annual-2021', agency: ' 某某市人民政府 ', year: 2024, today: '2025-02-10' },
      ],
    ]);
    assert.equal(fake.opened.length, 1);
    const [doc] = fake.opened;
    assert.equal(doc.language, 'ogi-report');
    assert.equal(
      doc.content,
      newReportText({ templateId: 'ogi-annual-2021', agency: '某某市人民政府', year: 2024, today: '2025-02-10' }),
    );
    const { data } = parseReport(doc.content!).frontMatter;
    assert.deepEqual(
      [data.template, data.agency, data.year, data.issued],
      ['ogi-annual-2021', '某某市人民政府', 2024, '2025-02-10'],
    );
    assert.deepEqual(fake.messages, []);
  });

  test('validates the agency and the year as typed; the year defaults to last year, capped by the template', async () => {
    fake.quickPickLabels.push('ogi-annual-2021');
    fake.inputs.push('某某县某某局', '2024');
    await command.newReport(server, day(2025, 1, 10));
    const [agencyBox, yearBox] = fake.inputOptions;
    assert.equal(agencyBox.validateInput!('  '), 'Enter the agency name.');
    assert.equal(agencyBox.validateInput!('某某县\n某某局'), 'The name must fit on one line.');
    assert.equal(agencyBox.validateInput!('某某县某某局'), undefined);
    assert.equal(yearBox.value, '2024');
    for (const bad of ['20x0', '2026', '2007', ''])
      assert.equal(yearBox.validateInput!(bad), 'Enter a year from 2008 to 2025.', bad);
    assert.deepEqual(yearBox.validateInput!('2020'), {
      message: 'ogi-annual-2021 is not the format for report year 2020.',
      severity: 2,
    });
    assert.equal(yearBox.validateInput!('2021'), undefined);
    assert.equal(yearBox.validateInput!(' 2025 '), undefined);

    fake.inputOptions.length = 0;
    fake.quickPickLabels.push('ogi-annual-2019');
    fake.inputs.push('某某县某某局', '2020');
    await command.newReport(server, day(2025, 1, 10));
    const [, yearBox2019] = fake.inputOptions;
    assert.equal(yearBox2019.value, '2020', 'the 2019 format defaults to its last year');
    assert.equal(yearBox2019.validateInput!('2023').severity, 2, 'a year the format is not for is a warning');
    assert.equal(yearBox2019.validateInput!('2019'), undefined);
    assert.deepEqual(sent.at(-1), [
      'ogiReport/newReport',
      { templateId: 'ogi-annual-2019', agency: '某某县某某局', year: 2020, today: '2025-01-10' },
    ]);
    assert.equal(parseReport(fake.opened.at(-1)!.content!).frontMatter.data.template, 'ogi-annual-2019');
  });

  test('a year the template is not for is still accepted (a warning only), as typed', async () => {
    fake.quickPickLabels.push('ogi-annual-2019');
    fake.inputs.push('某某县某某局', ' 2023 ');
    await command.newReport(server, day(2025, 1, 10));
    assert.deepEqual(sent.at(-1), [
      'ogiReport/newReport',
      { templateId: 'ogi-annual-2019', agency: '某某县某某局', year: 2023, today: '2025-01-10' },
    ]);
    assert.equal(fake.opened.length, 1);
  });

  test('asks nothing of the server and opens nothing once a question is dismissed', async () => {
    const dismissed = undefined as unknown as string;
    for (const [labels, inputs] of [
      [[dismissed], []],
      [['ogi-annual-2021'], [dismissed]],
      [['ogi-annual-2021'], ['某某县某某局', dismissed]],
    ] as [string[], string[]][]) {
      sent = [];
      fake.quickPickLabels.push(...labels);
      fake.inputs.push(...inputs);
      await command.newReport(server, day(2025, 1, 10));
      assert.deepEqual(
        sent.map(([method]) => method),
        ['ogiReport/templates'],
      );
    }
    assert.deepEqual(fake.opened, []);
    assert.deepEqual(fake.messages, []);
  });

  test('says so, and opens nothing, when the server does not answer', async () => {
    refuse = { method: 'ogiReport/templates', error: new Error('Client is not running') };
    fake.quickPickLabels.push('ogi-annual-2021');
    await command.newReport(server, day(2025, 1, 10));
    assert.deepEqual(fake.inputOptions, [], 'no question after the failed pick');
    assert.deepEqual(fake.messages, [
      ['error', 'New OGI Report needs the OGI Report language server, which did not answer: Client is not running'],
    ]);

    fake.messages.length = 0;
    refuse = {
      method: 'ogiReport/newReport',
      error: new Error('ogiReport/newReport: year must be a four-digit integer'),
    };
    fake.quickPickLabels.push('ogi-annual-2021');
    fake.inputs.push('某某县某某局', '2024');
    await command.newReport(server, day(2025, 1, 10));
    assert.deepEqual(fake.messages, [
      [
        'error',
        'New OGI Report needs the OGI Report language server, which did not answer: ogiReport/newReport: year must be a four-digit integer',
      ],
    ]);
    assert.deepEqual(fake.opened, []);
  });
});
