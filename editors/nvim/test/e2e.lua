-- End-to-end test of the Neovim plugin against the real server, run headless:
--   nvim --clean --headless -l editors/nvim/test/e2e.lua
-- It runs DOSSIER_BIN (else `dossier` on PATH) in a temporary workspace holding the
-- repository's seeds/, a dossier.toml and briefs/, through Neovim's own LSP client.
--
-- To cover a new feature, add an entry to `cases` below: a name and a function that asks
-- the attached client something about the brief and asserts with `check`/`check_eq`.
-- Cases run in order after the index is ready; one that edits text should use its own buffer.
-- The last line printed is "N passed, M failed"; the exit code is 0 only when M is 0.

local script = vim.fs.normalize(vim.fn.fnamemodify(arg[0] or "editors/nvim/test/e2e.lua", ":p"))
local plugin_dir = vim.fs.dirname(vim.fs.dirname(script))
local repo_root = vim.fs.dirname(vim.fs.dirname(plugin_dir))
local bin = (vim.env.DOSSIER_BIN ~= nil and vim.env.DOSSIER_BIN ~= "") and vim.env.DOSSIER_BIN or "dossier"
local TIMEOUT = tonumber(vim.env.DOSSIER_TEST_TIMEOUT_MS) or 30000

vim.opt.runtimepath:prepend(plugin_dir)
vim.cmd("filetype on")
vim.cmd("runtime plugin/dossier.lua")
vim.o.swapfile = false

-- A hard stop, so a hung server cannot hang CI.
local watchdog = vim.uv.new_timer()
watchdog:start(10 * TIMEOUT, 0, function()
  io.stdout:write("e2e.lua: watchdog fired, the test hung\n0 passed, 1 failed\n")
  os.exit(1)
end)

local function say(text)
  io.stdout:write(text .. "\n")
end

-- Workspace -----------------------------------------------------------------------------

local BRIEF = table.concat({
  "# Syria before the Helsinki summit",
  "",
  "Netanyahu’s talks with Putin — in Moscow, on Iran’s presence in Syria [@003_423e3940cca06aad].",
  "",
  "Analysts 🙂 keep asking why the US and Russia cannot agree [@001_227275e6a66a84db; @000_1e2f7ca976c65369, p. 3].",
  "",
  "One source nobody has [@zz_no_such_document].",
  "",
}, "\n")
local NOTES = "# Notes\n\nPutin met Iran’s leadership in Tehran.\n"
local TITLE_001 = "Why is it SO difficult for the US and Russia to agree on Syria"
local KEYS = {
  "000_1e2f7ca976c65369",
  "001_227275e6a66a84db",
  "002_770ca645d559dffd",
  "003_423e3940cca06aad",
  "004_df48a3a5ab45bcd7",
}

local function write_file(path, text)
  vim.fn.mkdir(vim.fs.dirname(path), "p")
  local file = assert(io.open(path, "wb"))
  file:write(text)
  file:close()
end

local workspace = vim.uv.fs_realpath(vim.fn.fnamemodify(vim.fn.tempname(), ":h")) .. "/dossier-nvim-" .. vim.uv.getpid()
vim.fn.delete(workspace, "rf")
vim.fn.mkdir(workspace .. "/seeds", "p")
for name, kind in vim.fs.dir(repo_root .. "/seeds") do
  if kind == "file" and name:match("%.txt$") then
    assert(vim.uv.fs_copyfile(repo_root .. "/seeds/" .. name, workspace .. "/seeds/" .. name))
  end
end
write_file(workspace .. "/dossier.toml", "# dossier test workspace: every key at its default\n")
write_file(workspace .. "/briefs/brief.md", BRIEF)
write_file(workspace .. "/briefs/notes.md", NOTES)

-- Harness ---------------------------------------------------------------------------------

local passed, failed = 0, 0

local function check(condition, message)
  if not condition then
    error(message or "check failed", 2)
  end
end

local function check_eq(actual, expected, message)
  if not vim.deep_equal(actual, expected) then
    error(("%s\n    expected: %s\n    actual:   %s"):format(message or "values differ", vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

local function run(name, fn)
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passed = passed + 1
    say("ok - " .. name)
  else
    failed = failed + 1
    say("not ok - " .. name)
    say("  " .. tostring(err):gsub("\n", "\n  "))
  end
  return ok
end

local function wait_for(what, predicate, timeout)
  local ok = vim.wait(timeout or TIMEOUT, predicate, 50)
  check(ok, "timed out waiting for " .. what)
end

-- What the server pushes: progress and status.
local indexing_tokens, indexing_done = {}, false
vim.api.nvim_create_autocmd("LspProgress", {
  callback = function(ev)
    local params = ev.data and ev.data.params or {}
    local value = params.value or {}
    if value.kind == "begin" and value.title == "dossier: indexing" then
      indexing_tokens[params.token] = true
    elseif value.kind == "end" and indexing_tokens[params.token] then
      indexing_done = true
    end
  end,
})
vim.api.nvim_create_autocmd("User", {
  pattern = "DossierStatus",
  callback = function(ev)
    if ev.data and ev.data.state == "ready" then
      indexing_done = true
    end
  end,
})

local exits = {}
local dossier = require("dossier")
dossier.setup({
  path = bin,
  on_exit = function(code, signal)
    exits[#exits + 1] = { code = code, signal = signal }
  end,
})

-- Helpers for LSP positions: the client's negotiated encoding decides the columns.
local function client_of(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = "dossier" })[1]
end

--- Position of `needle` (plus `delta` bytes) in buffer `buf`, in the client's encoding.
local function position_of(buf, needle, delta)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local start = line:find(needle, 1, true)
    if start then
      local byte_col = start - 1 + (delta or 0)
      local client = client_of(buf)
      return {
        line = row - 1,
        character = vim.lsp.util.character_offset(buf, row - 1, byte_col, client.offset_encoding),
      }
    end
  end
  error(("%q is not in buffer %d"):format(needle, buf))
end

local function range_of(buf, needle)
  local start = position_of(buf, needle)
  local finish = position_of(buf, needle, #needle)
  return { start = start, ["end"] = finish }
end

local function before_or_equal(a, b)
  return a.line < b.line or (a.line == b.line and a.character <= b.character)
end

local function overlaps(a, b)
  return before_or_equal(a.start, b["end"]) and before_or_equal(b.start, a["end"])
end

--- The result of one request to the dossier client, or an error with the server's error.
local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  check(responses, ("%s: no response (%s)"):format(method, tostring(err)))
  local client = client_of(buf)
  local response = responses[client.id]
  check(response, method .. ": the dossier client did not answer")
  check(response.err == nil, method .. ": error " .. vim.inspect(response.err))
  return response.result
end

local function text_params(buf, position)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }
end

local function hover_text(hover)
  local contents = hover.contents
  if type(contents) == "string" then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, part in ipairs(contents) do
    parts[#parts + 1] = type(part) == "string" and part or part.value
  end
  return table.concat(parts, "\n")
end

local function targets(result)
  if result == nil then
    return {}
  end
  if result.uri or result.targetUri then
    result = { result }
  end
  local out = {}
  for _, location in ipairs(result) do
    out[#out + 1] = {
      file = vim.uv.fs_realpath(vim.uri_to_fname(location.uri or location.targetUri)),
      range = location.range or location.targetRange,
    }
  end
  return out
end

-- Opens briefs/NAME with LINES as its text and waits for the dossier client to attach.
local function open_brief(name, lines)
  vim.cmd.edit(vim.fn.fnameescape(workspace .. "/briefs/" .. name))
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  wait_for("the client to attach to " .. name, function()
    return client_of(buf) ~= nil
  end)
  return buf
end

local function items_of(result)
  if result == nil then
    return {}
  end
  return result.items or result
end

local function seed(key)
  return workspace .. "/seeds/" .. key .. ".txt"
end

-- Start -------------------------------------------------------------------------------------

local brief_buf
local started = run("the client attaches to a brief, rooted at the folder with dossier.toml, and the index finishes", function()
  vim.cmd.edit(vim.fn.fnameescape(workspace .. "/briefs/brief.md"))
  brief_buf = vim.api.nvim_get_current_buf()
  check_eq(vim.bo[brief_buf].filetype, "markdown", "filetype of the brief")
  check(vim.fn.executable(bin) == 1, ("the server binary %q is not executable (set DOSSIER_BIN)"):format(bin))
  wait_for("the dossier client to attach", function()
    local client = client_of(brief_buf)
    return client ~= nil and client.initialized == true
  end)
  local client = client_of(brief_buf)
  check_eq(client.root_dir, workspace, "root_dir")
  local capabilities = client.server_capabilities
  check(capabilities.hoverProvider, "no hoverProvider")
  check(capabilities.definitionProvider, "no definitionProvider")
  check(capabilities.completionProvider, "no completionProvider")
  check(capabilities.completionProvider.resolveProvider == true, "completion items are not resolvable")
  wait_for('the end of indexing ($/progress end of "dossier: indexing" or dossier/status ready)', function()
    return indexing_done
  end)
end)

-- Cases -----------------------------------------------------------------------------------------

local cases = {
  {
    name = "the plugin knows its repository, where a plugin manager's `cargo build --release` puts the server",
    run = function()
      check_eq(dossier.repo_root, repo_root, "repo_root")
      local built = dossier.built_binary()
      check(built == nil or built == repo_root .. "/target/release/dossier", "built_binary: " .. tostring(built))
      -- setup({ path }) and $DOSSIER_BIN come first; without them the build is used when present.
      local saved_path, saved_env = dossier.config.path, vim.env.DOSSIER_BIN
      dossier.config.path, vim.env.DOSSIER_BIN = nil, nil
      local found = dossier.path()
      dossier.config.path, vim.env.DOSSIER_BIN = saved_path, saved_env
      check_eq(found, built or "dossier", "path() without a setting")
    end,
  },
  {
    name = "the plugin links the server's semantic token types to highlight groups",
    run = function()
      for token_type, group in pairs({ actor = "Type", event = "Function", quoteNotFound = "DiagnosticError" }) do
        check_eq(vim.api.nvim_get_hl(0, { name = "@lsp.type." .. token_type }).link, group, token_type)
      end
    end,
  },
  {
    name = "dossier/status reaches the statusline: dossier: 5 documents",
    run = function()
      wait_for("dossier/status ready", function()
        return dossier.status.state == "ready"
      end)
      check_eq(dossier.statusline(), "dossier: 5 documents", "statusline")
    end,
  },
  {
    name = "hover on a citation key shows the document's title and file",
    run = function()
      local hover = request(brief_buf, "textDocument/hover", text_params(brief_buf, position_of(brief_buf, "@001_227275e6a66a84db", 5)))
      check(hover, "no hover on [@001_227275e6a66a84db]")
      local text = hover_text(hover)
      check(text:find(TITLE_001, 1, true), "the hover lacks the title:\n" .. text)
      check(text:find("001_227275e6a66a84db.txt", 1, true), "the hover lacks the file:\n" .. text)
    end,
  },
  {
    name = "definition on a citation key goes to the start of the document",
    run = function()
      local result = request(brief_buf, "textDocument/definition", text_params(brief_buf, position_of(brief_buf, "@003_423e3940cca06aad", 3)))
      local found = targets(result)
      check_eq(#found, 1, "number of targets: " .. vim.inspect(result))
      check_eq(found[1].file, seed("003_423e3940cca06aad"), "definition target")
      check_eq(found[1].range.start, { line = 0, character = 0 }, "target position")
    end,
  },
  {
    name = "an unknown key is an Error diagnostic unknown-citation from dossier; known keys are not flagged",
    run = function()
      local bogus = range_of(brief_buf, "zz_no_such_document")
      local function unknown()
        return vim.tbl_filter(function(diagnostic)
          return diagnostic.code == "unknown-citation"
        end, vim.diagnostic.get(brief_buf))
      end
      local ok = vim.wait(TIMEOUT, function()
        for _, diagnostic in ipairs(unknown()) do
          if diagnostic.lnum == bogus.start.line then
            return true
          end
        end
        return false
      end, 50)
      check(ok, "no unknown-citation on line " .. (bogus.start.line + 1) .. "; diagnostics: " .. vim.inspect(vim.diagnostic.get(brief_buf)))
      local flagged = unknown()
      check_eq(#flagged, 1, "number of unknown-citation diagnostics: " .. vim.inspect(flagged))
      local diagnostic = flagged[1]
      check_eq(diagnostic.severity, vim.diagnostic.severity.ERROR, "severity")
      check_eq(diagnostic.source, "dossier", "source")
      local lsp_range = diagnostic.user_data.lsp.range
      check(overlaps(lsp_range, bogus), "the diagnostic is not on the key: " .. vim.inspect(lsp_range) .. " vs " .. vim.inspect(bogus))
    end,
  },
  {
    name = "completion after [@ offers every document key with its title, replacing the typed part",
    run = function()
      vim.cmd.edit(vim.fn.fnameescape(workspace .. "/briefs/notes.md"))
      local buf = vim.api.nvim_get_current_buf()
      wait_for("the client to attach to notes.md", function()
        return client_of(buf) ~= nil
      end)
      vim.api.nvim_buf_set_lines(buf, -1, -1, false, { "See [@" })
      local row = vim.api.nvim_buf_line_count(buf) - 1
      local after_at = { line = row, character = 6 }
      local params = text_params(buf, after_at)
      params.context = { triggerKind = 2, triggerCharacter = "@" }
      local items = items_of(request(buf, "textDocument/completion", params))
      local by_label = {}
      for _, item in ipairs(items) do
        by_label[item.label] = item
      end
      for _, key in ipairs(KEYS) do
        check(by_label[key], "no completion item " .. key .. "; labels: " .. vim.inspect(vim.tbl_keys(by_label)))
      end
      check(by_label["001_227275e6a66a84db"].detail and by_label["001_227275e6a66a84db"].detail:find(TITLE_001, 1, true),
        "the detail is not the title: " .. vim.inspect(by_label["001_227275e6a66a84db"].detail))
      -- Lists are small; Neovim resolves the item it shows to get its documentation.
      check(by_label["001_227275e6a66a84db"].documentation == nil, "documentation belongs to completionItem/resolve")
      local resolved = request(buf, "completionItem/resolve", by_label["001_227275e6a66a84db"])
      local card = resolved.documentation and (resolved.documentation.value or resolved.documentation) or ""
      check(type(card) == "string" and card:find("`@001_227275e6a66a84db`", 1, true),
        "the resolved item lacks the document card: " .. vim.inspect(resolved))

      vim.api.nvim_buf_set_text(buf, row, 6, row, 6, { "00" })
      local cursor = { line = row, character = 8 }
      params = text_params(buf, cursor)
      params.context = { triggerKind = 1 }
      local typed = items_of(request(buf, "textDocument/completion", params))
      local item
      for _, candidate in ipairs(typed) do
        if candidate.label == "003_423e3940cca06aad" then
          item = candidate
        end
      end
      check(item, "no 003_423e3940cca06aad after [@00")
      check(item.textEdit, "the item has no textEdit")
      check_eq(item.textEdit.range or item.textEdit.replace, { start = after_at, ["end"] = cursor }, "the textEdit range")
      -- The bracket is open and nothing closes it: the key closes it.
      check_eq(item.textEdit.newText, "003_423e3940cca06aad]", "the textEdit text")
      -- Neovim filters by prefix: what the item is matched on must start with what was typed.
      check(vim.startswith(item.filterText or item.label, "00"), "filterText does not start with the typed 00")
      vim.cmd("silent! bwipeout!")
    end,
  },
  {
    name = "actors: hover on a surname shows the canonical name; typing Vela keeps Ali Akbar Velayati under prefix filtering",
    run = function()
      local buf = open_brief("actors.md", { "Lavrov spoke first. Vela" })
      local hover = request(buf, "textDocument/hover", text_params(buf, { line = 0, character = 2 }))
      check(hover, "no hover on Lavrov")
      local text = hover_text(hover)
      check(text:find("Sergey Lavrov", 1, true), "the hover lacks the canonical name:\n" .. text)
      local params = text_params(buf, { line = 0, character = 24 })
      params.context = { triggerKind = 1 }
      local items = items_of(request(buf, "textDocument/completion", params))
      -- Neovim's own filter (vim.lsp.completion): what it keeps of the server's answer.
      local line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
      local kept = vim.lsp.completion._convert_results(line, 0, #line, client_of(buf).id, #line - 4, nil, { items = items }, client_of(buf).offset_encoding)
      local labels = vim.tbl_map(function(item) return item.abbr end, kept)
      check(vim.tbl_contains(labels, "Ali Akbar Velayati"), "Velayati not kept by Neovim's filtering: " .. vim.inspect(labels))
      vim.cmd("silent! bwipeout!")
    end,
  },
  {
    name = "quotes: a fabricated quote is a quote-not-found Warning; a verbatim one is not flagged",
    run = function()
      local buf = open_brief("quotes.md", {
        "Netanyahu said “our focus is on Syria and Iran”.",
        "",
        "Lavrov said \"Moscow will never abandon its friends in Damascus\".",
      })
      local found
      wait_for("quote diagnostics", function()
        found = vim.tbl_filter(function(d)
          return d.code == "quote-not-found"
        end, vim.diagnostic.get(buf))
        return #found > 0
      end)
      check_eq(#found, 1, "quote-not-found count: " .. vim.inspect(vim.diagnostic.get(buf)))
      check_eq(found[1].lnum, 2, "the flagged line")
      check_eq(found[1].severity, vim.diagnostic.severity.WARN, "severity")
      vim.cmd("silent! bwipeout!")
    end,
  },
  {
    name = "quotes: a rephrased quote under near_threshold is quote-not-found with the whole nearest passage and no fix; a differing quote's fix puts in the whole source passage",
    run = function()
      local buf = open_brief("near.md", {
        "Lavrov warned that \"it is absolutely unrealistic\" to demand it.",
        "",
        "Putin said \"we manage to coordinate our positions on Iraq\".",
      })
      local function quote_finding(lnum)
        for _, d in ipairs(vim.diagnostic.get(buf, { lnum = lnum })) do
          if type(d.code) == "string" and d.code:find("^quote%-") then
            return d
          end
        end
      end
      wait_for("quote diagnostics on lines 1 and 3", function()
        return quote_finding(0) ~= nil and quote_finding(2) ~= nil
      end)
      -- 75% similar is under the 0.8 threshold: not found, and the passage it was compared
      -- with is shown whole ("not realistic"), not cut where the alignment stopped.
      local rephrased = quote_finding(0)
      check_eq(rephrased.code, "quote-not-found", "the rephrased quote's code: " .. rephrased.message)
      check(rephrased.message:find("75%", 1, true), "the similarity is not in the message: " .. rephrased.message)
      check(rephrased.message:find("“it is absolutely not realistic”", 1, true), "not the whole nearest passage: " .. rephrased.message)
      -- No code action may rewrite the rephrased quote (it would drop "unrealistic" or put in "not").
      local quote = range_of(buf, "\"it is absolutely unrealistic\"")
      local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = quote, context = { diagnostics = { rephrased.user_data.lsp } } }
      for _, action in ipairs(request(buf, "textDocument/codeAction", params) or {}) do
        for _, edits in pairs(action.edit and action.edit.changes or {}) do
          for _, edit in ipairs(edits) do
            local empty = vim.deep_equal(edit.range.start, edit.range["end"])
            check(empty or not overlaps(edit.range, quote), "a fix rewrites the rephrased quote: " .. vim.inspect(action))
          end
        end
      end

      -- 88% similar: differs, and the fix (applied through Neovim's own code_action) puts in the
      -- whole passage it was compared with, up to "Syria".
      local differing = quote_finding(2)
      check_eq(differing.code, "quote-differs", "the differing quote's code: " .. differing.message)
      check(differing.message:find("“we manage to coordinate our positions on Syria”", 1, true), differing.message)
      vim.api.nvim_win_set_cursor(0, { 3, #"Putin said \"we manage" })
      vim.lsp.buf.code_action({
        apply = true,
        filter = function(action)
          return action.title:find("Replace with the source wording", 1, true) ~= nil
        end,
      })
      local fixed = "Putin said \"we manage to coordinate our positions on Syria\"."
      wait_for("the fix to be applied", function()
        return vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1] == fixed
      end)
      check_eq(vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1], "Lavrov warned that \"it is absolutely unrealistic\" to demand it.", "line 1 untouched")
      wait_for("no quote finding on the fixed line", function()
        return quote_finding(2) == nil
      end)
      vim.cmd("silent! bwipeout!")
    end,
  },
  {
    name = "hover on a quote not found names the nearest passage and its similarity, or says that nothing came close",
    run = function()
      local buf = open_brief("hover_quotes.md", {
        "Lavrov warned that \"it is absolutely unrealistic\" to demand it.",
        "",
        "He said \"the weather in Lisbon was lovely all week\".",
      })
      local near = request(buf, "textDocument/hover", text_params(buf, position_of(buf, "absolutely", 2)))
      check(near, "no hover on the rephrased quote")
      local text = hover_text(near)
      check(text:find("Quote not found", 1, true), text)
      check(text:find("Nearest passage: 75% similar", 1, true), "no nearest passage and similarity:\n" .. text)
      check(text:find("> it is absolutely not realistic", 1, true), "the passage is not shown:\n" .. text)
      check(text:find("@000_1e2f7ca976c65369", 1, true), "the passage's document is not named:\n" .. text)
      local far = request(buf, "textDocument/hover", text_params(buf, position_of(buf, "Lisbon", 2)))
      check(far, "no hover on the made-up quote")
      text = hover_text(far)
      check(text:find("Quote not found", 1, true), text)
      check(text:find("Nothing in the corpus comes close", 1, true), "does not say that nothing came close:\n" .. text)
      vim.cmd("silent! bwipeout!")
    end,
  },
  {
    name = "inlay hints name a verbatim quote's source, except where a citation of it is written after the quote",
    run = function()
      local buf = open_brief("hints.md", {
        "Netanyahu said “our focus is on Syria and Iran” [@003_423e3940cca06aad].",
        "",
        "Netanyahu said “our focus is on Syria and Iran” @003_423e3940cca06aad.",
        "",
        "Netanyahu said “our focus is on Syria and Iran”.",
      })
      -- Neovim's own inlay hint display, as a user turns it on.
      vim.lsp.inlay_hint.enable(true, { bufnr = buf })
      local hints
      wait_for("inlay hints from Neovim's client", function()
        hints = vim.lsp.inlay_hint.get({ bufnr = buf })
        return #hints > 0
      end)
      vim.wait(300) -- a late second answer would only add hints: let it land
      hints = vim.lsp.inlay_hint.get({ bufnr = buf })
      local shown = vim.tbl_map(function(h)
        local label = h.inlay_hint.label
        return { line = h.inlay_hint.position.line, label = type(label) == "string" and label or label[1].value }
      end, hints)
      check_eq(shown, { { line = 4, label = "@003_423e3940cca06aad" } }, "the inlay hints (only the uncited quote)")
      vim.lsp.inlay_hint.enable(false, { bufnr = buf })
      vim.cmd("silent! bwipeout!")
    end,
  },
  {
    name = ":DossierCheck fills the quickfix list from dossier check --format json",
    run = function()
      vim.cmd.buffer(brief_buf)
      vim.fn.setqflist({}, "f")
      vim.cmd("DossierCheck")
      wait_for("the quickfix list titled 'dossier check'", function()
        return vim.fn.getqflist({ title = 1 }).title == "dossier check"
      end)
      local items = vim.fn.getqflist()
      local found
      for _, item in ipairs(items) do
        if item.text:find("unknown-citation", 1, true) then
          found = item
        end
      end
      check(found, "no unknown-citation in the quickfix list: " .. vim.inspect(items))
      check_eq(vim.uv.fs_realpath(vim.api.nvim_buf_get_name(found.bufnr)), workspace .. "/briefs/brief.md", "file")
      check_eq(found.lnum, 7, "line (1-based)")
      check_eq(found.type, "E", "type")
      vim.cmd("cclose")
    end,
  },
  {
    name = ":checkhealth dossier finds the binary and the running client",
    run = function()
      vim.cmd("silent checkhealth dossier")
      local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
      check(text:find("server binary: ", 1, true), "no binary line:\n" .. text)
      check(text:find("client %d+: root " .. vim.pesc(workspace)), "no client line:\n" .. text)
      check(not text:find("ERROR", 1, true), "errors:\n" .. text)
      vim.cmd("tabclose")
    end,
  },
  {
    name = "stopping the client shuts the server down with exit code 0",
    run = function()
      local client = client_of(brief_buf)
      vim.lsp.stop_client(client.id)
      wait_for("the server to exit", function()
        return #exits > 0
      end)
      check_eq(exits[1], { code = 0, signal = 0 }, "exit")
    end,
  },
  {
    name = "Neovim 0.11's vim.lsp.enable('dossier') with lsp/dossier.lua attaches and answers hover",
    run = function()
      dossier.teardown()
      vim.lsp.config("dossier", { cmd = { bin, "lsp" } })
      indexing_done = false
      vim.lsp.enable("dossier")
      vim.cmd("silent! bwipeout! " .. brief_buf)
      vim.cmd.edit(vim.fn.fnameescape(workspace .. "/briefs/brief.md"))
      local buf = vim.api.nvim_get_current_buf()
      wait_for("the client to attach", function()
        local client = client_of(buf)
        return client ~= nil and client.initialized == true
      end)
      check_eq(client_of(buf).root_dir, workspace, "root_dir from root_markers")
      wait_for("the end of indexing", function()
        return indexing_done
      end)
      local hover = request(buf, "textDocument/hover", text_params(buf, position_of(buf, "@001_227275e6a66a84db", 5)))
      check(hover and hover_text(hover):find(TITLE_001, 1, true), "hover: " .. vim.inspect(hover))
      vim.lsp.enable("dossier", false)
      vim.lsp.stop_client(client_of(buf).id)
    end,
  },
}

-- Folders outside the workspace, with no dossier.toml or .git anywhere above them: what a
-- user who opens a brief in a folder of articles has. `seeds` copies that many seeds in.
local function loose_folder(name, n_seeds, brief)
  local folder = vim.uv.fs_realpath(vim.fn.fnamemodify(vim.fn.tempname(), ":h")) .. "/dossier-" .. name .. "-" .. vim.uv.getpid()
  vim.fn.delete(folder, "rf")
  vim.fn.mkdir(folder, "p")
  for i = 1, n_seeds do
    assert(vim.uv.fs_copyfile(repo_root .. "/seeds/" .. KEYS[i] .. ".txt", folder .. "/" .. KEYS[i] .. ".txt"))
  end
  write_file(folder .. "/brief.md", brief)
  check(vim.fs.root(folder, { "dossier.toml", ".git" }) == nil, "a root marker above " .. folder)
  return folder
end

-- Neovim 0.11's way: `vim.lsp.enable("dossier")`, then the folder's brief opened; its buffer.
local function enable_and_open(folder)
  vim.lsp.config("dossier", { cmd = { bin, "lsp" } })
  dossier.status = { state = "stopped" }
  vim.lsp.enable("dossier")
  vim.cmd.edit(vim.fn.fnameescape(folder .. "/brief.md"))
  return vim.api.nvim_get_current_buf()
end

local LOOSE_BRIEF = "# Loose\n\nKnown [@" .. KEYS[1] .. "]; unknown [@zz_loose_missing].\n"

local function unknown_citations(buf)
  return vim.tbl_filter(function(d)
    return d.code == "unknown-citation"
  end, vim.diagnostic.get(buf))
end

local function checkhealth_text()
  vim.cmd("silent checkhealth dossier")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  vim.cmd("tabclose")
  return text
end

local function stop_all_clients()
  for _, client in ipairs(vim.lsp.get_clients({ name = "dossier" })) do
    client:stop(true)
  end
  wait_for("the dossier clients to stop", function()
    return #vim.lsp.get_clients({ name = "dossier" }) == 0
  end)
end

-- Real insert-mode completion needs Neovim's main loop, which a `-l` script never reaches:
-- a second Neovim (--embed) runs it, driven over RPC with the keys a user types.
local function embedded_nvim()
  local channel = vim.fn.jobstart({ vim.v.progpath, "--embed", "--headless", "--clean" }, { rpc = true })
  check(channel > 0, "could not start an embedded Neovim")
  local nvim = {}
  function nvim.lua(code, ...)
    return vim.rpcrequest(channel, "nvim_exec_lua", code, { ... })
  end
  function nvim.input(keys)
    vim.rpcrequest(channel, "nvim_input", keys)
  end
  function nvim.stop()
    pcall(nvim.lua, "for _, c in ipairs(vim.lsp.get_clients()) do c:stop(true) end")
    vim.fn.jobstop(channel)
  end
  return nvim
end

--- Types `typed` on a fresh line, completes with <C-x><C-o>, picks the item labelled
--- `wanted` and returns the line then, with the labels of the menu in order.
local function complete_in(nvim, typed, wanted)
  nvim.lua([[
    vim.api.nvim_buf_set_lines(0, 0, -1, false, { "# Completion", "", ... })
    vim.api.nvim_win_set_cursor(0, { 3, 0 })
  ]], typed)
  nvim.input("A<C-x><C-o>")
  wait_for("the completion menu for " .. typed, function()
    return nvim.lua("return vim.fn.pumvisible()") == 1
  end)
  local items = nvim.lua("return vim.fn.complete_info({ 'items' }).items")
  local labels = vim.tbl_map(function(item) return item.abbr end, items)
  local index
  for i, label in ipairs(labels) do
    if label == wanted and not index then
      index = i
    end
  end
  check(index, ("%s is not in the menu for %q: %s"):format(wanted, typed, vim.inspect(labels)))
  nvim.lua("vim.api.nvim_select_popupmenu_item(...)", index - 1, true, true, vim.empty_dict())
  local line
  vim.wait(2000, function()
    line = nvim.lua("return vim.api.nvim_get_current_line()")
    return line == wanted
  end, 50)
  nvim.input("<Esc>")
  return line, labels
end

vim.list_extend(cases, {
  {
    name = "<C-x><C-o> and vim.lsp.completion.enable insert multi-word names whole, names before events that only mention them",
    run = function()
      local nvim = embedded_nvim()
      local ok, err = pcall(function()
        nvim.lua([[
          local plugin_dir, bin, file = ...
          vim.opt.runtimepath:prepend(plugin_dir)
          vim.cmd("filetype on")
          vim.o.swapfile = false
          vim.lsp.config("dossier", { cmd = { bin, "lsp" } })
          vim.lsp.enable("dossier")
          vim.cmd.edit(vim.fn.fnameescape(file))
        ]], plugin_dir, bin, workspace .. "/briefs/completion.md")
        wait_for("the embedded client to index", function()
          return nvim.lua("return require('dossier').status.state") == "ready"
        end)
        local line, labels = complete_in(nvim, "Neta", "Benjamin Netanyahu")
        check_eq(line, "Benjamin Netanyahu", "<C-x><C-o> inserted; menu: " .. vim.inspect(labels))
        local name_at, talks_at
        for i, label in ipairs(labels) do
          name_at = name_at or (label == "Benjamin Netanyahu" and i)
          talks_at = talks_at or (label == "Moscow talks" and i)
        end
        check(not talks_at or name_at < talks_at, "an event found through a participant ranks above the name: " .. vim.inspect(labels))
        line = complete_in(nvim, "Vela", "Ali Akbar Velayati")
        check_eq(line, "Ali Akbar Velayati", "<C-x><C-o> inserted for Vela")

        nvim.lua("vim.lsp.completion.enable(true, vim.lsp.get_clients({ name = 'dossier' })[1].id, 0)")
        line = complete_in(nvim, "Neta", "Benjamin Netanyahu")
        check_eq(line, "Benjamin Netanyahu", "with vim.lsp.completion.enable")
      end)
      nvim.stop()
      if not ok then
        error(err, 0)
      end
    end,
  },
  {
    name = "vim.lsp.enable('dossier') in a folder without dossier.toml or .git roots at the brief's folder and checks against its documents",
    run = function()
      local folder = loose_folder("enable", 2, LOOSE_BRIEF)
      local buf = enable_and_open(folder)
      wait_for("the client to attach", function()
        local client = client_of(buf)
        return client ~= nil and client.initialized == true
      end)
      check_eq(client_of(buf).root_dir, folder, "root_dir: the brief's folder")
      wait_for("dossier/status ready", function()
        return dossier.status_of(buf).state == "ready"
      end)
      check_eq(dossier.statusline(buf), "dossier: 2 documents", "statusline")
      wait_for("unknown-citation diagnostics", function()
        return #unknown_citations(buf) > 0
      end)
      local flagged = unknown_citations(buf)
      check_eq(#flagged, 1, "only the missing key is unknown: " .. vim.inspect(flagged))
      check(flagged[1].message:find("zz_loose_missing", 1, true), flagged[1].message)
      local health = checkhealth_text()
      check(not health:find("ERROR", 1, true), "checkhealth errors:\n" .. health)
      vim.lsp.enable("dossier", false)
      stop_all_clients()
      vim.cmd("silent! bwipeout! " .. buf)
      vim.fn.delete(folder, "rf")
    end,
  },
  {
    name = "a folder with no articles: no finding against the empty corpus, a warning that names the folder, and the status says 0 documents",
    run = function()
      -- Only this test's client: none left enabled or running by an earlier case.
      vim.lsp.enable("dossier", false)
      stop_all_clients()
      local folder = loose_folder("nocorpus", 0, LOOSE_BRIEF .. "\nHe said \"we will never leave this city\".\n")
      local messages, published = {}, 0
      dossier.status = { state = "stopped" }
      vim.cmd.edit(vim.fn.fnameescape(folder .. "/brief.md"))
      local buf = vim.api.nvim_get_current_buf()
      vim.lsp.start({
        name = "dossier",
        cmd = { bin, "lsp" },
        root_dir = folder,
        handlers = {
          ["dossier/status"] = dossier.on_status,
          ["window/showMessage"] = function(_, result)
            messages[#messages + 1] = result.message
          end,
          ["textDocument/publishDiagnostics"] = function(err, result, ctx)
            published = published + 1
            return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx)
          end,
        },
      }, { bufnr = buf })
      wait_for("dossier/status ready", function()
        return dossier.status_of(buf).state == "ready"
      end)
      check_eq(dossier.statusline(buf), "dossier: 0 documents", "statusline")
      wait_for("a warning about the empty corpus", function()
        return #messages > 0
      end)
      check(messages[1]:find("no source document found in " .. folder, 1, true), vim.inspect(messages))
      -- Before, every key was unknown-citation and every quote quote-not-found here. Give a
      -- late publish time to land (the server publishes after the index is ready).
      vim.wait(2000, function()
        return #vim.diagnostic.get(buf) > 0
      end, 50)
      check_eq(vim.diagnostic.get(buf), {}, ("findings against an empty corpus (%d publishes)"):format(published))
      stop_all_clients()
      vim.cmd("silent! bwipeout! " .. buf)
      vim.fn.delete(folder, "rf")
    end,
  },
  {
    name = "a client with no workspace folder: the server says so, indexes the brief's folder, and :checkhealth fails loudly",
    run = function()
      local folder = loose_folder("rootless", 3, LOOSE_BRIEF)
      local messages = {}
      dossier.status = { state = "stopped" }
      vim.cmd.edit(vim.fn.fnameescape(folder .. "/brief.md"))
      local buf = vim.api.nvim_get_current_buf()
      -- What vim.lsp.enable does with root_markers alone when none is found: no root_dir.
      vim.lsp.start({
        name = "dossier",
        cmd = { bin, "lsp" },
        handlers = {
          ["dossier/status"] = dossier.on_status,
          ["window/showMessage"] = function(_, result)
            messages[#messages + 1] = result.message
          end,
        },
      }, { bufnr = buf })
      wait_for("a window/showMessage about the missing workspace", function()
        return #messages > 0
      end)
      check(messages[1]:find("no workspace folder", 1, true), vim.inspect(messages))
      check(messages[1]:find(folder, 1, true), "the message names the folder: " .. vim.inspect(messages))
      wait_for("dossier/status ready", function()
        return dossier.status_of(buf).state == "ready"
      end)
      check_eq(dossier.statusline(buf), "dossier: 3 documents", "statusline")
      wait_for("unknown-citation diagnostics", function()
        return #unknown_citations(buf) > 0
      end)
      check_eq(#unknown_citations(buf), 1, "only the missing key is unknown")
      local health = checkhealth_text()
      check(health:find("ERROR", 1, true) and health:find("without a workspace folder", 1, true), "checkhealth:\n" .. health)
      stop_all_clients()
      vim.cmd("silent! bwipeout! " .. buf)
      vim.fn.delete(folder, "rf")
    end,
  },
  {
    name = ":checkhealth dossier fails loudly on an index of 0 documents and on a missing server",
    run = function()
      local folder = loose_folder("empty", 0, LOOSE_BRIEF)
      local buf = enable_and_open(folder)
      wait_for("dossier/status ready", function()
        return client_of(buf) ~= nil and dossier.status_of(buf).state == "ready"
      end)
      local health = checkhealth_text()
      check(health:find("ERROR", 1, true) and health:find("0 documents", 1, true), "checkhealth:\n" .. health)
      vim.lsp.enable("dossier", false)
      stop_all_clients()
      vim.cmd("silent! bwipeout! " .. buf)
      vim.fn.delete(folder, "rf")

      dossier.config.path = "/nonexistent/dossier"
      health = checkhealth_text()
      dossier.config.path = bin
      check(health:find("ERROR", 1, true) and health:find("/nonexistent/dossier", 1, true), "checkhealth:\n" .. health)
    end,
  },
  {
    name = "go-to-source on a quote from a saved page or a PDF opens its text beside the index cache, on the quote's words",
    run = function()
      local folder = vim.uv.fs_realpath(vim.fn.fnamemodify(vim.fn.tempname(), ":h")) .. "/dossier-sources-" .. vim.uv.getpid()
      vim.fn.delete(folder, "rf")
      vim.fn.mkdir(folder .. "/sources", "p")
      for _, name in ipairs({ "two_column.pdf", "article_with_clutter.html" }) do
        assert(vim.uv.fs_copyfile(repo_root .. "/tests/fixtures/sources/" .. name, folder .. "/sources/" .. name))
      end
      write_file(folder .. "/dossier.toml", "# sources of every kind, by default\n")
      local quotes = {
        { words = "The reconstruction of the water infrastructure cannot wait for a political settlement", file = "two_column.pdf" },
        { words = "we will not leave until they are open", file = "article_with_clutter.html" },
      }
      write_file(folder .. "/brief.md", table.concat({
        "# Talks",
        "",
        'Lindqvist said "' .. quotes[1].words .. '" [@two_column].',
        "",
        'Haddad said "' .. quotes[2].words .. '" [@article_with_clutter].',
        "",
      }, "\n"))
      local buf = enable_and_open(folder)
      wait_for("dossier/status ready", function()
        return client_of(buf) ~= nil and dossier.status_of(buf).state == "ready"
      end)
      local client = client_of(buf)
      local cache_home = vim.uv.fs_realpath(vim.env.XDG_CACHE_HOME or (vim.env.HOME .. "/.cache"))
      for _, quote in ipairs(quotes) do
        local at = text_params(buf, position_of(buf, quote.words, 4))
        local result = request(buf, "textDocument/definition", at)
        local found = targets(result)
        check_eq(#found, 1, "definition targets: " .. vim.inspect(result))
        local target = found[1].file
        check(vim.startswith(target, cache_home .. "/dossier/"), ("the target %s is not in the cache folder %s"):format(target, cache_home))
        check(vim.endswith(target, "/renditions/sources/" .. quote.file .. ".txt"), "the target: " .. target)
        check(not vim.startswith(target, folder), "the rendition was written into the workspace: " .. target)
        -- Jump as `gd` does, then read the selected span out of the opened buffer.
        local location = result[1] or result
        vim.lsp.util.show_document(location, client.offset_encoding, { focus = true })
        local opened = vim.api.nvim_get_current_buf()
        check_eq(vim.uv.fs_realpath(vim.api.nvim_buf_get_name(opened)), target, "the buffer opened")
        local item = vim.lsp.util.locations_to_items({ {
          uri = location.targetUri or location.uri,
          range = location.targetSelectionRange or location.range,
        } }, client.offset_encoding)[1]
        check_eq(vim.api.nvim_win_get_cursor(0), { item.lnum, item.col - 1 }, "the cursor is on the span's start")
        local words = vim.api.nvim_buf_get_text(opened, item.lnum - 1, item.col - 1, item.end_lnum - 1, item.end_col - 1, {})
        check_eq(vim.trim(table.concat(words, " "):gsub("%s+", " ")), quote.words, "the selected words")
        vim.cmd("silent! bwipeout! " .. opened)
        vim.api.nvim_set_current_buf(buf)
        local hover = hover_text(request(buf, "textDocument/hover", at))
        local link = ("(%s)"):format(vim.uri_from_fname(folder .. "/sources/" .. quote.file))
        check(hover:find("Original: [", 1, true) and hover:find(link, 1, true), "the hover lacks a link to the original " .. link .. ":\n" .. hover)
      end
      local card = hover_text(request(buf, "textDocument/hover", text_params(buf, position_of(buf, "@article_with_clutter", 3))))
      for _, wanted in ipairs({ "Ceasefire talks stall over aid corridors", "2019-03-14", "The Geneva Ledger", "https://ledger.example/world/2019/03/14/ceasefire-talks-stall" }) do
        check(card:find(wanted, 1, true), ("%q not in the citation's card:\n%s"):format(wanted, card))
      end
      vim.lsp.enable("dossier", false)
      stop_all_clients()
      vim.cmd("silent! bwipeout! " .. buf)
      vim.fn.delete(folder, "rf")
    end,
  },
})

if started then
  for _, case in ipairs(cases) do
    run(case.name, case.run)
  end
else
  failed = failed + #cases
  say(("skipped %d cases: the client did not start"):format(#cases))
end

for _, client in ipairs(vim.lsp.get_clients()) do
  vim.lsp.stop_client(client.id, true)
end
-- A server that ignored `exit` is still our child: end it by its pid, so none outlives the test.
local function leftover_servers()
  local pids = {}
  for _, pid in ipairs(vim.api.nvim_get_proc_children(vim.fn.getpid())) do
    local info = vim.api.nvim_get_proc(pid)
    if info and info.name and info.name:find("dossier", 1, true) then
      pids[#pids + 1] = pid
    end
  end
  return pids
end
vim.wait(2000, function()
  return #leftover_servers() == 0
end, 50)
for _, pid in ipairs(leftover_servers()) do
  say(("note: killing server pid %d, which was still running after its client stopped"):format(pid))
  vim.uv.kill(pid, "sigkill")
end
watchdog:stop()
vim.fn.delete(workspace, "rf")
say(("%d passed, %d failed"):format(passed, failed))
os.exit(failed == 0 and 0 or 1)
