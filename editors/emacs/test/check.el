;;; check.el --- dossier.el with eglot against the real server, in batch  -*- lexical-binding: t; -*-

;; Run by run.sh: opens BRIEF (an environment variable) in markdown-mode, lets eglot start
;; dossier, and checks that the project root is the folder with dossier.toml, that the
;; made-up quote gets a quote-not-found diagnostic and that a hover on "Lavrov" shows his card.

;;; Code:

(package-initialize)
(require 'markdown-mode)
(require 'dossier)

(defun check--fail (fmt &rest args)
  (message "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))

(find-file (getenv "BRIEF"))
;; eglot-ensure waits for a command loop that batch mode does not run.
(run-hooks 'post-command-hook)
(let ((root (and (project-current) (project-root (project-current))))
      (deadline (+ (float-time) 60))
      diags)
  (unless (and root
               (equal (file-name-as-directory (expand-file-name root))
                      (file-name-as-directory (expand-file-name (getenv "WORKSPACE")))))
    (check--fail "project root %s, not the folder with dossier.toml" root))
  (while (and (< (float-time) deadline) (null (setq diags (flymake-diagnostics))))
    (accept-process-output nil 0.5))
  (unless (seq-some (lambda (d) (string-match-p "quote-not-found" (flymake-diagnostic-text d)))
                    diags)
    (check--fail "no quote-not-found diagnostic: %S" (mapcar #'flymake-diagnostic-text diags)))
  (goto-char (point-min))
  (search-forward "Lavrov")
  (backward-char 2)
  (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (text (plist-get (plist-get hover :contents) :value)))
    (unless (and text (string-match-p "Sergey Lavrov" text))
      (check--fail "hover on Lavrov: %S" text)))
  (message "ok: root %s, %d diagnostic(s), hover card" root (length diags))
  (kill-emacs 0))

;;; check.el ends here
