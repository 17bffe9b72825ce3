//! A guard in front of tower-lsp's stdin: re-frames what the client sends so that no
//! malformed input can stop the server.
//!
//! Why: tower-lsp 0.20 reads stdin with a `FramedRead`, which ends the stream after the
//! first decoding error, and the server exits with it. So garbage, a wrong
//! `Content-Length` or a body that is not JSON-RPC would kill the session. Here every
//! such message is replaced by a well-formed request to `dossier/invalidMessage`, whose
//! handler answers with the JSON-RPC error the client should have got (-32700 parse
//! error, -32600 invalid request), and framing is recovered at the next `Content-Length`.
//! On the way out, [`restore_null_ids`] gives the answers to stand-ins for messages
//! without a usable id the `null` id JSON-RPC asks for.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

pub const INVALID_MESSAGE_METHOD: &str = "dossier/invalidMessage";

/// The start of the id a stand-in gets for a message without a usable id. JSON-RPC answers
/// such a message with id `null`, but tower-lsp refuses a request whose id is already
/// pending: two stand-ins with id `null` back to back got the guard's answer, then
/// tower-lsp's generic `-32600 Invalid request` (a second parse error read as -32600). So
/// each gets an id of its own, and [`restore_null_ids`] makes it `null` on the way out.
const NULL_ID_PREFIX: &str = "$/dossier/null-id/";
static NEXT_NULL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Parameters of the stand-in request for a message that could not be used.
#[derive(Debug, Serialize, Deserialize)]
pub struct InvalidMessage {
    pub code: i64,
    pub message: String,
}

const HEADER_NAME: &[u8] = b"Content-Length:";
/// Input buffer capacity kept between messages.
const RETAINED_BUFFER_BYTES: usize = 1024 * 1024;
/// Header blocks longer than this are garbage, not headers.
const MAX_HEADER_BYTES: usize = 8 * 1024;
/// A `Content-Length` above this is refused rather than waited for: no editor sends a
/// message of a gigabyte, and `usize::MAX` must not overflow the arithmetic below.
const MAX_MESSAGE_BYTES: usize = 1 << 30;

/// Copies LSP messages from `input` to `output`, repairing the stream as described above.
pub async fn sanitize(mut input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    let mut eof = false;
    loop {
        match next_frame(&mut buf, eof) {
            Frame::Message(body) => {
                // A huge message (a 50 MB brief) must not pin its size in the buffer for
                // the rest of the session.
                if buf.capacity() > RETAINED_BUFFER_BYTES && buf.len() < RETAINED_BUFFER_BYTES {
                    buf.shrink_to(RETAINED_BUFFER_BYTES);
                }
                let body = checked_body(body);
                if write_frame(&mut output, &body).await.is_err() || is_exit(&body) {
                    // After `exit`, ending the stream is what makes tower-lsp stop serving
                    // (it would otherwise wait for the client to close stdin).
                    return;
                }
                continue;
            }
            Frame::Garbage(reason) => {
                let body = invalid_message(-32700, &format!("parse error: {reason}"), Value::Null);
                if write_frame(&mut output, &body).await.is_err() {
                    return;
                }
                continue;
            }
            Frame::NeedMore if eof => return,
            Frame::NeedMore => {}
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => eof = true,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

enum Frame {
    Message(Vec<u8>),
    Garbage(String),
    NeedMore,
}

/// Takes the next complete frame (or a run of garbage) off the front of `buf`.
fn next_frame(buf: &mut Vec<u8>, eof: bool) -> Frame {
    if buf.is_empty() {
        return Frame::NeedMore;
    }
    // Anything before the first header name is garbage.
    match memchr::memmem::find(buf, HEADER_NAME) {
        Some(0) => {}
        Some(at) => {
            let skipped = buf.drain(..at).collect::<Vec<u8>>();
            if skipped.iter().all(u8::is_ascii_whitespace) {
                return next_frame(buf, eof);
            }
            return Frame::Garbage(format!(
                "{} bytes that are not an LSP message were skipped",
                skipped.len()
            ));
        }
        None if eof || buf.len() > MAX_HEADER_BYTES => {
            let n = buf.len();
            buf.clear();
            return Frame::Garbage(format!(
                "{n} bytes that are not an LSP message were skipped"
            ));
        }
        None => return Frame::NeedMore,
    }
    let Some(header_end) = memchr::memmem::find(buf, b"\r\n\r\n") else {
        if buf.len() > MAX_HEADER_BYTES || eof {
            buf.drain(..HEADER_NAME.len());
            return Frame::Garbage("a header block without an end".into());
        }
        return Frame::NeedMore;
    };
    let headers = String::from_utf8_lossy(&buf[..header_end]).into_owned();
    let length = headers
        .lines()
        .find_map(|line| line.strip_prefix("Content-Length:"))
        .and_then(|value| value.trim().parse::<usize>().ok());
    let Some(length) = length.filter(|&n| n <= MAX_MESSAGE_BYTES) else {
        buf.drain(..header_end + 4);
        let value = headers
            .lines()
            .find_map(|line| line.strip_prefix("Content-Length:"))
            .unwrap_or_default();
        return Frame::Garbage(format!(
            "bad Content-Length `{}`: a byte count of at most {MAX_MESSAGE_BYTES}",
            value.trim()
        ));
    };
    let body_start = header_end + 4;
    if buf.len() < body_start + length {
        // A length longer than what follows before the next message: resynchronise there
        // rather than swallow the next message.
        if let Some(next) = memchr::memmem::find(&buf[body_start..], HEADER_NAME) {
            let body: Vec<u8> = buf[body_start..body_start + next].to_vec();
            if serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_ok() {
                buf.drain(..body_start + next);
                return Frame::Message(body);
            }
        }
        if eof {
            buf.clear();
            return Frame::Garbage("the stream ended inside a message".into());
        }
        return Frame::NeedMore;
    }
    let body = buf[body_start..body_start + length].to_vec();
    buf.drain(..body_start + length);
    Frame::Message(body)
}

/// The body itself if it is a JSON-RPC message tower-lsp can take, else a stand-in.
fn checked_body(body: Vec<u8>) -> Vec<u8> {
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(err) => return invalid_message(-32700, &format!("parse error: {err}"), Value::Null),
    };
    let Some(object) = value.as_object() else {
        return invalid_message(
            -32600,
            "invalid request: a JSON-RPC message must be an object",
            Value::Null,
        );
    };
    let id = object.get("id").cloned().unwrap_or(Value::Null);
    // tower-lsp takes integer ids that fit an i64, or strings: `1.5`, `1e3` and
    // `18446744073709551615` would end its decoding, and the session with it.
    let id_ok = match &id {
        Value::Null | Value::String(_) => true,
        Value::Number(n) => n.is_i64(),
        _ => false,
    };
    let id_for_reply = if id_ok { id.clone() } else { Value::Null };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid_message(
            -32600,
            "invalid request: `jsonrpc` must be \"2.0\"",
            id_for_reply,
        );
    }
    let is_request = object.get("method").is_some_and(Value::is_string);
    let is_response = object.contains_key("id")
        && (object.contains_key("result") || object.contains_key("error"));
    if !id_ok {
        return invalid_message(
            -32600,
            "invalid request: `id` must be a string or an integer that fits 64 signed bits",
            Value::Null,
        );
    }
    if !(is_request || is_response) {
        return invalid_message(
            -32600,
            "invalid request: no `method` string, and not a response",
            id_for_reply,
        );
    }
    if is_request
        && object
            .get("params")
            .is_some_and(|p| !(p.is_object() || p.is_array() || p.is_null()))
    {
        return invalid_message(
            -32600,
            "invalid request: `params` must be an object or an array",
            id_for_reply,
        );
    }
    let body = match without_void_params(object, body) {
        Ok(body) => body,
        Err(message) => return invalid_message(-32602, &message, id_for_reply),
    };
    // The last word is tower-lsp's own decoding: whatever it would fail on (a duplicate
    // `id`, a response whose `error` is not an error object) would end its stream, and the
    // session with it. Both sides must agree on what a valid message is.
    if let Err(err) = serde_json::from_slice::<TowerLspMessage>(&body) {
        let what = if is_response {
            "invalid response"
        } else {
            "invalid request"
        };
        tracing::debug!("refused a message tower-lsp cannot decode: {err}");
        let message = format!(
            "{what}: the message does not decode as a JSON-RPC request, notification or response (a repeated field, or a field of the wrong type)"
        );
        return invalid_message(-32600, &message, id_for_reply);
    }
    if is_response && serde_json::from_slice::<tower_lsp::jsonrpc::Response>(&body).is_err() {
        // tower-lsp would take it as a request without a method and answer -32601.
        return invalid_message(
            -32600,
            "invalid response: `error` must be an object with an integer `code` and a `message`",
            id_for_reply,
        );
    }
    body
}

/// What tower-lsp 0.20 decodes every incoming message as (its `jsonrpc::Message`, which
/// is private): the guard decodes each body the same way before passing it on.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // only whether it decodes matters
enum TowerLspMessage {
    Response(tower_lsp::jsonrpc::Response),
    Request(tower_lsp::jsonrpc::Request),
}

/// Methods that take no parameters: `shutdown`, `exit` and dossier's own queries.
/// tower-lsp refuses any `params` on them (-32602), even `null`, and a refused `shutdown`
/// still moved it into its shut-down state.
pub const PARAMETERLESS_METHODS: [&str; 6] = [
    "shutdown",
    "exit",
    "dossier/indexStatus",
    "dossier/debugPanic",
    "dossier/debugWaitForCancel",
    "dossier/debugCancelledWork",
];

/// A parameterless method sent with `"params": null`, `{}` or `[]` means no parameters:
/// such a message goes on without its `params`. Any other `params` on it is refused here
/// (the error message), so that tower-lsp never sees a `shutdown` it would refuse yet obey.
fn without_void_params(
    object: &serde_json::Map<String, Value>,
    body: Vec<u8>,
) -> Result<Vec<u8>, String> {
    let Some(method) = object.get("method").and_then(Value::as_str) else {
        return Ok(body);
    };
    if !PARAMETERLESS_METHODS.contains(&method) {
        return Ok(body);
    }
    let Some(params) = object.get("params") else {
        return Ok(body);
    };
    let void = params.is_null()
        || params.as_object().is_some_and(|o| o.is_empty())
        || params.as_array().is_some_and(|a| a.is_empty());
    if !void {
        return Err(format!(
            "invalid params: `{method}` takes no parameters (send none, or null)"
        ));
    }
    let mut object = object.clone();
    object.remove("params");
    Ok(serde_json::to_vec(&object).unwrap_or(body))
}

fn is_exit(body: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Method<'a> {
        #[serde(borrow)]
        method: Option<&'a str>,
    }
    serde_json::from_slice::<Method>(body).is_ok_and(|m| m.method == Some("exit"))
}

fn invalid_message(code: i64, message: &str, id: Value) -> Vec<u8> {
    let id = if id.is_null() {
        let n = NEXT_NULL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Value::String(format!("{NULL_ID_PREFIX}{n}"))
    } else {
        id
    };
    let params = InvalidMessage {
        code,
        message: message.to_string(),
    };
    let request = serde_json::json!({"jsonrpc": "2.0", "id": id, "method": INVALID_MESSAGE_METHOD, "params": params});
    serde_json::to_vec(&request).unwrap_or_default()
}

/// Copies tower-lsp's output to `output`, giving the answers to stand-ins for messages
/// without a usable id (see [`NULL_ID_PREFIX`]) the `null` id JSON-RPC asks for. Every
/// other message passes unchanged.
pub async fn restore_null_ids(
    mut input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
) {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let mut start = 0;
        while let Some(header_end) = memchr::memmem::find(&buf[start..], b"\r\n\r\n") {
            let body_start = start + header_end + 4;
            let length = std::str::from_utf8(&buf[start..start + header_end])
                .ok()
                .and_then(|headers| {
                    headers
                        .lines()
                        .find_map(|line| line.strip_prefix("Content-Length:"))
                })
                .and_then(|value| value.trim().parse::<usize>().ok());
            let Some(length) = length else {
                // Not what tower-lsp writes: passed on as it is rather than held back.
                if output.write_all(&buf[start..]).await.is_err() {
                    return;
                }
                start = buf.len();
                break;
            };
            let Some(end) = body_start
                .checked_add(length)
                .filter(|&end| end <= buf.len())
            else {
                break;
            };
            let body = with_null_id(&buf[body_start..end]);
            if write_frame(&mut output, &body).await.is_err() {
                return;
            }
            start = end;
        }
        buf.drain(..start);
        // A huge answer (a 50 MB brief's text) must not pin its size for the session.
        if buf.capacity() > RETAINED_BUFFER_BYTES && buf.len() < RETAINED_BUFFER_BYTES {
            buf.shrink_to(RETAINED_BUFFER_BYTES);
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => {
                let _ = output.write_all(&buf).await;
                let _ = output.flush().await;
                return;
            }
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}

/// The body, with `null` for an id the guard gave a stand-in.
fn with_null_id(body: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memmem::find(body, NULL_ID_PREFIX.as_bytes()).is_none() {
        return Cow::Borrowed(body);
    }
    let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(body) else {
        return Cow::Borrowed(body);
    };
    let stand_in = object
        .get("id")
        .and_then(Value::as_str)
        .is_some_and(|id| id.starts_with(NULL_ID_PREFIX));
    if !stand_in || object.contains_key("method") {
        return Cow::Borrowed(body);
    }
    object.insert("id".into(), Value::Null);
    serde_json::to_vec(&object).map_or(Cow::Borrowed(body), Cow::Owned)
}

async fn write_frame(output: &mut (impl AsyncWrite + Unpin), body: &[u8]) -> std::io::Result<()> {
    output
        .write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    output.write_all(body).await?;
    output.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut output = Vec::new();
            sanitize(input, &mut output).await;
            let text = String::from_utf8(output).unwrap();
            text.split("Content-Length: ")
                .filter(|s| !s.is_empty())
                .map(|s| s.split_once("\r\n\r\n").unwrap().1.to_string())
                .collect()
        })
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn good_messages_pass_unchanged() {
        let a = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#;
        let b = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        assert_eq!(
            frames(format!("{}{}", frame(a), frame(b)).as_bytes()),
            vec![a, b]
        );
    }

    #[test]
    fn bad_json_garbage_and_wrong_lengths_become_error_requests_and_framing_recovers() {
        let good = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;
        let too_long = format!("Content-Length: 500\r\n\r\n{good}");
        let input = format!(
            "{}garbage here\r\n{}{}{}{}",
            frame("{not json"),
            frame(good),
            frame("[1,2]"),
            too_long,
            frame(good)
        );
        let out = frames(input.as_bytes());
        assert_eq!(out.len(), 6, "{out:#?}");
        assert!(out[0].contains("-32700"), "{}", out[0]);
        assert!(
            out[1].contains("-32700") && out[1].contains("skipped"),
            "{}",
            out[1]
        );
        assert_eq!(out[2], good);
        assert!(out[3].contains("-32600"));
        assert_eq!(
            out[4], good,
            "a too-long length resynchronises at the next header"
        );
        assert_eq!(out[5], good);
    }

    #[test]
    fn huge_lengths_and_odd_ids_are_refused_and_the_stream_goes_on() {
        let good = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;
        for length in ["18446744073709551615", "18446744073709551605", "2000000000"] {
            let input = format!("Content-Length: {length}\r\n\r\n{good}{}", frame(good));
            let out = frames(input.as_bytes());
            assert!(out[0].contains("-32700"), "{length}: {}", out[0]);
            assert_eq!(
                out.last().map(String::as_str),
                Some(good),
                "{length}: {out:#?}"
            );
        }
        for id in ["1.5", "1e3", "18446744073709551615", "-1.0"] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
            let out = frames(frame(&body).as_bytes());
            assert!(out[0].contains("-32600"), "id {id}: {}", out[0]);
        }
        let out = frames(frame(r#"{"jsonrpc":"2.0","id":-4,"method":"x"}"#).as_bytes());
        assert!(out[0].contains(r#""method":"x""#), "{}", out[0]);
    }

    #[test]
    fn shutdown_with_null_or_empty_params_goes_on_without_them() {
        for params in ["null", "{}"] {
            let body =
                format!(r#"{{"jsonrpc":"2.0","id":2,"method":"shutdown","params":{params}}}"#);
            let out = frames(frame(&body).as_bytes());
            let value: Value = serde_json::from_str(&out[0]).unwrap();
            assert_eq!(value["method"], "shutdown");
            assert!(value.get("params").is_none(), "{}", out[0]);
        }
        let with = r#"{"jsonrpc":"2.0","id":2,"method":"dossier/x","params":{}}"#;
        assert_eq!(frames(frame(with).as_bytes()), vec![with]);
    }

    #[test]
    fn stand_ins_without_an_id_get_ids_of_their_own_made_null_on_the_way_out() {
        // Back to back, both with id null: tower-lsp answered the second with its generic
        // -32600, as a duplicate of a pending id.
        let out = frames(format!("{}{}", frame("{not json"), frame("[1]")).as_bytes());
        let ids: Vec<Value> = out
            .iter()
            .map(|body| serde_json::from_str::<Value>(body).unwrap()["id"].clone())
            .collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        let answers: String = ids
            .iter()
            .map(|id| {
                let body = serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32700, "message": "m"}}).to_string();
                frame(&body)
            })
            .collect();
        let untouched = frame(r#"{"jsonrpc":"2.0","id":"$/dossier/null-id/9","method":"x"}"#);
        let input = format!(
            "{answers}{}{untouched}",
            frame(r#"{"jsonrpc":"2.0","id":4,"result":null}"#)
        );
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut output = Vec::new();
        runtime.block_on(restore_null_ids(input.as_bytes(), &mut output));
        let text = String::from_utf8(output).unwrap();
        let bodies: Vec<Value> = text
            .split("Content-Length: ")
            .filter(|s| !s.is_empty())
            .map(|s| serde_json::from_str(s.split_once("\r\n\r\n").unwrap().1).unwrap())
            .collect();
        assert_eq!(bodies.len(), 4, "{text}");
        assert_eq!(bodies[0]["id"], Value::Null);
        assert_eq!(bodies[1]["id"], Value::Null);
        assert_eq!(bodies[2]["id"], 4);
        assert_eq!(
            bodies[3]["id"], "$/dossier/null-id/9",
            "a request keeps its id"
        );
    }

    #[test]
    fn invalid_requests_keep_their_id() {
        let out = frames(frame(r#"{"jsonrpc":"1.0","id":3,"method":"x"}"#).as_bytes());
        assert!(
            out[0].contains(r#""id":3"#) && out[0].contains("-32600"),
            "{}",
            out[0]
        );
    }
}
