;;; dossier.el --- Eglot setup for the dossier language server  -*- lexical-binding: t; -*-

;; Tried with Emacs 28.2 and eglot 1.9 (Debian's elpa-eglot). Load it from your init file:
;;   (add-to-list 'load-path "/path/to/dossier/editors/emacs")
;;   (require 'dossier)
;; Then open a markdown brief (markdown-mode, gfm-mode or markdown-ts-mode); eglot starts
;; `dossier lsp' in the project root.  Needs eglot (built into Emacs 29+) and a markdown mode.

;;; Code:

(require 'eglot)
(require 'project)

(defgroup dossier nil
  "Check markdown briefs against a corpus with the dossier language server."
  :group 'tools
  :prefix "dossier-")

(defcustom dossier-program "dossier"
  "The dossier binary: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom dossier-markdown-modes '(markdown-mode gfm-mode markdown-ts-mode)
  "Major modes in which eglot starts dossier."
  :type '(repeat symbol))

;; The server asks for the "dossier" section (workspace/configuration).  Every key is
;; optional; without them dossier.toml at the workspace root (or the defaults) applies.
;; Example, in .dir-locals.el at the workspace root:
;;   ((nil . ((eglot-workspace-configuration
;;             . (:dossier (:corpus ["seeds/*.txt"] :check (:minQuoteWords 3)))))))

(add-to-list 'eglot-server-programs
             `(,dossier-markdown-modes . ,(lambda (&rest _) (list dossier-program "lsp"))))

;; The nearest folder with dossier.toml is the project root, inside a version-control
;; root or outside any (Emacs 28's project.el knows only VC roots).
(defun dossier--project (dir)
  "A project rooted at the nearest folder above DIR that holds dossier.toml."
  (let ((root (locate-dominating-file dir "dossier.toml")))
    (and root (cons 'transient (expand-file-name root)))))

(add-hook 'project-find-functions #'dossier--project)

(defun dossier-check ()
  "Run `dossier check' on every brief of the current project, in a compilation buffer."
  (interactive)
  (let ((default-directory (or (and (project-current) (project-root (project-current)))
                               default-directory)))
    (compile (format "%s check --root %s"
                     (shell-quote-argument dossier-program)
                     (shell-quote-argument (expand-file-name default-directory))))))

(dolist (mode dossier-markdown-modes)
  (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure))

(provide 'dossier)
;;; dossier.el ends here
