// Protocol torture: thousands of random incremental edits, requests sent out of order and cancelled,
// requests for unknown documents and with malformed params. The server must never die, and its final
// diagnostics must equal a fresh check of the final text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/service';
import { fileUri, startSession, type Session } from '../lsp/harness';

const EDITS = Number(process.env.TORTURE_EDITS ?? 3000);
const SEED_TEXT = readFileSync(join(__dirname, '..', '..', 'examples', 'clean-2021.ogi.md'), 'utf8');
const PIECES = [
  '',
  '0',
  '1',
  '总计',
  '予以公开',
  ': ',
  '[',
  ']',
  '\n',
  '  ',
  '## ',
  '```',
  '---',
  '其中3件',
  '共',
  '\u0000',
  '\uD800',
  'x',
];

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

let session: Session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session.close();
});

test(
  `${EDITS} random incremental edits with interleaved, cancelled and malformed requests`,
  { timeout: 10 * 60_000 },
  async () => {
    const random = prng(Number(process.env.TORTURE_SEED ?? 20261126));
    const uri = fileUri('torture.ogi.md');
    let doc = TextDocument.create(uri, 'ogi-report', 1, SEED_TEXT);
    session.open(uri, doc.getText(), 1);
    const pending: Promise<unknown>[] = [];
    const { connection } = session;
    const randomPosition = () => doc.positionAt(Math.floor(random() * (doc.getText().length + 1)));
    for (let i = 0; i < EDITS; i++) {
      const text = doc.getText();
      const a = Math.floor(random() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(random() * 6));
      const change = {
        range: { start: doc.positionAt(a), end: doc.positionAt(b) },
        text: PIECES[Math.floor(random() * PIECES.length)],
      };
      doc = TextDocument.update(doc, [change], doc.version + 1);
      session.change(uri, doc.version, [change]);
      const roll = random();
      // Requests fired without waiting: they race the edits (out of order with respect to versions).
      if (roll < 0.05)
        pending.push(
          connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: randomPosition() }),
        );
      else if (roll < 0.1)
        pending.push(
          connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: randomPosition() }),
        );
      else if (roll < 0.12)
        pending.push(
          connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: randomPosition(), end: randomPosition() },
            context: { diagnostics: [] },
          }),
        );
      else if (roll < 0.14) {
        // A request cancelled right after it was sent.
        const source = new (await import('vscode-languageserver-protocol')).CancellationTokenSource();
        pending.push(
          connection
            .sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token)
            .catch((e) => e),
        );
        source.cancel();
      } else if (roll < 0.15)
        pending.push(
          connection.sendRequest('textDocument/hover', {
            textDocument: { uri: fileUri('never-opened.ogi.md') },
            position: { line: 0, character: 0 },
          }),
        );
      else if (roll < 0.16) {
        // Malformed params: missing fields, wrong types, absurd positions. An error reply is fine; death is not.
        const malformed = [
          {},
          { textDocument: 5 },
          { textDocument: { uri }, position: { line: -4, character: 1e9 } },
          { textDocument: { uri }, range: null, context: null },
        ];
        const method = [
          'textDocument/hover',
          'textDocument/completion',
          'textDocument/codeAction',
          'textDocument/foldingRange',
        ][Math.floor(random() * 4)];
        pending.push(
          connection.sendRequest(method, malformed[Math.floor(random() * malformed.length)]).catch((e) => e),
        );
      }
    }
    const results = await Promise.all(pending.map((p) => p.catch((e) => e)));
    assert.equal(results.length, pending.length);
    const finalVersion = doc.version;
    const diagnostics = await session.diagnostics(uri, (_d, version) => version === finalVersion);
    assert.equal(session.process.exitCode, null, 'the server died');
    const expected = checkText(doc.getText()).map((f) => ({ code: f.code, message: f.message, range: f.range }));
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range })),
      expected,
    );
    // Still answering.
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  },
);
