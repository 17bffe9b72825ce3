//! `dossier check`: the findings of briefs, as text lines or JSON.

use std::path::PathBuf;

use serde::Serialize;

use super::{display_path, open, write_stdout, CommonArgs, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use crate::analysis::ide::{self, BriefFile, Context, Diagnostic};
use crate::workspace::{brief_glob_problems, discover_briefs, read_brief, BriefText};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Default)]
pub struct CheckArgs {
    pub common: CommonArgs,
    /// Briefs to check; all briefs of the workspace when empty.
    pub briefs: Vec<PathBuf>,
    pub format: OutputFormat,
}

/// One finding as `--format json` prints it. Lines and columns are 1-based; columns count
/// UTF-8 bytes, as ripgrep and Vim's quickfix list do.
#[derive(Debug, Serialize)]
pub struct Finding {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
}

pub fn run_check(args: &CheckArgs) -> i32 {
    let opened = match open(&args.common) {
        Ok(opened) => opened,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_ERROR;
        }
    };
    if opened.corpus.docs.is_empty() {
        // Every key would be unknown and every quote not found: a wrong folder or glob,
        // which a CI job must not mistake for findings (or, with no brief flagged, a pass).
        eprintln!(
            "error: the corpus is empty: no source document under {} matches `corpus` {:?}; run in the folder that holds the articles, pass --root or --corpus, or set `corpus` in dossier.toml",
            opened.root.display(),
            opened.config.corpus
        );
        return EXIT_ERROR;
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| opened.root.clone());
    let brief_paths: Vec<PathBuf> = if args.briefs.is_empty() {
        // A bad glob or an empty selection would check nothing and exit 0: CI would pass
        // with no brief checked.
        let problems = brief_glob_problems(&opened.config);
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        if !problems.is_empty() {
            return EXIT_ERROR;
        }
        let corpus_paths: Vec<PathBuf> =
            opened.corpus.docs.iter().map(|d| d.path.clone()).collect();
        let found = discover_briefs(&opened.root, &opened.config, &corpus_paths);
        if found.is_empty() {
            eprintln!(
                "error: no brief found: no file under {} matches `briefs` {:?} outside the corpus",
                opened.root.display(),
                opened.config.briefs
            );
            return EXIT_ERROR;
        }
        found
    } else {
        args.briefs.iter().map(|p| cwd.join(p)).collect()
    };
    let cx = Context::ready(&opened.corpus, &opened.config.check);
    let mut findings = Vec::new();
    let mut n_unreadable = 0usize;
    for path in &brief_paths {
        // Within `max_file_bytes`, and only regular files: `dossier check /dev/zero` once
        // grew without bound.
        let (brief, problem) = match read_brief(path, opened.config.max_file_bytes) {
            Ok(read) => read,
            Err(problem) => {
                eprintln!("error: cannot read brief: {problem}");
                n_unreadable += 1;
                continue;
            }
        };
        if let Some(problem) = problem {
            eprintln!("warning: {problem}");
        }
        let shown = display_path(&cwd, path);
        let file = BriefFile::new(shown.clone(), brief.text.clone());
        findings.extend(
            ide::diagnostics(cx, &file)
                .iter()
                .map(|d| finding(&file, &brief, &shown, d)),
        );
    }
    match args.format {
        OutputFormat::Text => {
            let lines: String = findings
                .iter()
                .map(|f| {
                    format!(
                        "{}:{}:{}: {}[{}]: {}\n",
                        f.path, f.line, f.column, f.severity, f.code, f.message
                    )
                })
                .collect();
            write_stdout(&lines);
            // A brief that could not be read was not checked: counting it would report
            // "0 finding(s) in 1 brief(s)" for a file that does not exist.
            let n_checked = brief_paths.len() - n_unreadable;
            if n_checked > 0 {
                let unread = match n_unreadable {
                    0 => String::new(),
                    n => format!("; {n} brief(s) could not be read"),
                };
                eprintln!(
                    "dossier: {} finding(s) in {n_checked} brief(s) against {} document(s){unread}",
                    findings.len(),
                    opened.corpus.docs.len()
                );
            }
        }
        OutputFormat::Json => match serde_json::to_string_pretty(&findings) {
            Ok(json) => write_stdout(&format!("{json}\n")),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return EXIT_ERROR;
            }
        },
    }
    if opened.cache_was_refused() {
        eprintln!("dossier: {}", opened.cache);
    }
    opened.save_cache();
    if n_unreadable > 0 || opened.config_failed {
        EXIT_ERROR
    } else if findings
        .iter()
        .any(|f| f.severity == "error" || f.severity == "warning")
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn finding(file: &BriefFile, brief: &BriefText, shown: &str, diagnostic: &Diagnostic) -> Finding {
    // Columns count the file's bytes: where invalid UTF-8 was replaced by U+FFFD (three
    // bytes for what may have been one), they are mapped back.
    let file_column = |offset: usize| {
        let position = file
            .line_index
            .line_col(offset, crate::analysis::text::ColumnUnit::Utf8);
        let line_start = offset.saturating_sub(position.col as usize);
        let column = brief
            .file_offset(offset)
            .saturating_sub(brief.file_offset(line_start));
        (position.line as usize + 1, column + 1)
    };
    let (line, column) = file_column(diagnostic.range.start);
    let (end_line, end_column) = file_column(diagnostic.range.end);
    Finding {
        path: shown.to_string(),
        line,
        column,
        end_line,
        end_column,
        severity: diagnostic.severity.as_str(),
        code: diagnostic.code,
        message: diagnostic.message.clone(),
    }
}
