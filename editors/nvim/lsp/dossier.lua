-- Configuration for Neovim 0.11+'s vim.lsp.config / vim.lsp.enable("dossier"): found on
-- 'runtimepath' once this plugin is installed. Override with vim.lsp.config("dossier", {...}).
--
-- root_dir, not root_markers: with markers alone a brief outside any folder holding
-- dossier.toml or .git starts the server with no workspace at all. The function roots at
-- the nearest such folder, else the brief's own folder (as require("dossier").setup() does).
return {
  cmd = function(dispatchers)
    return vim.lsp.rpc.start(require("dossier").cmd(), dispatchers)
  end,
  filetypes = { "markdown" },
  root_dir = function(bufnr, on_dir)
    if vim.api.nvim_buf_get_name(bufnr) ~= "" then
      on_dir(require("dossier").root_dir(bufnr))
    end
  end,
  settings = { dossier = vim.empty_dict() },
  handlers = {
    ["dossier/status"] = function(...)
      return require("dossier").on_status(...)
    end,
  },
}
