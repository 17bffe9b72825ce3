--- :checkhealth dossier
local M = {}

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
  local cmd = dossier.cmd()
  local executable = vim.fn.exepath(cmd[1])
  if executable == "" then
    health.error(("`%s` is not an executable file or on PATH"):format(cmd[1]), {
      "Install it: `cargo install --path .` in the dossier repository",
      "or point the plugin at a build: require('dossier').setup({ path = '/path/to/target/debug/dossier' })",
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
    health.ok(("client %d: root %s, %s"):format(client.id, client.root_dir or "?", dossier.statusline()))
  end
end

return M
