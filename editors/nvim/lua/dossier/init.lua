--- Neovim client for the dossier language server (Neovim 0.10+).
---
--- require("dossier").setup({ ... }) starts `dossier lsp` for markdown buffers with
--- vim.lsp.start, one client per workspace root (the folder holding dossier.toml or .git).
--- On Neovim 0.11+ the same server can instead be enabled with vim.lsp.enable("dossier"),
--- which reads lsp/dossier.lua from this plugin; see editors/README.md.
local M = {}

---@class dossier.Config
---@field path string the server binary, a name on PATH or a path (default "dossier" or $DOSSIER_BIN)
---@field cmd? string[] the whole command; default { path, "lsp" }
---@field filetypes string[] buffers to attach to
---@field root_markers string[] files or folders that mark the workspace root
---@field settings table the "dossier" configuration section: corpus, exclude, briefs, check = { minQuoteWords, nearThreshold }
---@field init_options? table initializationOptions; default: settings
---@field on_attach? fun(client: vim.lsp.Client, bufnr: integer)
---@field on_exit? fun(code: integer, signal: integer, client_id: integer)
---@field capabilities? table
local defaults = {
  path = nil,
  cmd = nil,
  filetypes = { "markdown" },
  root_markers = { "dossier.toml", ".git" },
  settings = {},
  init_options = nil,
  on_attach = nil,
  on_exit = nil,
  capabilities = nil,
}

---@type dossier.Config
M.config = vim.deepcopy(defaults)
M.did_setup = false

--- The last `dossier/status` the server sent: { state = "indexing"|"ready", documents = N, message = "..." }.
M.status = { state = "stopped" }

local INSTALL_HINT = "Build it with the plugin manager's build step (`cargo build --release` in the plugin's "
  .. "repository), or `cargo install --path .` there, or pass setup({ path = '/path/to/dossier' }). See :checkhealth dossier."

--- Lua's empty table encodes as a JSON array; the server wants objects.
local function as_object(value)
  if type(value) == "table" and next(value) == nil then
    return vim.empty_dict()
  end
  return value
end

--- The repository this plugin lives in (editors/nvim/lua/dossier/init.lua, four levels up).
M.repo_root = vim.fs.dirname(vim.fs.dirname(vim.fs.dirname(vim.fs.dirname(vim.fs.dirname(
  vim.fs.normalize(debug.getinfo(1, "S").source:sub(2))
)))))

--- The server the plugin manager's build step made (`cargo build --release` in the
--- repository), when there is one.
---@return string?
function M.built_binary()
  local built = vim.fs.joinpath(M.repo_root, "target", "release", vim.fn.has("win32") == 1 and "dossier.exe" or "dossier")
  if vim.fn.executable(built) == 1 then
    return built
  end
  return nil
end

--- The server binary as configured: setup({ path }), else $DOSSIER_BIN, else the binary
--- the plugin was built with (its repository's target/release), else "dossier" on PATH.
function M.path()
  local path = M.config.path
  if path == nil or path == "" then
    path = vim.env.DOSSIER_BIN
  end
  if path == nil or path == "" then
    path = M.built_binary()
  end
  if path == nil or path == "" then
    path = "dossier"
  end
  return vim.fs.normalize(path)
end

--- The command that starts the server.
---@return string[]
function M.cmd()
  return M.config.cmd or { M.path(), "lsp" }
end

--- The workspace root of a buffer: the nearest folder up with a root marker, else the
--- buffer's own folder, else the current directory.
---@param bufnr? integer
---@return string
function M.root_dir(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = vim.fs.root(bufnr, M.config.root_markers)
  if root then
    return root
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name ~= "" then
    return vim.fs.dirname(vim.fs.normalize(name))
  end
  return vim.uv.cwd()
end

--- The last `dossier/status` of each client, by client id (one server per root).
M.statuses = {}

--- Handler for the server's `dossier/status` notification; also used by lsp/dossier.lua.
function M.on_status(_, result, ctx)
  if type(result) == "table" then
    M.status = result
    if ctx and ctx.client_id then
      M.statuses[ctx.client_id] = result
    end
    vim.api.nvim_exec_autocmds("User", { pattern = "DossierStatus", data = result, modeline = false })
  end
end

--- The status of the dossier client attached to a buffer (default: the current one), else
--- the last status any client sent.
---@param bufnr? integer
function M.status_of(bufnr)
  local clients = vim.lsp.get_clients({ bufnr = bufnr or 0, name = "dossier" })
  if #clients == 0 then
    return M.status
  end
  for _, client in ipairs(clients) do
    if M.statuses[client.id] then
      return M.statuses[client.id]
    end
  end
  return { state = "starting" }
end

--- A short text for the statusline: "dossier: indexing…" or "dossier: 5 documents", for
--- the server of the buffer (default: the current one).
---@param bufnr? integer
function M.statusline(bufnr)
  local status = M.status_of(bufnr)
  if status.state == "ready" then
    local n = tonumber(status.documents) or 0
    return ("dossier: %d %s"):format(n, n == 1 and "document" or "documents")
  elseif status.state == "indexing" then
    return "dossier: indexing…"
  elseif status.state == "no-workspace" then
    return "dossier: no workspace"
  end
  return "dossier: " .. tostring(status.state)
end

--- The client configuration for vim.lsp.start.
---@param bufnr integer
function M.client_config(bufnr)
  local root = M.root_dir(bufnr)
  return {
    name = "dossier",
    cmd = M.cmd(),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    settings = { dossier = as_object(M.config.settings) },
    init_options = as_object(M.config.init_options or M.config.settings),
    capabilities = M.config.capabilities,
    handlers = { ["dossier/status"] = M.on_status },
    on_attach = M.config.on_attach,
    on_exit = function(code, signal, client_id)
      M.status = { state = "stopped" }
      if M.config.on_exit then
        M.config.on_exit(code, signal, client_id)
      end
    end,
  }
end

local warned_missing = false

--- Starts (or reuses) the client for a buffer. Returns the client id, or nil.
---@param bufnr? integer
---@return integer?
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= "" or vim.api.nvim_buf_get_name(bufnr) == "" then
    return nil
  end
  local cmd = M.cmd()
  if vim.fn.executable(cmd[1]) ~= 1 then
    if not warned_missing then
      warned_missing = true
      -- Scheduled: an error message raised inside the FileType autocommand would abort :edit.
      vim.schedule(function()
        vim.notify(("dossier: the server binary `%s` was not found. %s"):format(cmd[1], INSTALL_HINT), vim.log.levels.ERROR)
      end)
    end
    return nil
  end
  return vim.lsp.start(M.client_config(bufnr), { bufnr = bufnr })
end

--- Stops every dossier client and starts them again for the open briefs.
function M.restart()
  local clients = vim.lsp.get_clients({ name = "dossier" })
  for _, client in ipairs(clients) do
    vim.lsp.stop_client(client.id)
  end
  vim.wait(5000, function()
    for _, client in ipairs(clients) do
      if not client:is_stopped() then
        return false
      end
    end
    return true
  end, 50)
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.start(bufnr)
    end
  end
end

local quickfix_type = { error = "E", warning = "W", information = "I", hint = "N" }

--- Quickfix items from the JSON that `dossier check --format json` prints.
---@param stdout string
---@param root string paths in the findings are relative to it
---@return table[] items, string? error
function M.findings_to_qf(stdout, root)
  if vim.trim(stdout) == "" then
    return {}
  end
  local ok, findings = pcall(vim.json.decode, stdout, { luanil = { object = true, array = true } })
  if not ok or type(findings) ~= "table" then
    return {}, "dossier check printed something that is not JSON: " .. tostring(findings)
  end
  local items = {}
  for _, finding in ipairs(findings) do
    if type(finding) == "table" and type(finding.path) == "string" then
      local filename = finding.path
      if not vim.startswith(filename, "/") and not filename:match("^%a:[/\\]") then
        filename = vim.fs.joinpath(root, filename)
      end
      items[#items + 1] = {
        filename = vim.fs.normalize(filename),
        lnum = tonumber(finding.line) or 1,
        col = tonumber(finding.column) or 1,
        end_lnum = tonumber(finding.end_line),
        end_col = tonumber(finding.end_column),
        type = quickfix_type[finding.severity] or "N",
        text = finding.code and ("[%s] %s"):format(finding.code, finding.message or "")
          or tostring(finding.message or ""),
      }
    end
  end
  return items
end

--- Runs `dossier check --format json` in the workspace of the current buffer and fills the
--- quickfix list (title "dossier check"). `briefs` limits the check to those files.
---@param briefs? string[]
---@param on_done? fun(items: table[]) called after the list is set
function M.check(briefs, on_done)
  local root = M.root_dir(0)
  local cmd = { M.path(), "check", "--format", "json", "--root", root }
  for _, corpus in ipairs(M.config.settings.corpus or {}) do
    vim.list_extend(cmd, { "--corpus", corpus })
  end
  for _, brief in ipairs(briefs or {}) do
    cmd[#cmd + 1] = vim.fn.fnamemodify(brief, ":p")
  end
  if vim.fn.executable(cmd[1]) ~= 1 then
    vim.notify(("dossier: the server binary `%s` was not found. %s"):format(cmd[1], INSTALL_HINT), vim.log.levels.ERROR)
    return
  end
  vim.system(cmd, { text = true, cwd = root }, function(result)
    vim.schedule(function()
      -- Exit 0: nothing at warning level or above; 1: findings; anything else: an error.
      if result.code ~= 0 and result.code ~= 1 then
        local reason = vim.split(vim.trim(result.stderr or ""), "\n")[1]
        vim.notify(("dossier check failed (exit %s): %s"):format(result.code, reason), vim.log.levels.ERROR)
        return
      end
      local items, err = M.findings_to_qf(result.stdout or "", root)
      if err then
        vim.notify(err, vim.log.levels.ERROR)
        return
      end
      vim.fn.setqflist({}, " ", { title = "dossier check", items = items })
      if #items > 0 then
        vim.cmd("botright copen")
      else
        vim.notify("dossier check: no findings", vim.log.levels.INFO)
      end
      if on_done then
        on_done(items)
      end
    end)
  end)
end

--- Starts the server for markdown buffers (now and whenever one opens).
---@param opts? dossier.Config
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  M.did_setup = true
  -- A plugin manager that adds editors/nvim to 'runtimepath' late (lazy.nvim's `config`)
  -- has not sourced plugin/dossier.lua: the commands and colours come from there.
  if not vim.g.loaded_dossier then
    vim.cmd.runtime("plugin/dossier.lua")
  end
  local group = vim.api.nvim_create_augroup("dossier", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      M.start(bufnr)
    end
  end
end

--- Undoes setup(): no new clients start (running ones keep running).
function M.teardown()
  pcall(vim.api.nvim_del_augroup_by_name, "dossier")
  M.did_setup = false
end

return M
