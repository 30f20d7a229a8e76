// "New OGI report": asks template, agency and year, then opens an untitled report. The templates and
// the text come from the language server (ogiReport/templates, ogiReport/newReport); this file only
// asks the questions.
import * as vscode from 'vscode';
import type { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { newReportRequest, templatesRequest, type TemplateInfo } from '../../server/src/protocol';
import { FIRST_REPORT_YEAR, defaultYear, isoDate, parseYear, templateFitsYear } from './newReport';

/** The part of the language client the command uses (a stand-in in tests). */
export interface Requests {
  sendRequest<R>(type: RequestType0<R, void>): Promise<R>;
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
}

const LANGUAGE_ID = 'ogi-report';

/** Asks template, agency and year, then opens an untitled report filled with the statutory skeleton. */
export async function newReport(server: Requests, today = new Date()): Promise<void> {
  const title = vscode.l10n.t('New OGI Report');
  // The quick pick shows at once, busy until the server (perhaps still starting) answers.
  const items = server.sendRequest(templatesRequest).then(({ templates, defaultId }) =>
    [...templates]
      .sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId))
      .map((template) => ({
        label: template.id,
        description: template.id === defaultId ? vscode.l10n.t('{0} (default)', template.basis) : template.basis,
        detail:
          template.lastYear === undefined
            ? vscode.l10n.t('{0} — for report years {1} onwards', template.name, template.firstYear)
            : vscode.l10n.t('{0} — for report years {1}–{2}', template.name, template.firstYear, template.lastYear),
        template,
      })),
  );
  let picked: { template: TemplateInfo } | undefined;
  try {
    picked = await vscode.window.showQuickPick(items, {
      title: `${title} (1/3)`,
      placeHolder: vscode.l10n.t('Statutory format of the report'),
      ignoreFocusOut: true,
    });
  } catch (e) {
    return failed(e);
  }
  if (!picked) return;
  const { template } = picked;

  const agency = await vscode.window.showInputBox({
    title: `${title} (2/3)`,
    prompt: vscode.l10n.t('Full name of the reporting agency'),
    placeHolder: vscode.l10n.t('e.g. 安丘市景芝镇人民政府'),
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim() === ''
        ? vscode.l10n.t('Enter the agency name.')
        : /[\r\n]/.test(value)
          ? vscode.l10n.t('The name must fit on one line.')
          : undefined,
  });
  if (agency === undefined) return;

  const yearText = await vscode.window.showInputBox({
    title: `${title} (3/3)`,
    prompt: vscode.l10n.t('Report year (the calendar year the report covers)'),
    value: String(defaultYear(template, today)),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const year = parseYear(value, today);
      if (year === undefined)
        return vscode.l10n.t('Enter a year from {0} to {1}.', FIRST_REPORT_YEAR, today.getFullYear());
      if (!templateFitsYear(template, year)) {
        return {
          message: vscode.l10n.t('{0} is not the format for report year {1}.', template.id, year),
          severity: vscode.InputBoxValidationSeverity.Warning,
        };
      }
      return undefined;
    },
  });
  const year = yearText === undefined ? undefined : parseYear(yearText, today);
  if (year === undefined) return;

  let content: string;
  try {
    ({ text: content } = await server.sendRequest(newReportRequest, {
      templateId: template.id,
      agency,
      year,
      today: isoDate(today),
    }));
  } catch (e) {
    return failed(e);
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}

/** The server did not answer (not running, or refused): say so, and open nothing. */
async function failed(e: unknown): Promise<void> {
  const reason = e instanceof Error ? e.message : String(e);
  await vscode.window.showErrorMessage(
    vscode.l10n.t('New OGI Report needs the OGI Report language server, which did not answer: {0}', reason),
  );
}
