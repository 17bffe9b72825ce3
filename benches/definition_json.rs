//! What the JSON of a large definition answer costs, apart from finding its sources: a
//! quote carried by thousands of documents is answered with one `LocationLink` per source.
//!
//! tower-lsp turns a handler's result into a `serde_json::Value` (`to_value`), writes that
//! tree as a string and drops it; the client parses the string again. This bench times
//! each step for answers of 100, 1,000 and 4,269 links (4,269: the made-up brief's quote of
//! `lsp_latency` on the 100 MB corpus), and writing the links straight to a string for
//! comparison (what a server that bypassed `Value` would pay).
//!
//! Run: `cargo bench --bench definition_json -- --warm-up-time 1 --measurement-time 3`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use tower_lsp::lsp_types as lsp;

/// `n` links shaped like dossier's: a corpus file URI, a paragraph and the quote's span.
fn links(n: usize) -> lsp::GotoDefinitionResponse {
    let range = |line: u32, start: u32, end: u32| lsp::Range {
        start: lsp::Position {
            line,
            character: start,
        },
        end: lsp::Position {
            line,
            character: end,
        },
    };
    let origin = range(4, 29, 141);
    let links = (0..n)
        .map(|i| {
            let uri = format!(
                "file:///tmp/corpus100/part00/batch{:02}/{i:07}_{:016x}.txt",
                i / 1000,
                (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            );
            lsp::LocationLink {
                origin_selection_range: Some(origin),
                target_uri: lsp::Url::parse(&uri).expect("a valid URI"),
                target_range: range(7 + i as u32 % 20, 0, 412),
                target_selection_range: range(7 + i as u32 % 20, 120, 232),
            }
        })
        .collect();
    lsp::GotoDefinitionResponse::Link(links)
}

fn definition_json(c: &mut Criterion) {
    for n in [100, 1_000, 4_269] {
        let answer = links(n);
        let text = serde_json::to_string(&answer).expect("serializable");
        eprintln!("{n} links: {} bytes of JSON", text.len());
        c.bench_function(
            &format!("{n} links: to_value, to_string, drop (tower-lsp)"),
            |b| {
                b.iter_batched(
                    || answer.clone(),
                    |answer| {
                        let value = serde_json::to_value(answer).expect("serializable");
                        serde_json::to_string(&value).expect("serializable").len()
                    },
                    BatchSize::SmallInput,
                )
            },
        );
        c.bench_function(&format!("{n} links: to_string directly"), |b| {
            b.iter(|| serde_json::to_string(&answer).expect("serializable").len())
        });
        c.bench_function(&format!("{n} links: client parse into Value"), |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(&text).map(|v| v.is_array()))
        });
    }
}

criterion_group!(benches, definition_json);
criterion_main!(benches);
