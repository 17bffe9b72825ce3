-- Configuration for Neovim 0.11+'s vim.lsp.config / vim.lsp.enable("dossier"): found on
-- 'runtimepath' once this plugin is installed. Override with vim.lsp.config("dossier", {...}).
return {
  cmd = { "dossier", "lsp" },
  filetypes = { "markdown" },
  root_markers = { "dossier.toml", ".git" },
  settings = { dossier = vim.empty_dict() },
  handlers = {
    ["dossier/status"] = function(...)
      return require("dossier").on_status(...)
    end,
  },
}
