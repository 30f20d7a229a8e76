// Tokenizes text with syntaxes/ogi-report.tmLanguage.json as VS Code does: vscode-textmate over the
// Oniguruma WASM build, with the real Markdown (VS Code's own) and YAML grammars from `tm-grammars`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT = join(__dirname, '..', '..');
export const OUR_SCOPE = 'text.ogi-report';

/** The grammars the ogi grammar reaches. Any other embedded language (```js …) stays unresolved, as in a bare editor. */
const GRAMMAR_FILES: Record<string, string> = {
  [OUR_SCOPE]: join(ROOT, 'syntaxes', 'ogi-report.tmLanguage.json'),
  'text.html.markdown': join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'),
  'source.yaml': join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json'),
  'text.html.derivative': join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'html-derivative.json'),
  'text.html.basic': join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'html.json'),
};

let grammar: Promise<vsctm.IGrammar> | undefined;

export function ogiGrammar(): Promise<vsctm.IGrammar> {
  grammar ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        const file = GRAMMAR_FILES[scopeName];
        return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
    });
    const g = await registry.loadGrammar(OUR_SCOPE);
    if (!g) throw new Error(`cannot load ${OUR_SCOPE}`);
    return g;
  })();
  return grammar;
}

export interface Token {
  line: number;
  start: number;
  text: string;
  scopes: string[];
}

/** Every token of every line, with its scope stack (the root scope included). */
export async function tokenize(text: string): Promise<Token[]> {
  const g = await ogiGrammar();
  const out: Token[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = g.tokenizeLine(line, state);
    for (const t of result.tokens) {
      out.push({ line: index, start: t.startIndex, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return out;
}

/** The snapshot text: each source line, then one line per token with its scopes (the root left out). */
/** The scopes at a position; `needle` (a substring of the line) picks the column. */
export function scopesAt(tokens: Token[], text: string, line: number, needle: string): string[] {
  const column = text.split(/\r?\n/)[line].indexOf(needle);
  if (column < 0) throw new Error(`"${needle}" is not on line ${line}`);
  const token = tokens.find((t) => t.line === line && t.start <= column && column < t.start + t.text.length);
  if (!token) throw new Error(`no token at ${line}:${column}`);
  return token.scopes;
}

export function snapshot(text: string, tokens: Token[]): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(`${String(i + 1).padStart(3)}| ${line}`);
    for (const t of tokens.filter((x) => x.line === i)) {
      if (t.text === '' && line !== '') continue;
      out.push(`   | ${JSON.stringify(t.text)} ${t.scopes.filter((s) => s !== OUR_SCOPE).join(' ') || '(root)'}`);
    }
  });
  return `${out.join('\n')}\n`;
}
