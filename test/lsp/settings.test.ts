// Settings (per resource, section `ogiReport`) and the message language, over the protocol.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DiagnosticSeverity,
  type CodeAction,
  type CompletionItem,
  type Hover,
  type InlayHint,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { startSession, type Session } from './harness';
import { CLEAN_2021, OpenDoc, SEED, cursor, lineOf, rangeOf, replaceOnce, type Diag } from './util';

const severityOf = (diagnostics: Diag[], code: string) => [
  ...new Set(diagnostics.filter((d) => d.code === code).map((d) => d.severity)),
];
const ENGLISH_TITLE =
  'Section title "五、存在的问题及改进情况" differs from the statutory wording "五、存在的主要问题及改进情况"';
const CHINESE_TITLE = '章节标题“五、存在的问题及改进情况”与法定表述不一致，应为“五、存在的主要问题及改进情况”';

async function withSession<T>(
  init: Parameters<typeof startSession>[0],
  settings: Parameters<typeof startSession>[1],
  body: (s: Session) => Promise<T>,
): Promise<T> {
  const session = await startSession(init, settings);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

test('severity: each level, and off drops the code', () =>
  withSession(
    {},
    {
      severity: {
        'section-title': 'error',
        'year-mismatch': 'off',
        'prose-mismatch': 'hint',
        'late-publication': 'information',
      },
    },
    async (session) => {
      const { diagnostics } = await OpenDoc.open(
        session,
        'severity',
        replaceOnce(SEED, 'issued: 2021-01-26', 'issued: 2021-02-26'),
      );
      assert.deepEqual(severityOf(diagnostics, 'section-title'), [DiagnosticSeverity.Error]);
      assert.deepEqual(severityOf(diagnostics, 'prose-mismatch'), [DiagnosticSeverity.Hint]);
      assert.deepEqual(severityOf(diagnostics, 'late-publication'), [DiagnosticSeverity.Information]);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'year-mismatch'),
        [],
      );
      assert.ok(
        session.configurationRequests.some((r) => r.section === 'ogiReport'),
        'settings are pulled under ogiReport',
      );
    },
  ));

test('severity: a settings change re-publishes the open documents with the new severity', () =>
  withSession({}, {}, async (session) => {
    const { doc, diagnostics } = await OpenDoc.open(session, 'change', SEED);
    assert.deepEqual(severityOf(diagnostics, 'section-title'), [DiagnosticSeverity.Warning]);
    session.configure({ severity: { 'section-title': 'error' } });
    const raised = await session.diagnostics(doc.uri);
    assert.deepEqual(severityOf(raised as Diag[], 'section-title'), [DiagnosticSeverity.Error]);
    session.configure({ severity: { 'section-title': 'off' } });
    const off = await session.diagnostics(doc.uri);
    assert.deepEqual(
      off.filter((d) => d.code === 'section-title'),
      [],
    );
    assert.equal(off.length, diagnostics.length - 1, 'the rest is unchanged');
    session.configure({});
    assert.deepEqual(
      severityOf((await session.diagnostics(doc.uri)) as Diag[], 'section-title'),
      [DiagnosticSeverity.Warning],
      'back to the default',
    );
  }));

test('severity: settings are per resource (scopeUri)', () =>
  withSession(
    {},
    (scopeUri: string | undefined) =>
      scopeUri?.includes('-strict')
        ? { severity: { 'section-title': 'error' } }
        : { severity: { 'section-title': 'off' } },
    async (session) => {
      const [strict, lax] = await Promise.all([
        OpenDoc.open(session, 'strict', SEED),
        OpenDoc.open(session, 'lax', SEED),
      ]);
      assert.deepEqual(severityOf(strict.diagnostics, 'section-title'), [DiagnosticSeverity.Error]);
      assert.deepEqual(
        lax.diagnostics.filter((d) => d.code === 'section-title'),
        [],
      );
      const scopes = session.configurationRequests.map((r) => r.scopeUri);
      assert.ok(
        scopes.includes(strict.doc.uri) && scopes.includes(lax.doc.uri),
        'asked once per document, with its URI',
      );
    },
  ));

test('severity off: no quick fix is offered for the silenced code', () =>
  withSession({}, { severity: { 'section-title': 'off' } }, async (session) => {
    const { doc } = await OpenDoc.open(session, 'off-fix', SEED);
    const heading = rangeOf(doc.text, '## 五、存在的问题及改进情况');
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri },
      range: heading,
      context: { diagnostics: [] },
    });
    assert.deepEqual(
      actions.filter((a) => a.kind === 'quickfix'),
      [],
    );
  }));

test('inlay hints: disabled by setting; re-enabled after a change, with a refresh request to the client', () =>
  withSession({}, { inlayHints: { enabled: false } }, async (session) => {
    const { doc } = await OpenDoc.open(session, 'hints', CLEAN_2021);
    const line = lineOf(doc.text, '  予以公开: [15, 4, 0, 1, 1, 0, 21]');
    const ask = () =>
      session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: doc.uri },
        range: { start: { line, character: 0 }, end: { line, character: 80 } },
      });
    assert.deepEqual(await ask(), []);
    const refresh = session.nextInlayHintRefresh();
    session.configure({ inlayHints: { enabled: true } });
    await refresh;
    assert.equal(session.inlayHintRefreshes, 1);
    assert.equal((await ask()).length, 7);
  }));

test('inlay hints: no refresh request to a client that does not support it', () =>
  withSession({ capabilities: { workspace: { configuration: true } } }, {}, async (session) => {
    const { doc } = await OpenDoc.open(session, 'no-refresh', SEED);
    session.configure({ inlayHints: { enabled: false } });
    // The server would send the refresh before re-checking the open documents: once they are re-published, it is too late.
    await session.diagnostics(doc.uri);
    assert.equal(session.inlayHintRefreshes, 0);
  }));

test('invalid settings fall back to the defaults, field by field', () =>
  withSession(
    {},
    { severity: { 'section-title': 'loud', 'prose-mismatch': 'error' }, locale: 'fr', inlayHints: 'yes' },
    async (session) => {
      const { doc, diagnostics } = await OpenDoc.open(session, 'invalid', SEED);
      assert.deepEqual(severityOf(diagnostics, 'section-title'), [DiagnosticSeverity.Warning]);
      assert.deepEqual(
        severityOf(diagnostics, 'prose-mismatch'),
        [DiagnosticSeverity.Error],
        'the valid field still applies',
      );
      assert.equal(diagnostics.find((d) => d.code === 'section-title')!.message, CHINESE_TITLE);
      const hints = await session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: doc.uri },
        range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      });
      assert.ok(hints.length > 0);
    },
  ));

test('a client without workspace/configuration: defaults, and never asked', () =>
  withSession({ capabilities: {} }, { severity: { 'section-title': 'off' } }, async (session) => {
    const { diagnostics } = await OpenDoc.open(session, 'no-config', SEED);
    assert.deepEqual(severityOf(diagnostics, 'section-title'), [DiagnosticSeverity.Warning]);
    assert.deepEqual(session.configurationRequests, []);
  }));

test('a client that cannot be asked but pushes its settings (didChangeConfiguration, as Neovim 0.7 does)', () =>
  withSession({ capabilities: {} }, {}, async (session) => {
    const { doc, diagnostics } = await OpenDoc.open(session, 'push', SEED);
    assert.deepEqual(severityOf(diagnostics, 'section-title'), [DiagnosticSeverity.Warning]);
    session.configure({ severity: { 'section-title': 'error' }, locale: 'en' });
    const pushed = (await session.diagnostics(doc.uri)) as Diag[];
    assert.deepEqual(severityOf(pushed, 'section-title'), [DiagnosticSeverity.Error]);
    assert.equal(pushed.find((d) => d.code === 'section-title')!.message, ENGLISH_TITLE);
    assert.deepEqual(session.configurationRequests, [], 'still never asked');
    session.configure({});
    assert.deepEqual(severityOf((await session.diagnostics(doc.uri)) as Diag[], 'section-title'), [
      DiagnosticSeverity.Warning,
    ]);
  }));

// ---- language ----

test('messages are Chinese by default (zh-cn client)', () =>
  withSession({}, {}, async (session) => {
    const { diagnostics } = await OpenDoc.open(session, 'zh', SEED);
    assert.equal(diagnostics.find((d) => d.code === 'section-title')!.message, CHINESE_TITLE);
  }));

test('messages are Chinese when the client names no locale', () =>
  withSession({ locale: undefined }, {}, async (session) => {
    const { diagnostics } = await OpenDoc.open(session, 'no-locale', SEED);
    assert.equal(diagnostics.find((d) => d.code === 'section-title')!.message, CHINESE_TITLE);
  }));

test('English client (InitializeParams.locale en-US): English messages, action titles, hovers and docs', () =>
  withSession({ locale: 'en-US' }, {}, async (session) => {
    const broken = replaceOnce(SEED, '  予以公开: [4, 0, 0, 0, 0, 0, 4]', '  予以公开: [4, 0, 0, 0, 0, 0, 3]');
    const { doc, diagnostics } = await OpenDoc.open(session, 'en', broken);
    assert.equal(diagnostics.find((d) => d.code === 'section-title')!.message, ENGLISH_TITLE);
    // Statutory names stay Chinese; the sentence around them is English.
    for (const d of diagnostics) assert.match(d.message, /\b[a-z]{3,} [a-z]{2,}\b/, `${d.code}: ${d.message}`);
    const total = diagnostics.find((d) => d.code === 'row-total')!;
    assert.match(total.message, /should be 4/);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc.uri },
      range: total.range,
      context: { diagnostics: [total] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Replace the total with 4', 'Fix all auto-fixable problems'],
    );
    const hover = await session.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: doc.uri },
      position: rangeOf(doc.text, '予以公开', { after: '本年度办理结果:' }).start,
    });
    assert.match((hover.contents as MarkupContent).value, /Legal basis：/);
    const { text, position } = cursor('---\nagency: 某某县交通运输局\n|\n---\n');
    const { doc: fm } = await OpenDoc.open(session, 'en-fm', text);
    const items = await session.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: fm.uri },
      position,
    });
    assert.match((items.find((i) => i.label === 'year')!.documentation as MarkupContent).value, /The report year/);
  }));

test('locale setting overrides the client: zh-cn on an English client, en on a Chinese one', async () => {
  await withSession({ locale: 'en' }, { locale: 'zh-cn' }, async (session) => {
    const { diagnostics } = await OpenDoc.open(session, 'force-zh', SEED);
    assert.equal(diagnostics.find((d) => d.code === 'section-title')!.message, CHINESE_TITLE);
  });
  await withSession({ locale: 'zh-cn' }, { locale: 'en' }, async (session) => {
    const { doc, diagnostics } = await OpenDoc.open(session, 'force-en', SEED);
    assert.equal(diagnostics.find((d) => d.code === 'section-title')!.message, ENGLISH_TITLE);
    // Switching back to auto follows the client again.
    session.configure({ locale: 'auto' });
    const again = (await session.diagnostics(doc.uri)) as Diag[];
    assert.equal(again.find((d) => d.code === 'section-title')!.message, CHINESE_TITLE);
  });
});
