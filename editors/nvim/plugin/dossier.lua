-- User commands of the dossier plugin. Starting the server is up to the user's config:
-- require("dossier").setup({...}), or vim.lsp.enable("dossier") on Neovim 0.11+.
if vim.g.loaded_dossier then
  return
end
vim.g.loaded_dossier = true

vim.api.nvim_create_user_command("DossierCheck", function(opts)
  require("dossier").check(opts.fargs)
end, {
  nargs = "*",
  complete = "file",
  desc = "dossier: check the briefs (all, or the files named) into the quickfix list",
})

vim.api.nvim_create_user_command("DossierRestart", function()
  require("dossier").restart()
end, { desc = "dossier: restart the language server" })

vim.api.nvim_create_user_command("DossierStatus", function()
  vim.notify(require("dossier").statusline())
end, { desc = "dossier: show the index state" })

-- Colours for the server's semantic tokens, linked to standard groups so every colorscheme
-- shows them; `default = true` leaves any colorscheme's own choice in place.
for token_type, group in pairs({
  actor = "Type",
  event = "Function",
  citation = "Underlined",
  quoteVerified = "String",
  quoteDiffers = "DiagnosticWarn",
  quoteNotFound = "DiagnosticError",
}) do
  vim.api.nvim_set_hl(0, "@lsp.type." .. token_type, { link = group, default = true })
end
