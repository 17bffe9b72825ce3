//! Packed arrays: what is written is read back, in postcard and in JSON, and a damaged or
//! cut byte string is an error, never a panic.

use std::sync::Arc;

use crate::actors::{DocMention, Mention};
use crate::events::{kind_number, EventKind, EventMention, JoinReasons, KINDS};
use crate::packed::*;

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Sample {
    #[serde(with = "vec")]
    numbers: Vec<u32>,
    #[serde(with = "vec")]
    hashes: Vec<u64>,
    #[serde(with = "vec")]
    mentions: Vec<Mention>,
    #[serde(with = "nested")]
    lists: Vec<Vec<DocMention>>,
    #[serde(with = "vec")]
    events: Vec<EventMention>,
    after: String,
}

fn sample() -> Sample {
    Sample {
        numbers: vec![0, 1, 127, 128, u32::MAX],
        hashes: vec![0, u64::MAX, 0x0123_4567_89ab_cdef],
        mentions: vec![
            Mention {
                doc: 0,
                span: (0..5).into(),
            },
            Mention {
                doc: 7,
                span: (1_000_000..1_000_009).into(),
            },
        ],
        lists: vec![
            vec![],
            vec![DocMention {
                span: (3..9).into(),
                actor: 2,
            }],
            vec![],
            vec![
                DocMention {
                    span: (0..1).into(),
                    actor: 0,
                },
                DocMention {
                    span: (4..8).into(),
                    actor: u32::MAX - 1,
                },
            ],
        ],
        events: KINDS
            .iter()
            .enumerate()
            .map(|(i, &kind)| EventMention {
                doc: i as u32,
                span: (i..i + 3).into(),
                sentence: (0..i + 10).into(),
                kind,
                n_fields: (i % 4) as u8,
                joined: JoinReasons::from_bits((i % 64) as u8).unwrap_or_default(),
            })
            .collect(),
        after: "the rest is still read".into(),
    }
}

#[test]
fn every_kind_has_its_number() {
    for (i, &kind) in KINDS.iter().enumerate() {
        assert_eq!(kind_number(kind) as usize, i, "{kind:?}");
    }
}

#[test]
fn postcard_round_trip() {
    let bytes = postcard::to_allocvec(&sample()).unwrap();
    assert_eq!(postcard::from_bytes::<Sample>(&bytes).unwrap(), sample());
    let empty = Sample {
        numbers: vec![],
        hashes: vec![],
        mentions: vec![],
        lists: vec![],
        events: vec![],
        after: String::new(),
    };
    let bytes = postcard::to_allocvec(&empty).unwrap();
    assert_eq!(postcard::from_bytes::<Sample>(&bytes).unwrap(), empty);
}

#[test]
fn json_keeps_the_plain_form() {
    let json = serde_json::to_string(&sample()).unwrap();
    assert!(
        json.starts_with(r#"{"numbers":[0,1,127,128,4294967295],"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Sample>(&json).unwrap(), sample());
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = postcard::to_allocvec(&sample()).unwrap();
    for len in 0..bytes.len() {
        assert!(
            postcard::from_bytes::<Sample>(&bytes[..len]).is_err(),
            "accepted {len} of {} bytes",
            bytes.len()
        );
    }
}

#[test]
fn damaged_bytes_never_panic() {
    let bytes = postcard::to_allocvec(&sample()).unwrap();
    for i in 0..bytes.len() {
        for flip in [0x01, 0x10, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] ^= flip;
            // An error or another value, never a panic or a huge allocation.
            let _ = postcard::from_bytes::<Sample>(&damaged);
        }
    }
}

#[test]
fn malformed_packed_strings_are_refused_with_a_reason() {
    #[derive(Debug, serde::Serialize, serde::Deserialize)]
    struct Raw(#[serde(with = "serde_bytes_like")] Vec<u8>);
    mod serde_bytes_like {
        pub fn serialize<S: serde::Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(b)
        }
        pub fn deserialize<'de, D: serde::Deserializer<'de>>(_: D) -> Result<Vec<u8>, D::Error> {
            unreachable!("only written")
        }
    }
    #[derive(Debug, serde::Deserialize)]
    struct Mentions(#[serde(with = "vec")] Vec<Mention>);
    #[derive(Debug, serde::Deserialize)]
    struct Lists(#[serde(with = "nested")] Vec<Vec<u32>>);
    #[derive(Debug, serde::Deserialize)]
    struct Events(#[serde(with = "vec")] Vec<EventMention>);
    let encode = |words: &[u32]| {
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        postcard::to_allocvec(&Raw(bytes)).unwrap()
    };
    // Not a whole number of records (3 words each).
    assert_eq!(
        postcard::from_bytes::<Mentions>(&encode(&[1, 2, 3]))
            .unwrap()
            .0,
        vec![Mention {
            doc: 1,
            span: (2..3).into()
        }]
    );
    let err = postcard::from_bytes::<Mentions>(&encode(&[1, 2, 3, 4])).unwrap_err();
    assert_eq!(err, postcard::Error::SerdeDeCustom, "{err}");
    // Lengths that add up to more or fewer records than there are, or too many lists.
    for words in [
        &[2, 1, 1, 7][..],
        &[1, 1, 7, 8],
        &[u32::MAX, 1],
        &[1, u32::MAX, 5],
        &[],
    ] {
        let err = postcard::from_bytes::<Lists>(&encode(words)).unwrap_err();
        assert_eq!(err, postcard::Error::SerdeDeCustom, "{words:?}");
    }
    assert_eq!(
        postcard::from_bytes::<Lists>(&encode(&[2, 1, 1, 7, 8]))
            .unwrap()
            .0,
        vec![vec![7], vec![8]]
    );
    // An event kind, a field count or join reasons out of range (the word holds the
    // field count in its low byte, the join reasons in the next).
    let ok = postcard::from_bytes::<Events>(&encode(&[0, 0, 1, 0, 1, 17, 3])).unwrap();
    assert_eq!(ok.0[0].kind, EventKind::Withdrawal);
    let last = EventKind::all().len() as u32 - 1;
    let ok = postcard::from_bytes::<Events>(&encode(&[0, 0, 1, 0, 1, last, 3])).unwrap();
    assert_eq!(ok.0[0].kind, *EventKind::all().last().unwrap());
    let err = postcard::from_bytes::<Events>(&encode(&[0, 0, 1, 0, 1, last + 1, 0])).unwrap_err();
    assert_eq!(err, postcard::Error::SerdeDeCustom);
    let ok = postcard::from_bytes::<Events>(&encode(&[0, 0, 1, 0, 1, 0, 256 | 3])).unwrap();
    assert_eq!(ok.0[0].n_fields, 3);
    assert_eq!(ok.0[0].joined, JoinReasons::PLACE);
    for fields in [1 << 14, 1 << 16] {
        let err = postcard::from_bytes::<Events>(&encode(&[0, 0, 1, 0, 1, 0, fields])).unwrap_err();
        assert_eq!(err, postcard::Error::SerdeDeCustom, "{fields}");
    }
}

#[test]
fn arrays_large_enough_for_huge_pages_read_back_whole() {
    // Over `huge_pages::AT_LEAST` bytes, so the advice is given before the copy.
    let large = Sample {
        numbers: (0..3_000_000u32)
            .map(|i| i.wrapping_mul(2_654_435_761))
            .collect(),
        hashes: (0..1_100_000u64).map(|i| i << 20 | i).collect(),
        mentions: Vec::new(),
        lists: Vec::new(),
        events: Vec::new(),
        after: "end".into(),
    };
    let bytes = postcard::to_stdvec(&large).unwrap();
    let back: Sample = postcard::from_bytes(&bytes).unwrap();
    assert!(back == large, "a large array changed on the way back");
}

/// What the index cache stores: packed arrays read in place or copied.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Stored {
    name: String,
    numbers: Packed<u32>,
    hashes: Packed<u64>,
    mentions: Packed<Mention>,
    lists: Lists<DocMention>,
    events: Packed<EventMention>,
}

fn stored() -> Stored {
    let sample = sample();
    Stored {
        // An odd length, so that the arrays after it need padding.
        name: "Tehran 🙂".into(),
        numbers: sample.numbers.into(),
        hashes: sample.hashes.into(),
        mentions: sample.mentions.into(),
        lists: sample.lists.into(),
        events: sample.events.into(),
    }
}

/// Bytes in 8-aligned memory (as a mapped blob is), standing in for a mapped cache file.
struct InMemory {
    words: Vec<u64>,
    len: usize,
}

impl InMemory {
    fn new(bytes: &[u8]) -> Arc<InMemory> {
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        for (word, chunk) in words.iter_mut().zip(bytes.chunks(8)) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            *word = u64::from_ne_bytes(b);
        }
        Arc::new(InMemory {
            words,
            len: bytes.len(),
        })
    }
}

// SAFETY: the words are never changed after they are wrapped.
unsafe impl StableBytes for InMemory {
    fn bytes(&self) -> &[u8] {
        // SAFETY: `len` bytes lie within the words' allocation; any byte is a valid u8.
        unsafe { std::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), self.len) }
    }
}

/// `value` written as the cache writer writes a blob (counted).
fn written_counted(value: &Stored) -> Arc<InMemory> {
    let mut bytes = Vec::new();
    postcard::to_io(value, Counted::new(&mut bytes, 0)).unwrap();
    InMemory::new(&bytes)
}

fn decode_borrowing(backing: Arc<InMemory>) -> Result<Stored, postcard::Error> {
    borrowing_from(backing, |bytes| postcard::from_bytes::<Stored>(bytes))
}

#[test]
fn plain_arrays_written_counted_are_read_in_place() {
    let backing = written_counted(&stored());
    let back = decode_borrowing(backing.clone()).unwrap();
    assert_eq!(back, stored());
    assert!(back.numbers.is_borrowed(), "u32 words borrowed");
    assert!(back.hashes.is_borrowed(), "u64 words borrowed");
    assert!(back.mentions.is_borrowed(), "mentions borrowed");
    assert!(
        !back.events.is_borrowed(),
        "event mentions hold an enum: copied"
    );
    // The arrays keep the bytes alive after everything else let go of them.
    drop(backing);
    assert_eq!(back.mentions[1].span.end, 1_000_009);
    assert_eq!(back, stored());
}

#[test]
fn arrays_are_copied_when_not_counted_or_not_from_the_backing() {
    // Written without counting: no padding for alignment, read back by copying.
    let bytes = postcard::to_allocvec(&stored()).unwrap();
    let back: Stored = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, stored());
    assert!(!back.numbers.is_borrowed());
    // Counted, but decoded without a backing: copied too.
    let backing = written_counted(&stored());
    let back: Stored = postcard::from_bytes(backing.bytes()).unwrap();
    assert_eq!(back, stored());
    assert!(!back.numbers.is_borrowed() && !back.mentions.is_borrowed());
    // JSON keeps the plain form.
    let json = serde_json::to_string(&stored()).unwrap();
    assert!(
        json.contains(r#""numbers":[0,1,127,128,4294967295]"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Stored>(&json).unwrap(), stored());
}

#[test]
fn damaged_stored_arrays_are_errors_never_panics() {
    let backing = written_counted(&stored());
    let bytes = backing.bytes();
    for len in 0..bytes.len() {
        let cut = InMemory::new(&bytes[..len]);
        assert!(decode_borrowing(cut).is_err(), "accepted {len} bytes");
    }
    for i in 0..bytes.len() {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut damaged = bytes.to_vec();
            damaged[i] ^= flip;
            // Anything may come back; nothing may panic or read out of bounds.
            if let Ok(back) = decode_borrowing(InMemory::new(&damaged)) {
                let _ = back.lists.iter().map(<[DocMention]>::len).sum::<usize>();
                let _ = back.numbers.iter().fold(0u32, |a, &b| a.wrapping_add(b));
            }
        }
    }
}

#[test]
fn list_starts_out_of_order_are_refused() {
    #[derive(serde::Serialize)]
    struct Raw {
        starts: Packed<u32>,
        records: Packed<u32>,
    }
    for starts in [vec![0, 2, 1, 3], vec![1, 3], vec![0, 4], vec![]] {
        let raw = Raw {
            starts: starts.clone().into(),
            records: vec![7u32, 8, 9].into(),
        };
        let bytes = postcard::to_allocvec(&raw).unwrap();
        let err = postcard::from_bytes::<Lists<u32>>(&bytes).unwrap_err();
        assert!(
            matches!(err, postcard::Error::SerdeDeCustom),
            "{starts:?}: {err}"
        );
    }
    let good: Lists<u32> = vec![vec![7], vec![], vec![8, 9]].into();
    assert_eq!(good.len(), 3);
    assert_eq!(good.get(2), Some(&[8u32, 9][..]));
    assert_eq!(good.get(3), None);
}
