//! A stdio latency benchmark: drives the release `dossier lsp` like an editor and reports
//! time to ready, time to the first answered hover, and p50/p99/max per request type.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example lsp_latency -- --root /tmp/corpus100 --iterations 200
//! ```
//!
//! The session: `initialize` on `--root`, `didOpen` of a brief (`--brief FILE`, or one
//! written on the fly that cites a corpus document and quotes it), then rounds of typing
//! (one incremental `didChange` per character), hover on an actor, definition on a quote,
//! completion after a typed name prefix and completion after `[@`, each followed by
//! `completionItem/resolve` of the first item when it has `data`. Afterwards one corpus
//! file is changed on disk a few times (`workspace/didChangeWatchedFiles`) to time the
//! re-index of a single file, and the file is restored. With `--rg`, ripgrep's time to find
//! the same quote in the same files is measured for comparison with go-to-source.
//!
//! Only std and serde_json: a thread reads the server's stdout and stamps each message
//! with the instant it was parsed; the main thread writes requests and waits.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use clap::Parser;
use serde_json::{json, Value};

/// Measures dossier's request latency over stdio on a corpus.
#[derive(Parser)]
struct Args {
    /// The workspace folder (its corpus is indexed with the default or its dossier.toml).
    #[arg(long)]
    root: PathBuf,
    /// A brief to open; by default one is made up that cites and quotes a corpus document.
    #[arg(long)]
    brief: Option<PathBuf>,
    /// Rounds of the scripted editing session.
    #[arg(long, default_value_t = 200)]
    iterations: usize,
    /// The dossier binary (default: target/release/dossier of this repository).
    #[arg(long)]
    bin: Option<PathBuf>,
    /// The actor name hovered (it must occur in the brief).
    #[arg(long, default_value = "Putin")]
    actor: String,
    /// The name prefix typed before each actor completion.
    #[arg(long, default_value = "Vela")]
    prefix: String,
    /// Milliseconds to pause between rounds (0: type as fast as the server answers).
    #[arg(long, default_value_t = 0)]
    pause_ms: u64,
    /// Corpus-file changes to time (0 to leave the corpus untouched).
    #[arg(long, default_value_t = 5)]
    file_changes: usize,
    /// Leave out go-to-definition on the quote (its answer can be megabytes, and building
    /// and freeing it delays the requests that follow: this shows by how much).
    #[arg(long)]
    skip_definition: bool,
    /// Also time `rg -F` looking for the brief's quote in the workspace.
    #[arg(long)]
    rg: bool,
    /// Start the server with the index cache off (`initializationOptions: {"cache": false}`):
    /// the first hover then times a cold index. Without it, a second run times a warm start.
    #[arg(long)]
    no_cache: bool,
    /// Write the server's log (stderr; set `DOSSIER_LOG=info` for phase times) to this file.
    #[arg(long)]
    server_log: Option<PathBuf>,
    /// Seconds to wait for the first index before giving up.
    #[arg(long, default_value_t = 600)]
    timeout: u64,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let root = args
        .root
        .canonicalize()
        .with_context(|| format!("no workspace folder {}", args.root.display()))?;
    let bin = args
        .bin
        .clone()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/dossier"));
    if !bin.exists() {
        bail!(
            "{} does not exist; run `cargo build --release` first",
            bin.display()
        );
    }
    let brief = match &args.brief {
        Some(path) => Brief::from_file(path, &args.actor)?,
        None => Brief::made_up(&root, &args.actor)?,
    };

    let spawned_at = Instant::now();
    let mut server = Server::spawn(&bin, args.server_log.as_deref())?;
    server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": file_uri(&root),
            "workspaceFolders": [{"uri": file_uri(&root), "name": "bench"}],
            "initializationOptions": if args.no_cache { json!({"cache": false}) } else { Value::Null },
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "window": {"workDoneProgress": true},
                "workspace": {"configuration": true,
                              "didChangeWatchedFiles": {"dynamicRegistration": true}},
                "textDocument": {"definition": {"linkSupport": true},
                                 "completion": {"completionItem": {"snippetSupport": false}}}
            }
        }),
    )?;
    server.notify("initialized", json!({}))?;
    let mut doc = OpenBrief::new(brief.uri.clone(), brief.text.clone());
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc.uri, "languageId": "markdown", "version": doc.version,
                                "text": doc.text}}),
    )?;
    let start = wait_first_hover(&mut server, &doc, brief.actor_at, spawned_at, args.timeout)?;
    let rss_ready = server.rss_kib();

    let mut hover = Samples::new("textDocument/hover (actor)");
    let mut definition = Samples::new("textDocument/definition (quote)");
    let mut completion = Samples::new("textDocument/completion (name prefix)");
    let mut citation = Samples::new("textDocument/completion (after [@)");
    let mut resolve = Samples::new("completionItem/resolve (first name item)");
    let mut resolve_citation = Samples::new("completionItem/resolve (first [@ item)");
    // How many sources the last definition answer listed.
    let mut n_sources = 0;
    for round in 0..args.iterations {
        doc.type_text(&mut server, &format!("\nRound {round}: "))?;
        let (result, took) = server.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": doc.uri}, "position": doc.position(brief.actor_at)}),
        )?;
        hover.add(took, !result.is_null(), &server.last);
        if !args.skip_definition {
            let (result, took) = server.request(
                "textDocument/definition",
                json!({"textDocument": {"uri": doc.uri}, "position": doc.position(brief.quote_at)}),
            )?;
            n_sources = result.as_array().map_or(0, Vec::len);
            definition.add(
                took,
                result.as_array().is_some_and(|a| !a.is_empty()),
                &server.last,
            );
        }
        doc.type_text(&mut server, &args.prefix)?;
        let (result, took) = server.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": doc.uri}, "position": doc.end_position()}),
        )?;
        completion.add(took, n_items(&result) > 0, &server.last);
        resolve_first_item(&mut server, &result, &mut resolve)?;
        doc.type_text(&mut server, " [@")?;
        let (result, took) = server.request(
            "textDocument/completion",
            json!({"textDocument": {"uri": doc.uri}, "position": doc.end_position()}),
        )?;
        citation.add(took, n_items(&result) > 0, &server.last);
        resolve_first_item(&mut server, &result, &mut resolve_citation)?;
        if args.pause_ms > 0 {
            server.drain(Duration::from_millis(args.pause_ms))?;
        }
    }
    let rss_session = server.rss_kib();

    let mut reindex = Samples::new("one corpus file changed -> dossier/status ready");
    if let Some(path) = brief.cited_file.as_ref().filter(|_| args.file_changes > 0) {
        time_file_changes(&mut server, path, args.file_changes, &mut reindex)?;
    }
    let rss_peak = server.peak_rss_kib();
    server.shutdown();

    println!(
        "dossier lsp on {} ({} rounds)\n",
        root.display(),
        args.iterations
    );
    println!("| figure | value |\n| --- | --- |");
    println!("| spawn to `dossier/status` ready | {} |", ms(start.ready));
    println!(
        "| spawn to first answered hover (non-null) | {} |",
        ms(start.first_hover)
    );
    println!(
        "| hovers sent until one answered / its latency | {} / {} |",
        start.n_hovers,
        ms(start.first_hover_took)
    );
    println!(
        "| resident memory when ready / after session / peak | {} / {} / {} |",
        mib(rss_ready),
        mib(rss_session),
        mib(rss_peak)
    );
    println!(
        "\n| request | n | answered | p50 | p99 | max | mean answer |\n| --- | --- | --- | --- | --- | --- | --- |"
    );
    for samples in [
        &hover,
        &definition,
        &completion,
        &citation,
        &resolve,
        &resolve_citation,
        &reindex,
    ] {
        samples.print_row();
    }
    println!(
        "\n| request (means) | latency | until the answer's first byte (server) | reading it (pipe) | parsing it (client) |\n| --- | --- | --- | --- | --- |"
    );
    for samples in [&hover, &definition, &completion, &citation] {
        samples.print_split_row();
    }
    if args.rg {
        if let Some(quote) = &brief.quote {
            let p50 = definition.percentile(50.0);
            // `-c` counts lines per file; `--vimgrep` prints every match's line and column,
            // as go-to-source does (neither normalises case, punctuation or line breaks).
            for mode in ["-c", "--vimgrep"] {
                let (rg, n_matches) = time_ripgrep(&root, quote, mode)?;
                println!(
                    "\nrg -F {mode} for the quote: {} (median of 3, {n_matches} matches); go-to-source p50 {} ({n_sources} sources): {:.1}x faster",
                    ms(rg),
                    ms(p50),
                    rg.as_secs_f64() / p50.as_secs_f64().max(1e-9)
                );
            }
        }
    }
    Ok(())
}

/// The brief of the session and where its actor and quote are (byte offsets).
struct Brief {
    uri: String,
    text: String,
    actor_at: usize,
    quote_at: usize,
    quote: Option<String>,
    cited_file: Option<PathBuf>,
}

impl Brief {
    fn from_file(path: &Path, actor: &str) -> Result<Brief> {
        let path = path
            .canonicalize()
            .with_context(|| format!("no brief {}", path.display()))?;
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let actor_at = text
            .find(actor)
            .ok_or_else(|| anyhow!("the brief does not mention {actor}; pass --actor"))?;
        let quote_at = text.find(['"', '“']).map_or(0, |i| i + 3);
        Ok(Brief {
            uri: file_uri(&path),
            text,
            actor_at: actor_at + 1,
            quote_at,
            quote: None,
            cited_file: None,
        })
    }

    /// A brief that cites the first corpus document holding a quote of 5+ words, and
    /// repeats that quote word for word (so definition has a source to find).
    fn made_up(root: &Path, actor: &str) -> Result<Brief> {
        let mut files = Vec::new();
        collect_txt(root, &mut files, 2000);
        files.sort();
        let (file, quote) = files
            .iter()
            .find_map(|f| {
                let text = std::fs::read_to_string(f).ok()?;
                Some((f.clone(), first_quote(&text)?))
            })
            .ok_or_else(|| anyhow!("no .txt file under {} holds a quote", root.display()))?;
        let key = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let head = format!(
            "# Latency brief\n\n{actor} met his counterparts [@{key}].\n\nAs the source put it, \""
        );
        let text = format!("{head}{quote}\" and nothing more.\n\nNotes:");
        Ok(Brief {
            uri: file_uri(&root.join("lsp-latency-brief.md")),
            actor_at: head.find(actor).map_or(0, |i| i + 1),
            quote_at: head.len() + quote.len().min(4),
            text,
            quote: Some(quote),
            cited_file: Some(file),
        })
    }
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>, limit: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if out.len() >= limit {
            return;
        }
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_txt(&path, out, limit);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// The first straight- or curly-quoted passage of five words or more on one line.
fn first_quote(text: &str) -> Option<String> {
    for line in text.lines() {
        for (open, close) in [('"', '"'), ('“', '”')] {
            let mut rest = line;
            while let Some(start) = rest.find(open) {
                let after = &rest[start + open.len_utf8()..];
                let end = after.find(close)?;
                let inner = after[..end].trim();
                if inner.split_whitespace().count() >= 5 {
                    return Some(inner.to_string());
                }
                rest = &after[end + close.len_utf8()..];
            }
        }
    }
    None
}

/// The open brief as the client sees it: text and version, edited one character at a time.
struct OpenBrief {
    uri: String,
    text: String,
    version: i64,
}

impl OpenBrief {
    fn new(uri: String, text: String) -> OpenBrief {
        OpenBrief {
            uri,
            text,
            version: 1,
        }
    }

    /// Types `text` at the end of the brief, one `didChange` per character, as an editor does.
    fn type_text(&mut self, server: &mut Server, text: &str) -> Result<()> {
        for c in text.chars() {
            let at = self.end_position();
            self.text.push(c);
            self.version += 1;
            server.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": self.uri, "version": self.version},
                       "contentChanges": [{"range": {"start": at, "end": at}, "text": c.to_string()}]}),
            )?;
        }
        Ok(())
    }

    fn end_position(&self) -> Value {
        self.position(self.text.len())
    }

    /// The LSP position (UTF-16 columns) of a byte offset.
    fn position(&self, offset: usize) -> Value {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
        json!({"line": line, "character": character})
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

struct Start {
    ready: Duration,
    first_hover: Duration,
    n_hovers: usize,
    /// The latency of that first answered hover alone.
    first_hover_took: Duration,
}

/// Hovers on the actor every few milliseconds from the start until one is answered with
/// a card, and notes when the index reports ready (`dossier/status` or `$/progress` end).
fn wait_first_hover(
    server: &mut Server,
    doc: &OpenBrief,
    actor_at: usize,
    spawned_at: Instant,
    timeout_secs: u64,
) -> Result<Start> {
    let deadline = spawned_at + Duration::from_secs(timeout_secs);
    let mut ready: Option<Duration> = None;
    let mut first_hover = None;
    let mut n_hovers = 0;
    let mut first_hover_took = Duration::ZERO;
    let mut hovered_after_ready = false;
    while ready.is_none() || first_hover.is_none() {
        if Instant::now() > deadline {
            bail!("the index was not ready after {timeout_secs} s");
        }
        if first_hover.is_none() && !hovered_after_ready {
            hovered_after_ready = ready.is_some();
            n_hovers += 1;
            let (result, took) = server.request(
                "textDocument/hover",
                json!({"textDocument": {"uri": doc.uri}, "position": doc.position(actor_at)}),
            )?;
            if !result.is_null() {
                first_hover = Some(spawned_at.elapsed());
                first_hover_took = took;
            } else if hovered_after_ready {
                eprintln!(
                    "warning: hover on the actor is empty even when ready; is it in the corpus?"
                );
                first_hover = Some(Duration::ZERO);
            }
        }
        if server.ready_at.is_none() {
            server.drain(Duration::from_millis(25))?;
        }
        ready = server.ready_at.map(|at| at.duration_since(spawned_at));
    }
    Ok(Start {
        ready: ready.unwrap_or_default(),
        first_hover: first_hover.unwrap_or_default(),
        n_hovers,
        first_hover_took,
    })
}

fn is_ready(message: &Value) -> bool {
    let method = message["method"].as_str().unwrap_or("");
    (method == "dossier/status" && message["params"]["state"] == "ready")
        || (method == "$/progress" && message["params"]["value"]["kind"] == "end")
}

/// Changes a corpus file on disk `n` times (appending a sentence, then restoring it) and
/// times each from the notification to the server's `dossier/status` ready.
fn time_file_changes(
    server: &mut Server,
    path: &Path,
    n: usize,
    samples: &mut Samples,
) -> Result<()> {
    let original =
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut changed = original.clone();
    changed.extend_from_slice(
        b"\nPutin said \"the latency benchmark changed this file\" on Monday.\n",
    );
    let uri = file_uri(path);
    // Let earlier status notifications (from the first index) be consumed first.
    server.drain(Duration::from_millis(300))?;
    for i in 0..n {
        let content = if i % 2 == 0 { &changed } else { &original };
        std::fs::write(path, content)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let sent = Instant::now();
        server.ready_at = None;
        server.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri, "type": 2}]}),
        )?;
        let done = server.wait_ready(Duration::from_secs(120))?;
        samples.add(done.duration_since(sent), true, &Answer::default());
    }
    if n % 2 == 1 {
        std::fs::write(path, &original)?;
        server.ready_at = None;
        server.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri, "type": 2}]}),
        )?;
        server.wait_ready(Duration::from_secs(120))?;
    }
    Ok(())
}

/// Median of three `rg -F` runs over the workspace for the quote, reading its output
/// through a pipe as a client would, and the matches the output names (lines with `-c`, one
/// line per match with `--vimgrep`). The page cache is warm: the session read the corpus.
fn time_ripgrep(root: &Path, quote: &str, mode: &str) -> Result<(Duration, usize)> {
    let mut times = Vec::new();
    let mut n_matches = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let output = Command::new("rg")
            .args(["-F", mode, "--no-messages", "--", quote])
            .arg(root)
            .output()
            .context("cannot run rg (is ripgrep installed?)")?;
        times.push(started.elapsed());
        if output.status.code() == Some(2) {
            bail!("rg failed");
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        n_matches = match mode {
            "-c" => stdout
                .lines()
                .filter_map(|l| l.rsplit(':').next()?.parse::<usize>().ok())
                .sum(),
            _ => stdout.lines().count(),
        };
    }
    times.sort();
    Ok((times[1], n_matches))
}

/// Latencies of one request type.
struct Samples {
    name: &'static str,
    times: Vec<Duration>,
    n_answered: usize,
    total_bytes: usize,
    /// Sums of the three parts of each latency (see [`Answer`]).
    until_first_byte: Duration,
    reading: Duration,
    parsing: Duration,
}

impl Samples {
    fn new(name: &'static str) -> Samples {
        Samples {
            name,
            times: Vec::new(),
            n_answered: 0,
            total_bytes: 0,
            until_first_byte: Duration::ZERO,
            reading: Duration::ZERO,
            parsing: Duration::ZERO,
        }
    }

    fn add(&mut self, took: Duration, answered: bool, answer: &Answer) {
        self.times.push(took);
        self.total_bytes += answer.n_bytes;
        self.n_answered += usize::from(answered);
        self.until_first_byte += answer.until_first_byte;
        self.reading += answer.reading;
        self.parsing += answer.parsing;
    }

    /// Where the mean latency goes: the server (its work and its JSON encoding, until the
    /// answer's first byte), the pipe (first to last byte) and this client's JSON parse.
    fn print_split_row(&self) {
        if self.times.is_empty() {
            return;
        }
        let n = self.times.len() as u32;
        println!(
            "| {} | {} | {} | {} | {} |",
            self.name,
            ms(self.times.iter().sum::<Duration>() / n),
            ms(self.until_first_byte / n),
            ms(self.reading / n),
            ms(self.parsing / n)
        );
    }

    /// Nearest-rank percentile.
    fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.times.clone();
        sorted.sort();
        if sorted.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }

    fn print_row(&self) {
        if self.times.is_empty() {
            return;
        }
        let max = self.times.iter().max().copied().unwrap_or_default();
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.1} KB |",
            self.name,
            self.times.len(),
            self.n_answered,
            ms(self.percentile(50.0)),
            ms(self.percentile(99.0)),
            ms(max),
            self.total_bytes as f64 / self.times.len() as f64 / 1000.0
        );
    }
}

/// Resolves the first item of a completion answer, as an editor does for the item it
/// shows, when the item has `data` (servers that send documentation inline have none).
fn resolve_first_item(server: &mut Server, result: &Value, samples: &mut Samples) -> Result<()> {
    let first = match result {
        Value::Array(items) => items.first(),
        Value::Object(list) => list
            .get("items")
            .and_then(Value::as_array)
            .and_then(|items| items.first()),
        _ => None,
    };
    let Some(item) = first.filter(|item| item.get("data").is_some()) else {
        return Ok(());
    };
    let (resolved, took) = server.request("completionItem/resolve", item.clone())?;
    samples.add(took, resolved.get("documentation").is_some(), &server.last);
    Ok(())
}

fn n_items(result: &Value) -> usize {
    match result {
        Value::Array(items) => items.len(),
        Value::Object(list) => list
            .get("items")
            .and_then(Value::as_array)
            .map_or(0, Vec::len),
        _ => 0,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("?".into(), |k| format!("{:.0} MiB", k as f64 / 1024.0))
}

fn file_uri(path: &Path) -> String {
    // Percent-encode what may not appear raw in a URI path; corpus paths are plain anyway.
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// One message as the reader thread got it: when its first byte and its last byte were
/// read, and when it was parsed (the time its latency is measured to).
struct Arrival {
    message: Value,
    n_bytes: usize,
    first_byte: Instant,
    read: Instant,
    parsed: Instant,
}

/// The last answer's size and the parts of its latency.
#[derive(Default)]
struct Answer {
    n_bytes: usize,
    /// From writing the request to the answer's first byte: the server's work and JSON.
    until_first_byte: Duration,
    /// From the first to the last byte: the pipe, and the server writing a large answer.
    reading: Duration,
    /// Parsing the answer's JSON in this client.
    parsing: Duration,
}

/// The server process and the messages it sent, each stamped when it was read.
struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Arrival>,
    next_id: i64,
    /// When the first ready notification since this was last cleared arrived.
    ready_at: Option<Instant>,
    /// The last answer (after `request`).
    last: Answer,
    /// Size, first-byte and last-byte times of the last message read.
    last_arrival: (usize, Instant, Instant),
}

impl Server {
    fn spawn(bin: &Path, log: Option<&Path>) -> Result<Server> {
        let stderr = match log {
            Some(path) => Stdio::from(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot write {}", path.display()))?,
            ),
            None => Stdio::null(),
        };
        let mut child = Command::new(bin)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .with_context(|| format!("cannot start {}", bin.display()))?;
        let stdin = child.stdin.take().ok_or_else(|| anyhow!("no stdin"))?;
        let stdout = child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?;
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(arrival) = read_message(&mut reader) {
                if sender.send(arrival).is_err() {
                    break;
                }
            }
        });
        Ok(Server {
            child,
            stdin,
            messages,
            next_id: 1,
            ready_at: None,
            last: Answer::default(),
            last_arrival: (0, Instant::now(), Instant::now()),
        })
    }

    fn send(&mut self, message: &Value) -> Result<()> {
        let body = serde_json::to_string(message)?;
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.stdin.flush().context("the server closed its input")
    }

    fn notify(&mut self, method: &str, params: Value) -> Result<()> {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    /// Sends a request; returns its result and the time from writing it to reading the answer.
    fn request(&mut self, method: &str, params: Value) -> Result<(Value, Duration)> {
        let id = self.next_id;
        self.next_id += 1;
        let sent = Instant::now();
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))?;
        loop {
            let (at, message) = self
                .next_message(Duration::from_secs(60))?
                .ok_or_else(|| anyhow!("no answer to {method} within 60 s"))?;
            if message.get("method").is_none() && message["id"] == json!(id) {
                if let Some(error) = message.get("error") {
                    bail!("{method} failed: {error}");
                }
                let (n_bytes, first_byte, read) = self.last_arrival;
                self.last = Answer {
                    n_bytes,
                    until_first_byte: first_byte.saturating_duration_since(sent),
                    reading: read.saturating_duration_since(first_byte.max(sent)),
                    parsing: at.saturating_duration_since(read),
                };
                return Ok((message["result"].clone(), at.duration_since(sent)));
            }
        }
    }

    /// Waits up to `timeout` for the next ready notification; returns when it was read.
    fn wait_ready(&mut self, timeout: Duration) -> Result<Instant> {
        let deadline = Instant::now() + timeout;
        while self.ready_at.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            if self.next_message(left)?.is_none() {
                bail!(
                    "the server did not report ready within {} s",
                    timeout.as_secs()
                );
            }
        }
        Ok(self.ready_at.unwrap_or_else(Instant::now))
    }

    /// Reads (and answers) whatever the server sends for `duration`.
    fn drain(&mut self, duration: Duration) -> Result<()> {
        let deadline = Instant::now() + duration;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if self.next_message(left)?.is_none() {
                break;
            }
        }
        Ok(())
    }

    /// The next message, answering the server's own requests like an editor would.
    fn next_message(&mut self, timeout: Duration) -> Result<Option<(Instant, Value)>> {
        let arrival = match self.messages.recv_timeout(timeout) {
            Ok(arrival) => arrival,
            Err(RecvTimeoutError::Timeout) => return Ok(None),
            Err(RecvTimeoutError::Disconnected) => bail!("the server exited"),
        };
        let (at, message) = (arrival.parsed, arrival.message);
        self.last_arrival = (arrival.n_bytes, arrival.first_byte, arrival.read);
        if is_ready(&message) && self.ready_at.is_none() {
            self.ready_at = Some(at);
        }
        if let (Some(method), Some(id)) = (message["method"].as_str(), message.get("id")) {
            let result = match method {
                "workspace/configuration" => json!([null]),
                _ => Value::Null,
            };
            self.send(&json!({"jsonrpc": "2.0", "id": id.clone(), "result": result}))?;
        }
        Ok(Some((at, message)))
    }

    fn rss_kib(&self) -> Option<u64> {
        self.status_field("VmRSS:")
    }

    fn peak_rss_kib(&self) -> Option<u64> {
        self.status_field("VmHWM:")
    }

    /// A `kB` field of /proc/PID/status (Linux only; `?` elsewhere).
    fn status_field(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        line[field.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    }

    fn shutdown(mut self) {
        let _ = self.request("shutdown", Value::Null);
        let _ = self.notify("exit", Value::Null);
        // The server finishes a cache write under way before it ends (up to 120 s).
        let deadline = Instant::now() + Duration::from_secs(150);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One framed JSON-RPC message, stamped, or `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Arrival> {
    let mut length = None;
    let mut first_byte = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        first_byte.get_or_insert_with(Instant::now);
        let line = line.trim_end();
        if line.is_empty() {
            if length.is_some() {
                break;
            }
            continue;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    let read = Instant::now();
    let message = serde_json::from_slice(&body).ok()?;
    Some(Arrival {
        message,
        n_bytes: body.len(),
        first_byte: first_byte.unwrap_or(read),
        read,
        parsed: Instant::now(),
    })
}
