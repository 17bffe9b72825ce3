//! A minimal LSP client for end-to-end tests: spawns the real `dossier` binary and talks
//! JSON-RPC over its stdin/stdout, answering the server's own requests like an editor.

#![allow(dead_code, unused_imports)] // each test binary uses a different part of this module

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dossier"))
}

/// The repository's sample corpus.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A temporary workspace with a copy of seeds/ and the given extra files.
pub fn workspace(files: &[(&str, &[u8])]) -> Workspace {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    for entry in std::fs::read_dir(seeds_dir()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), seeds.join(entry.file_name())).unwrap();
    }
    for (rel, content) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    Workspace { dir }
}

/// A temporary workspace; dropping it removes it and its index cache folder.
pub struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(cache_dir(self.dir.path()));
    }
}

/// Where the index caches of a test workspace go: beside it (never inside: the server
/// writes nothing into a workspace), so tests never write to the user's cache folder; the
/// [`Workspace`] removes it when dropped.
pub fn cache_dir(root: &Path) -> PathBuf {
    let name = root.file_name().map_or_else(
        || "workspace".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    root.with_file_name(format!("{name}.dossier-cache"))
}

/// For servers started without a workspace: a folder under the build's temporary folder.
fn shared_cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dossier-cache")
}

pub fn file_uri(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", path.display())
}

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Responses received while waiting for another one.
    responses: Vec<Value>,
    next_id: i64,
    /// Every notification the server sent, in order.
    pub notifications: Vec<Value>,
    /// Answer to `workspace/configuration` requests.
    pub settings: Value,
}

impl Client {
    /// Whether the server logged (`window/logMessage`) a message containing `needle`.
    pub fn logged(&self, needle: &str) -> bool {
        self.notifications.iter().any(|n| {
            n["method"] == "window/logMessage"
                && n["params"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains(needle))
        })
    }

    pub fn spawn(args: &[&str]) -> Client {
        Client::spawn_with_cache(args, &shared_cache_dir())
    }

    /// Spawns the binary with `DOSSIER_CACHE_DIR` set to `cache_dir`.
    pub fn spawn_with_cache(args: &[&str], cache_dir: &Path) -> Client {
        let mut child = Command::new(binary())
            .args(args)
            .env("DOSSIER_TEST_HOOKS", "1")
            .env("DOSSIER_CACHE_DIR", cache_dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn dossier");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            responses: Vec::new(),
            next_id: 1,
            notifications: Vec::new(),
            settings: Value::Null,
        }
    }

    /// Spawns `dossier lsp`, initializes it on `root` and waits for the first index.
    pub fn start(root: &Path, init_options: Value, utf8: bool) -> (Client, Value) {
        let mut client = Client::spawn_with_cache(&["lsp"], &cache_dir(root));
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": file_uri(root),
                "initializationOptions": init_options,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "window": {"workDoneProgress": true},
                    "workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}},
                    "textDocument": {"definition": {"linkSupport": true}, "publishDiagnostics": {"relatedInformation": true}}
                }
            }),
        );
        client.notify("initialized", json!({}));
        client.wait_ready();
        (client, result)
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).unwrap();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_response(id)
    }

    /// Sends a request without waiting for its answer; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            message["params"] = params;
        }
        self.send(&message);
        json!(id)
    }

    /// Waits for the response to `id`; responses to other requests that arrive first
    /// (the server answers concurrently) are kept for their own waits.
    pub fn wait_response(&mut self, id: Value) -> Value {
        if let Some(position) = self.responses.iter().position(|r| r["id"] == id) {
            return self.responses.remove(position);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .next_message(deadline)
                .unwrap_or_else(|| panic!("no response to request {id}"));
            if message.get("method").is_none() {
                if message["id"] == id {
                    return message;
                }
                self.responses.push(message);
            }
        }
    }

    /// Sends a request and returns its `result`, failing the test on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The next message, answering server requests and recording notifications on the way.
    fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        let timeout = deadline.saturating_duration_since(Instant::now());
        let message = match self.messages.recv_timeout(timeout) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
        };
        if let (Some(method), Some(id)) = (
            message.get("method").and_then(Value::as_str),
            message.get("id"),
        ) {
            let result = match method {
                "workspace/configuration" => json!([self.settings.clone()]),
                _ => Value::Null,
            };
            let reply = json!({"jsonrpc": "2.0", "id": id.clone(), "result": result});
            self.send(&reply);
        } else if message.get("method").is_some() {
            self.notifications.push(message.clone());
        }
        Some(message)
    }

    /// Waits for a notification (already received or new) that `pred` accepts.
    pub fn wait_notification(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(found) = self.notifications.iter().find(|n| pred(n)) {
            return found.clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .next_message(deadline)
                .expect("the awaited notification never came");
            if message.get("id").is_none() && pred(&message) {
                return message;
            }
        }
    }

    /// Drops recorded notifications, so later waits see only new ones.
    pub fn forget_notifications(&mut self) {
        self.notifications.clear();
    }

    pub fn wait_ready(&mut self) {
        self.wait_notification(|n| {
            n["method"] == "dossier/status" && n["params"]["state"] == "ready"
        });
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn wait_diagnostics(&mut self, uri: &str) -> Vec<Value> {
        self.wait_diagnostics_where(uri, |_| true)
    }

    /// The first `publishDiagnostics` for `uri` whose diagnostics `pred` accepts. It and
    /// the publications for `uri` before it are forgotten, so a stale re-publication of an
    /// older state is skipped rather than mistaken for the answer.
    pub fn wait_diagnostics_where(
        &mut self,
        uri: &str,
        pred: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let uri = uri.to_string();
        let is_for_uri = |n: &Value| {
            n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri.as_str()
        };
        let diagnostics_of = |n: &Value| {
            n["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        };
        let found = self.wait_notification(|n| is_for_uri(n) && pred(&diagnostics_of(n)));
        // Forget this publication and the older ones for the same brief; keep the rest.
        if let Some(position) = self.notifications.iter().position(|n| n == &found) {
            let mut index = 0;
            self.notifications.retain(|n| {
                index += 1;
                index > position + 1 || !is_for_uri(n)
            });
        }
        diagnostics_of(&found)
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}));
    }

    pub fn shutdown(mut self) -> i32 {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Waits for the server to exit and returns its exit status.
    pub fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The server's resident memory in KiB (Linux), from /proc.
    pub fn resident_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A position `{line, character}` of the first occurrence of `needle` (plus `delta` units),
/// counting columns in UTF-16 or UTF-8.
pub fn position_of(text: &str, needle: &str, delta: usize, utf8: bool) -> Value {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"))
        + delta;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let segment = &text[line_start..offset];
    let character = if utf8 {
        segment.len()
    } else {
        segment.encode_utf16().count()
    };
    json!({"line": line, "character": character})
}
