// A real LSP client: headless Neovim (Debian's `neovim`, 0.7+) starts the server from its bin,
// opens the example report and writes the diagnostics it received to a JSON file; its exit code is
// the verdict (vim.wait, not a sleep). Never skipped: without nvim this test fails and says so.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ogi-report-language-server.js');
const EXAMPLE = join(ROOT, 'examples', 'jingzhi-2020.ogi.md');
/** Kills Neovim if it neither exits nor reports within this time (its own wait is 10 s). */
const HANG_GUARD_MS = 60_000;

interface NvimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  severity: number;
  source: string;
  message: string;
}
interface Outcome {
  exitCode: number | null;
  stderr: string;
  result?: { ok: boolean; diagnostics: NvimDiagnostic[]; error?: string; extra?: Record<string, unknown> };
}

// The seed's real defects, as 1-based line numbers (what the editor and the CLI show).
const EXPECTED = [
  ...[24, 25, 26, 27, 28, 29, 30, 31, 32, 33].map((l) => `year-mismatch:${l}`),
  'prose-mismatch:47',
  'prose-mismatch:47',
  'section-title:147',
].sort();

let work: string;
before(() => {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    assert.fail(
      "Neovim (nvim) is not installed or does not run: install Debian's neovim (`apt-get install -y neovim`); CI installs it. " +
        `(${probe.error?.message ?? probe.stderr})`,
    );
  }
  assert.ok(existsSync(join(ROOT, 'dist', 'server.js')), 'dist/server.js is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'ogi-nvim-'));
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const lua = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Lua that opens the example, waits for diagnostics, runs `then` (Lua filling the table `extra`),
 * writes everything to `out` and quits with 0 (received) or 1.
 */
function openAndReport(out: string, then = ''): string {
  return `
local function finish(code, payload)
  local f = assert(io.open(${lua(out)}, 'w'))
  f:write(vim.fn.json_encode(payload))
  f:close()
  if code == 0 then vim.cmd('qall!') else vim.cmd(code .. 'cquit!') end
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(${lua(EXAMPLE)}))
  local received = vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(diagnostics, { code = d.code, lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message })
  end
  local extra = {}
  if received then
${then}
  end
  finish(received and 0 or 1, { ok = received, diagnostics = diagnostics, extra = extra })
end)
if not ok then finish(2, { ok = false, diagnostics = {}, error = tostring(err) }) end
`;
}

/** Runs `nvim --headless -u init.lua` in a sandbox (own XDG dirs, no shada, no swap) with a hang guard. */
function runNvim(name: string, init: string, env: NodeJS.ProcessEnv = {}, then = ''): Promise<Outcome> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const initFile = join(dir, 'init.lua');
  const out = join(dir, 'out.json');
  writeFileSync(initFile, `${init}\n${openAndReport(out, then)}`);
  const xdg = Object.fromEntries(
    ['CONFIG', 'DATA', 'STATE', 'CACHE'].map((k) => [`XDG_${k}_HOME`, join(dir, k.toLowerCase())]),
  );
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', initFile], {
      cwd: dir,
      env: { ...process.env, ...xdg, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (b) => {
      stderr += b;
    });
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nvim did not exit within ${HANG_GUARD_MS} ms (killed). stderr: ${stderr}`));
    }, HANG_GUARD_MS);
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(e);
    });
    child.on('exit', (exitCode) => {
      clearTimeout(guard);
      const result = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
      resolve({ exitCode, stderr, result });
    });
  });
}

function assertExampleDiagnostics(outcome: Outcome): NvimDiagnostic[] {
  assert.ok(outcome.result, `nvim wrote no result (exit ${outcome.exitCode}): ${outcome.stderr}`);
  assert.equal(outcome.result.error, undefined, outcome.result.error);
  assert.equal(outcome.exitCode, 0, `nvim received no diagnostics within 10 s: ${outcome.stderr}`);
  const diagnostics = outcome.result.diagnostics;
  assert.deepEqual(diagnostics.map((d) => `${d.code}:${d.lnum + 1}`).sort(), EXPECTED);
  for (const d of diagnostics) assert.equal(d.source, 'ogi-report');
  // Neovim converts the server's UTF-16 columns into byte columns: they agree with the text.
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const title = diagnostics.find((d) => d.code === 'section-title')!;
  assert.equal(title.col, 0);
  assert.match(title.message, /五、存在的主要问题及改进情况/);
  const prose = diagnostics.filter((d) => d.code === 'prose-mismatch').find((d) => d.message.includes('同意公开'))!;
  assert.equal(
    prose.col,
    Buffer.byteLength(lines[46].slice(0, 47)),
    'byte column of the stated 5 (UTF-16 character 47)',
  );
  return diagnostics;
}

test("headless Neovim starts the server from its bin, receives the example report's diagnostics, hovers, applies a quick fix", async () => {
  const init = `
vim.cmd('filetype on')
vim.api.nvim_create_autocmd('BufReadPost', {
  pattern = '*.ogi.md',
  callback = function(args)
    vim.bo[args.buf].filetype = 'markdown'
    local client = vim.lsp.start_client({
      name = 'ogi-report',
      cmd = { 'node', ${lua(BIN)}, '--stdio' },
      root_dir = ${lua(join(ROOT, 'examples'))},
    })
    assert(client, 'vim.lsp.start_client failed')
    vim.lsp.buf_attach_client(args.buf, client)
  end,
})
`;
  // Then, as a user would: hover the 予以公开 row, and apply the quick fix of the section title.
  const then = `
    local uri = vim.uri_from_bufnr(0)
    local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 110, character = 4 } }, 5000)
    for _, r in pairs(hover or {}) do if r.result then extra.hover = r.result.contents.value end end
    local lnum
    for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section-title' then lnum = d.lnum end end
    local lsp_diagnostics = vim.tbl_filter(function(d) return d.code == 'section-title' end, vim.lsp.diagnostic.get_line_diagnostics(0, lnum))
    local actions = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', {
      textDocument = { uri = uri }, range = lsp_diagnostics[1].range, context = { diagnostics = lsp_diagnostics, only = { 'quickfix' } },
    }, 5000)
    for _, r in pairs(actions or {}) do
      for _, a in ipairs(r.result or {}) do
        if not extra.action then
          extra.action = a.title
          vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
        end
      end
    end
    extra.fixed = vim.wait(10000, function()
      for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'section-title' then return false end end
      return true
    end, 20)
    extra.line = vim.api.nvim_buf_get_lines(0, lnum, lnum + 1, false)[1]
    extra.left = #vim.diagnostic.get(0)
`;
  const outcome = await runNvim('bin', init, {}, then);
  const diagnostics = assertExampleDiagnostics(outcome);
  for (const d of diagnostics) assert.equal(d.severity, 2, `${d.code} is a warning (vim.diagnostic.severity.WARN)`);
  const extra = outcome.result!.extra!;
  assert.match(String(extra.hover), /\*\*（一）予以公开\*\*/);
  assert.match(String(extra.hover), /条例第三十六条/);
  assert.equal(extra.action, '将标题改为“五、存在的主要问题及改进情况”');
  assert.equal(extra.fixed, true, 'the section-title finding went away after the fix');
  assert.equal(extra.line, '## 五、存在的主要问题及改进情况');
  assert.equal(extra.left, EXPECTED.length - 1, 'the other findings stay');
});

test('the README\'s "Using the server from Neovim" snippet works as written (settings included)', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using the server from Neovim'));
  assert.ok(section.length > 0 && readme.includes('## Using the server from Neovim'), 'README has the section');
  const snippet = /```lua\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(snippet, 'the section has a lua block');
  // The snippet runs `ogi-report-language-server` from PATH, as after `npm link`.
  const bin = join(work, 'path-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'ogi-report-language-server'),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`,
  );
  chmodSync(join(bin, 'ogi-report-language-server'), 0o755);
  const diagnostics = assertExampleDiagnostics(
    await runNvim('readme', snippet, { PATH: `${bin}:${process.env.PATH}` }),
  );
  // The snippet's settings lower year-mismatch to a hint (vim.diagnostic.severity.HINT = 4).
  for (const d of diagnostics) assert.equal(d.severity, d.code === 'year-mismatch' ? 4 : 2, d.code);
});
