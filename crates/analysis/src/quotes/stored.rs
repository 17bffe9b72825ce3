//! The index cache's form of the corpus' quotes: each quote's numbers as packed `u32`
//! words (see `analysis::packed`) and the speakers' names once each in one string, which
//! reads back far faster than a derived record per quote with its own name.

use std::collections::HashMap;

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::SourceQuote;
use dossier_packed::{self as packed, offset, word};

const HAS_SPEAKER: u32 = 1;
const HAS_NAME: u32 = 2;
const IS_SPEECH: u32 = 4;

#[derive(Serialize, Deserialize)]
struct Packed {
    /// Per quote: doc, span, inner, speaker, name range in `names`, flags.
    #[serde(with = "packed::vec")]
    words: Vec<u32>,
    names: String,
}

const WORDS: usize = 9;

pub fn serialize<S: Serializer>(quotes: &[SourceQuote], serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        return quotes.serialize(serializer);
    }
    let too_large = || S::Error::custom("a value too large for the index cache (over 4 GiB)");
    let mut names = String::new();
    let mut placed: HashMap<&str, (u32, u32)> = HashMap::new();
    let mut words = Vec::with_capacity(quotes.len() * WORDS);
    for q in quotes {
        let mut flags = 0;
        let (name_start, name_end) = match &q.speaker_name {
            Some(name) => {
                flags |= HAS_NAME;
                match placed.get(name.as_str()) {
                    Some(&range) => range,
                    None => {
                        let start = word(names.len()).ok_or_else(too_large)?;
                        names.push_str(name);
                        let range = (start, word(names.len()).ok_or_else(too_large)?);
                        placed.insert(name, range);
                        range
                    }
                }
            }
            None => (0, 0),
        };
        if q.speaker.is_some() {
            flags |= HAS_SPEAKER;
        }
        if q.is_speech {
            flags |= IS_SPEECH;
        }
        let spans = [q.span.start, q.span.end, q.inner.start, q.inner.end];
        words.push(q.doc);
        for s in spans {
            words.push(word(s).ok_or_else(too_large)?);
        }
        words.extend([q.speaker.unwrap_or(0), name_start, name_end, flags]);
    }
    Packed { words, names }.serialize(serializer)
}

pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<SourceQuote>, D::Error> {
    if deserializer.is_human_readable() {
        return Vec::<SourceQuote>::deserialize(deserializer);
    }
    let Packed { words, names } = Packed::deserialize(deserializer)?;
    if !words.len().is_multiple_of(WORDS) {
        return Err(D::Error::custom("quotes: not a whole number of records"));
    }
    words
        .chunks_exact(WORDS)
        .map(|w| {
            let flags = w[8];
            let speaker_name = if flags & HAS_NAME != 0 {
                let name = names
                    .get(offset(w[6])..offset(w[7]))
                    .ok_or_else(|| D::Error::custom("quotes: a name out of range"))?;
                Some(name.to_string())
            } else {
                None
            };
            Ok(SourceQuote {
                doc: w[0],
                span: offset(w[1])..offset(w[2]),
                inner: offset(w[3])..offset(w[4]),
                speaker: (flags & HAS_SPEAKER != 0).then_some(w[5]),
                speaker_name,
                is_speech: flags & IS_SPEECH != 0,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Quotes(#[serde(with = "super")] Vec<SourceQuote>);

    fn quotes() -> Quotes {
        let quote = |doc, speaker, name: Option<&str>, is_speech| SourceQuote {
            doc,
            span: 10 * doc as usize..10 * doc as usize + 9,
            inner: 10 * doc as usize + 1..10 * doc as usize + 8,
            speaker,
            speaker_name: name.map(String::from),
            is_speech,
        };
        Quotes(vec![
            quote(0, Some(3), Some("Ali Akbar Velayati"), true),
            quote(1, None, Some("Kortunov"), true),
            quote(2, None, None, false),
            quote(3, Some(0), Some("Ali Akbar Velayati"), true),
            quote(4, Some(7), Some(""), true),
            quote(5, Some(u32::MAX), None, false),
        ])
    }

    #[test]
    fn round_trip_in_postcard_and_json() {
        let bytes = postcard::to_allocvec(&quotes()).unwrap();
        assert_eq!(postcard::from_bytes::<Quotes>(&bytes).unwrap(), quotes());
        let json = serde_json::to_string(&quotes()).unwrap();
        assert!(json.starts_with(r#"[{"doc":0,"#), "{json}");
        assert_eq!(serde_json::from_str::<Quotes>(&json).unwrap(), quotes());
    }

    #[test]
    fn cut_or_damaged_bytes_are_errors_not_panics() {
        let bytes = postcard::to_allocvec(&quotes()).unwrap();
        for len in 0..bytes.len() {
            assert!(
                postcard::from_bytes::<Quotes>(&bytes[..len]).is_err(),
                "{len}"
            );
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x41;
            let _ = postcard::from_bytes::<Quotes>(&damaged);
        }
    }

    #[test]
    fn an_offset_over_4_gib_fails_to_save_instead_of_wrapping() {
        if usize::BITS <= 32 {
            return;
        }
        let mut big = quotes();
        big.0[1].inner.end = u32::MAX as usize + 1;
        let err = postcard::to_allocvec(&big).unwrap_err();
        assert!(
            err.to_string().contains("Serde Serialization Error"),
            "{err}"
        );
    }
}
