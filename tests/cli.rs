//! The command line over the real binary: output formats and exit codes (SPEC §2, §6).

mod support;

use std::process::{Command, Output};

use serde_json::Value;
use support::{binary, cache_dir, workspace};

fn run(root: &std::path::Path, args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(root)
        .env("DOSSIER_CACHE_DIR", cache_dir(root))
        .output()
        .expect("run dossier")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn check_prints_findings_as_lines_and_exits_1() {
    let ws = workspace(&[(
        "brief.md",
        "# B\n\nCited [@003_423e3940cca06aad] and [@missing_key].\n".as_bytes(),
    )]);
    let output = run(ws.path(), &["check", "brief.md"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "brief.md:3:36: error[unknown-citation]: unknown citation key `@missing_key`: no corpus document has this key\n"
    );
}

#[test]
fn check_json_lists_findings_with_positions() {
    let ws = workspace(&[
        ("a.md", "[@nope]\n".as_bytes()),
        (
            "clean.md",
            "Nothing to see [@001_227275e6a66a84db].\n".as_bytes(),
        ),
    ]);
    let output = run(ws.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let findings: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["path"], "a.md");
    assert_eq!(findings[0]["line"], 1);
    assert_eq!(findings[0]["column"], 2);
    assert_eq!(findings[0]["end_column"], 7);
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["code"], "unknown-citation");
}

#[test]
fn check_exits_0_when_clean() {
    let ws = workspace(&[("clean.md", "Fine [@001_227275e6a66a84db].\n".as_bytes())]);
    let output = run(ws.path(), &["check", "clean.md"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
}

#[test]
fn usage_config_and_io_errors_exit_2_with_one_line() {
    let ws = workspace(&[("dossier.toml", b"corpus = 3"), ("b.md", b"x\n")]);
    let output = run(ws.path(), &["check", "b.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("dossier.toml: line 1, column 10: invalid type: integer `3`, expected a path or glob, or a list of them; using the default configuration"), "{}", stderr(&output));

    let ws = workspace(&[]);
    let output = run(ws.path(), &["check", "no-such-brief.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read brief"),
        "{}",
        stderr(&output)
    );

    let output = run(ws.path(), &["check", "--root", "does/not/exist"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is not a folder"));

    let output = run(ws.path(), &["check", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains("panicked"));
}

#[test]
fn check_without_a_brief_to_check_exits_2() {
    // A `briefs` glob that does not parse.
    let ws = workspace(&[("dossier.toml", b"briefs = [\"{{{\"]\n"), ("b.md", b"x\n")]);
    let output = run(ws.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("`{{{` is not a valid glob"),
        "{}",
        stderr(&output)
    );
    // A workspace where no file is a brief.
    let ws = workspace(&[("notes.txt", b"not a brief\n")]);
    let output = run(ws.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no brief found"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn corpus_flag_replaces_the_configured_corpus() {
    let ws = workspace(&[
        ("dossier.toml", b"corpus = [\"nothing-here\"]"),
        ("b.md", b"[@004_df48a3a5ab45bcd7]\n"),
    ]);
    let output = run(ws.path(), &["check", "--corpus", "seeds/004_*.txt", "b.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn index_json_lists_every_document_in_the_spec_schema() {
    let ws = workspace(&[(
        "extra/dated.txt",
        "title: A dated piece\ndate: 2018-07-16\n\nBody.".as_bytes(),
    )]);
    let output = run(ws.path(), &["index", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let index: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    for key in ["documents", "actors", "events", "quotes"] {
        assert!(index[key].is_array(), "{key} missing");
    }
    let documents = index["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 6);
    let dated = documents
        .iter()
        .find(|d| d["key"] == "dated")
        .expect("dated doc");
    assert_eq!(dated["path"], "extra/dated.txt");
    assert_eq!(dated["title"], "A dated piece");
    assert_eq!(dated["date"], "2018-07-16");
    let seed = documents
        .iter()
        .find(|d| d["key"] == "003_423e3940cca06aad")
        .unwrap();
    assert_eq!(seed["bytes"], 3387);
    assert_eq!(seed["path"], "seeds/003_423e3940cca06aad.txt");
}

#[test]
fn index_text_summarises_the_corpus() {
    let ws = workspace(&[]);
    let output = run(ws.path(), &["index"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("5 documents (23848 bytes)"), "{text}");
    assert!(
        text.contains("002_770ca645d559dffd  Putin in Tehran pushes for political settlement"),
        "{text}"
    );
}

#[test]
fn index_gives_each_event_its_status() {
    let ws = workspace(&[(
        "extra/lisbon.txt",
        "title: Called off\ndate: 2019-03-02\n\nThe ministers called off the summit in Lisbon.\n"
            .as_bytes(),
    )]);
    let output = run(ws.path(), &["index", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let index: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let events = index["events"].as_array().unwrap();
    let lisbon = events
        .iter()
        .find(|e| e["label"] == "Lisbon summit")
        .unwrap_or_else(|| panic!("no Lisbon summit: {events:?}"));
    assert_eq!(lisbon["status"], "cancelled");
    let helsinki = events
        .iter()
        .find(|e| e["label"] == "Helsinki summit")
        .expect("the seeds' Helsinki summit");
    assert_eq!(helsinki["status"], "happened");
    let summary = stdout(&run(ws.path(), &["index"]));
    assert!(
        summary.contains("Lisbon summit in Lisbon [cancelled]"),
        "{summary}"
    );
}

#[test]
fn a_closed_pipe_ends_the_output_without_a_backtrace() {
    use std::io::Read;
    let ws = workspace(&[]);
    let mut child = Command::new(binary())
        .args(["index", "--json"])
        .current_dir(ws.path())
        .env("DOSSIER_CACHE_DIR", cache_dir(ws.path()))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe, as `dossier index | head -c1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_brief_that_cannot_be_read_is_not_counted_as_checked() {
    let ws = workspace(&[("clean.md", "Fine [@001_227275e6a66a84db].\n".as_bytes())]);
    let output = run(ws.path(), &["check", "nosuch.md"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("cannot read brief"), "{err}");
    assert!(
        !err.contains("finding(s)"),
        "a summary for a brief never read: {err}"
    );

    let output = run(ws.path(), &["check", "nosuch.md", "clean.md"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("0 finding(s) in 1 brief(s)") && err.contains("1 brief(s) could not be read"),
        "{err}"
    );
}

#[test]
fn stdio_is_accepted_where_clients_pass_it_and_listed_nowhere() {
    for args in [&["check", "--help"][..], &["index", "--help"], &["--help"]] {
        let output = run(std::path::Path::new("."), args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = stdout(&output);
        assert!(!help.contains("--stdio"), "{args:?} lists --stdio:\n{help}");
    }
    let output = run(std::path::Path::new("."), &["check", "--stdio"]);
    assert_eq!(output.status.code(), Some(2), "check takes no --stdio");
    // `dossier --stdio` and `dossier lsp --stdio` serve: they end quietly at the end of input
    // when no session began (a session that began must end with `shutdown` for status 0).
    for args in [&["--stdio"][..], &["lsp", "--stdio"]] {
        let output = Command::new(binary())
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run dossier");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn bare_dossier_on_a_terminal_says_what_it_is() {
    // `script` gives the binary a terminal for stdin (without it, not Linux, there is nothing
    // to test); `timeout` ends the server, which then waits for messages.
    let Ok(output) = Command::new("script")
        .args([
            "-qec",
            &format!("timeout 2 {}", binary().display()),
            "/dev/null",
        ])
        .stdin(std::process::Stdio::null())
        .env("DOSSIER_CACHE_DIR", std::env::temp_dir())
        .output()
    else {
        return;
    };
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert!(text.contains("this is a language server"), "{text}");
    assert!(text.contains("dossier check"), "{text}");
}

#[test]
fn a_rephrased_quote_is_judged_by_the_threshold_against_the_whole_source_passage() {
    // The seed says "it is absolutely not realistic": 75% similar, under the 0.8 threshold.
    let ws = workspace(&[(
        "brief.md",
        "Lavrov warned that \"it is absolutely unrealistic\" to expect a withdrawal.\n".as_bytes(),
    )]);
    let output = run(ws.path(), &["check", "brief.md"]);
    let out = stdout(&output);
    assert!(!out.contains("quote-differs"), "{out}");
    assert!(out.contains("warning[quote-not-found]"), "{out}");
    assert!(out.contains("75% similar"), "{out}");
    assert!(out.contains("“it is absolutely not realistic”"), "{out}");
}

#[test]
fn an_empty_corpus_is_an_error_not_a_list_of_findings() {
    let dir = tempfile::TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("brief.md"),
        "Cited [@003_423e3940cca06aad].\n",
    )
    .unwrap();
    let output = run(dir.path(), &["check", "--no-cache"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(stdout(&output), "", "findings against no corpus");
    assert!(
        stderr(&output).contains("the corpus is empty"),
        "{}",
        stderr(&output)
    );
}

/// Runs `dossier` and kills it if it has not finished within `limit`.
fn run_within(root: &std::path::Path, args: &[&str], limit: std::time::Duration) -> Output {
    let child = Command::new(binary())
        .args(args)
        .current_dir(root)
        .env("DOSSIER_CACHE_DIR", cache_dir(root))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run dossier");
    let pid = child.id();
    // The output is read while the process runs (a full pipe would stall it).
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    match receiver.recv_timeout(limit) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            // The child started above, by its own pid.
            let _ = Command::new("kill").arg(pid.to_string()).status();
            panic!("`dossier {}` still running after {limit:?}", args.join(" "));
        }
    }
}

#[test]
fn a_paragraph_of_many_quotes_and_citations_is_checked_in_linear_time() {
    // One paragraph, 16,000 quote and citation pairs: pairing each quote with the words
    // before it read the whole paragraph again for every quote (4,000 pairs 3.9 s, 16,000
    // about a minute in release); it now reads a bounded window, about 2 s.
    let paragraph: Vec<String> = (0..16_000)
        .map(|i| {
            format!(r#"Lavrov said "we are working very productively number {i}" [@002_770ca645d559dffd]."#)
        })
        .collect();
    let brief = format!("# Many quotes\n\n{}\n", paragraph.join(" "));
    let ws = workspace(&[("brief.md", brief.as_bytes())]);
    let output = run_within(
        ws.path(),
        &["check", "--no-cache", "brief.md"],
        std::time::Duration::from_secs(40),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 16_000);
}

#[test]
fn briefs_are_read_within_the_size_limit_and_only_from_regular_files() {
    let big = format!("# Big\n\n{}\n", "word ".repeat(4_000));
    let ws = workspace(&[
        ("dossier.toml", b"max_file_bytes = 10000\n"),
        ("big.md", big.as_bytes()),
    ]);
    // Named on the command line, and found in the workspace: refused before it is read.
    for args in [
        &["check", "--no-cache", "big.md"][..],
        &["check", "--no-cache"],
    ] {
        let output = run(ws.path(), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("big.md")
                && stderr(&output).contains("over the 10000-byte limit"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // A device would be read for ever (7 GB in 10 s): refused at once.
    let output = run_within(
        ws.path(),
        &["check", "--no-cache", "/dev/zero"],
        std::time::Duration::from_secs(20),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("/dev/zero") && stderr(&output).contains("not a regular file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_brief_with_invalid_utf8_is_warned_about_and_its_columns_count_the_file_bytes() {
    let ws = workspace(&[("latin1.md", b"\xff\xfe [@nosuch] caf\xe9 [@nokey]\n")]);
    let output = run(ws.path(), &["check", "--no-cache", "latin1.md"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("latin1.md: not valid UTF-8"),
        "{}",
        stderr(&output)
    );
    // `@` is the file's 5th and 20th byte (U+FFFD would have made them 9th and 26th).
    let out = stdout(&output);
    let columns: Vec<&str> = out.lines().map(|l| l.split(':').nth(2).unwrap()).collect();
    assert_eq!(columns, ["5", "20"], "{}", stdout(&output));
}

#[test]
fn a_corpus_outside_the_workspace_is_refused_as_paths_globs_and_links_alike() {
    let ws = workspace(&[]);
    std::os::unix::fs::symlink("/etc/passwd", ws.path().join("passwd.txt")).unwrap();
    let config = r#"corpus = ["seeds", "/etc/passwd", "../secret.txt", "/etc/*", "../../*.txt", "passwd.txt"]"#;
    std::fs::write(ws.path().join("dossier.toml"), config).unwrap();
    let output = run(ws.path(), &["index", "--json", "--no-cache"]);
    let err = stderr(&output);
    let index: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let paths: Vec<&str> = index["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 5, "only the seeds: {paths:?}");
    assert!(paths.iter().all(|p| p.starts_with("seeds/")), "{paths:?}");
    for entry in ["/etc/passwd", "/etc/*", "../../*.txt", "passwd.txt"] {
        assert!(
            err.contains(&format!(
                "corpus entry `{entry}` leads outside the workspace"
            )),
            "{entry}: {err}"
        );
    }
}

#[test]
fn a_corpus_outside_the_workspace_is_read_only_when_the_user_s_own_settings_name_it() {
    // SPEC §1: outside the workspace only when the user names it in their own settings
    // (here `--corpus`), and then reported; a `dossier.toml`, which travels with the
    // workspace, cannot. Paths, globs and links alike.
    let outside = tempfile::TempDir::new().unwrap();
    let far = outside.path().canonicalize().unwrap();
    for (name, text) in [
        ("far.txt", "The summit in Vienna ended early on Tuesday.\n"),
        (
            "more/farther.txt",
            "The talks in Geneva went on into the night.\n",
        ),
        ("linked/target.txt", "Ministers met in Oslo on Friday.\n"),
    ] {
        let path = far.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let ws = workspace(&[]);
    std::os::unix::fs::symlink(far.join("linked/target.txt"), ws.path().join("link.txt")).unwrap();
    let dir = far.join("more").display().to_string();
    let glob = format!("{}/*.txt", far.display());
    // The same files again, climbing out of the workspace (both are temporary folders).
    let climbing = format!("../{}/*.txt", far.file_name().unwrap().to_string_lossy());
    let paths = |output: &Output| -> Vec<String> {
        let index: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let mut paths: Vec<String> = index["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["path"].as_str().unwrap().to_string())
            .filter(|p| !p.starts_with("seeds/"))
            .collect();
        paths.sort();
        paths
    };
    let toml = format!(r#"corpus = ["seeds", "{dir}", "{glob}", "{climbing}", "link.txt"]"#);
    std::fs::write(ws.path().join("dossier.toml"), toml).unwrap();
    let output = run(ws.path(), &["index", "--json", "--no-cache"]);
    assert!(paths(&output).is_empty(), "{:?}", paths(&output));
    for entry in [dir.as_str(), glob.as_str(), climbing.as_str(), "link.txt"] {
        assert!(
            stderr(&output).contains(&format!(
                "corpus entry `{entry}` leads outside the workspace"
            )),
            "{entry}: {}",
            stderr(&output)
        );
    }
    let output = run(
        ws.path(),
        &[
            "index",
            "--json",
            "--no-cache",
            "--corpus",
            "seeds",
            "--corpus",
            &dir,
            "--corpus",
            &glob,
            "--corpus",
            &climbing,
            "--corpus",
            "link.txt",
        ],
    );
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    let expected = [
        far.join("far.txt").display().to_string(),
        far.join("more/farther.txt").display().to_string(),
        "link.txt".to_string(),
    ];
    assert_eq!(paths(&output), expected, "{err}");
    for entry in [dir.as_str(), glob.as_str(), climbing.as_str(), "link.txt"] {
        assert!(
            err.contains(&format!(
                "corpus entry `{entry}` is outside the workspace {}; read because `--corpus` names it",
                ws.path().canonicalize().unwrap().display()
            )),
            "{entry}: {err}"
        );
    }
}

#[test]
fn two_files_with_one_key_are_reported_and_both_citable() {
    let ws = workspace(&[
        ("dossier.toml", b"corpus = [\"seeds\", \"c\"]\n"),
        ("c/y.md", b"The summit in Vienna ended early.\n"),
        ("c/y.txt", b"The talks in Geneva went on.\n"),
        ("brief.md", b"# B\n\nOne [@c/y.md], two [@c/y.txt].\n"),
    ]);
    let output = run(ws.path(), &["check", "--no-cache", "brief.md"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{}{err}", stdout(&output));
    assert!(
        err.contains("c/y.md and c/y.txt share the document key `@c/y`"),
        "{err}"
    );
}
