// The extension through the `vscode` API, in a real VS Code (desktop via @vscode/test-electron, or
// code-server through the payload URL). Every wait is on an event, never a sleep.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ogi-report.ogi-report';

/** Resolves with the document's diagnostics once `accept` holds for them. */
function diagnosticsOf(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) {
        sub.dispose();
        resolve(d);
      }
    });
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function openExample(name: string): Promise<vscode.TextDocument> {
  const [file] = await vscode.workspace.findFiles(name);
  assert.ok(file, `${name} is in the workspace`);
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'ogi-report');
  return doc;
}

suite('ogi-report in VS Code', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
  });

  test('the seed report gets its findings, with codes and the ogi-report source', async () => {
    const doc = await openExample('jingzhi-2020.ogi.md');
    const diagnostics = await diagnosticsOf(doc.uri, (d) => d.some((x) => codeOf(x) === 'section-title'));
    const codes = new Set(diagnostics.map(codeOf));
    for (const c of ['section-title', 'prose-mismatch', 'year-mismatch']) assert.ok(codes.has(c), c);
    assert.ok(diagnostics.every((d) => d.source === 'ogi-report'));
    const title = diagnostics.find((d) => codeOf(d) === 'section-title')!;
    assert.equal(title.range.start.line, 146);
  });

  test('completion at a heading offers the statutory section titles', async () => {
    const doc = await openExample('jingzhi-2020.ogi.md');
    const line = doc.lineAt(146); // "## 五、存在的问题及改进情况"
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(146, 3),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('五、存在的主要问题及改进情况'), `${line.text}: ${labels.join(' | ')}`);
  });

  test('hover on a row key gives its legal basis', async () => {
    const doc = await openExample('jingzhi-2020.ogi.md');
    const lineNo = [...Array(doc.lineCount).keys()].find((l) => doc.lineAt(l).text.startsWith('  予以公开:'))!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(lineNo, 4),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /条例第三十六条/);
  });

  test('a wrong total is reported, and its quick fix clears it', async () => {
    const doc = await openExample('jingzhi-2020.ogi.md');
    const lineNo = [...Array(doc.lineCount).keys()].find((l) =>
      doc.lineAt(l).text.startsWith('本年新收政府信息公开申请数量'),
    )!;
    const text = doc.lineAt(lineNo).text;
    const at = text.lastIndexOf('5');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(lineNo, at, lineNo, at + 1), '6');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [total] = (await diagnosticsOf(doc.uri, (d) => d.some((x) => codeOf(x) === 'row-total'))).filter(
      (x) => codeOf(x) === 'row-total',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      total.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find(
      (a) => a.edit && a.kind?.value === 'quickfix' && /将总计改为 5|Replace the total with 5/.test(a.title),
    );
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await diagnosticsOf(doc.uri, (d) => !d.some((x) => codeOf(x) === 'row-total'));
    assert.equal(doc.lineAt(lineNo).text, text);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the preview and export commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of [
      'ogiReport.showPreview',
      'ogiReport.showPreviewToSide',
      'ogiReport.exportHtml',
      'ogiReport.exportDocx',
      'ogiReport.exportPdf',
      'ogiReport.newReport',
    ])
      assert.ok(commands.includes(c), c);
  });

  test('Export to Word writes the Word document beside the report', async () => {
    const doc = await openExample('clean-2021.ogi.md');
    const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('ogiReport.exportDocx');
    assert.ok(target, 'exported');
    try {
      assert.equal(target.path, doc.uri.path.replace(/\.ogi\.md$/, '.docx'));
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK', 'a zip package');
      assert.ok(bytes.length > 10_000);
    } finally {
      await vscode.workspace.fs.delete(target);
    }
  });
});
