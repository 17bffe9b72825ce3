--- :checkhealth dossier. Everything that leaves the user without answers is an ERROR:
--- no server binary, a client without a workspace folder, an index of 0 documents.
local M = {}

--- The command a client would start: vim.lsp.config's when enabled that way, else setup()'s.
local function configured_cmd(dossier)
  if vim.lsp.config and vim.lsp.is_enabled and vim.lsp.is_enabled("dossier") and not dossier.did_setup then
    local cmd = (vim.lsp.config.dossier or {}).cmd
    if type(cmd) == "table" then
      return cmd
    end
  end
  return dossier.cmd()
end

function M.check()
  local health = vim.health
  local dossier = require("dossier")

  health.start("dossier: Neovim")
  local version = vim.version()
  if vim.fn.has("nvim-0.10") == 1 then
    health.ok(("Neovim %d.%d.%d"):format(version.major, version.minor, version.patch))
  else
    health.error("Neovim 0.10 or newer is required (vim.lsp.start, vim.fs.root, vim.system)")
  end

  health.start("dossier: server binary")
  local cmd = configured_cmd(dossier)
  local executable = vim.fn.exepath(cmd[1])
  if executable == "" then
    health.error(("the server `%s` is not an executable file or on PATH: no dossier client can start"):format(cmd[1]), {
      "let the plugin manager build it: lazy.nvim `build = \"cargo build --release\"`, packer `run = \"cargo build --release\"`",
      "or install it: `cargo install --path .` in the dossier repository",
      "or point the plugin at a build: require('dossier').setup({ path = '/path/to/dossier' })",
    })
  else
    health.ok("server binary: " .. executable)
    local ok, result = pcall(function()
      return vim.system({ executable, "--version" }, { text = true }):wait(5000)
    end)
    if ok and result.code == 0 and vim.trim(result.stdout or "") ~= "" then
      health.info("version: " .. vim.trim(result.stdout))
    end
  end

  health.start("dossier: configuration")
  if dossier.did_setup then
    health.ok("require('dossier').setup() was called; filetypes: " .. table.concat(dossier.config.filetypes, ", "))
  elseif vim.lsp.config and vim.lsp.is_enabled and vim.lsp.is_enabled("dossier") then
    health.ok("enabled with vim.lsp.enable('dossier')")
  else
    health.warn("the server is not set up", {
      "call require('dossier').setup() in your config",
      "or, on Neovim 0.11+, vim.lsp.enable('dossier')",
    })
  end

  health.start("dossier: clients")
  local clients = vim.lsp.get_clients({ name = "dossier" })
  if #clients == 0 then
    health.info("no dossier client is running; open a markdown brief")
  end
  for _, client in ipairs(clients) do
    local status = dossier.statuses[client.id] or {}
    local statusline = ("dossier: %s"):format(status.state or "no status yet")
    if status.state == "ready" then
      statusline = ("dossier: %d documents"):format(tonumber(status.documents) or 0)
    end
    if client.root_dir == nil then
      health.error(("client %d was started without a workspace folder: %s"):format(client.id, statusline), {
        "the server then indexes the folder of the first brief opened; to choose the folder, put a dossier.toml (or .git) at the workspace root",
        "with vim.lsp.config, keep this plugin's root_dir (it falls back to the brief's folder) rather than root_markers alone",
      })
    elseif status.state == "ready" and (tonumber(status.documents) or 0) == 0 then
      health.error(("client %d: root %s, but the index holds 0 documents: every citation and quote would go unchecked"):format(client.id, client.root_dir), {
        "put the source documents (.txt, .md, .html, .pdf) under the root, or name them with `corpus` in dossier.toml",
        "open the folder that holds them, or add a dossier.toml there",
      })
    elseif status.state == "no-workspace" then
      health.error(("client %d: the server has no workspace folder yet"):format(client.id))
    else
      health.ok(("client %d: root %s, %s"):format(client.id, client.root_dir, statusline))
    end
  end
end

return M
