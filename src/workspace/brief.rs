//! Reading a brief from disk: bounded, refusing what is not a regular file, and keeping
//! where invalid UTF-8 replacements moved the offsets.

use std::io::Read;
use std::path::Path;

use super::problem::LoadProblem;

/// A brief read from disk: its text (invalid UTF-8 replaced by U+FFFD) and where the
/// replacements changed byte offsets, so that columns can be given in the file's bytes.
#[derive(Debug, Clone)]
pub struct BriefText {
    pub text: String,
    /// `(offset in text, offset in the file)` after each replacement, in order.
    shifts: Vec<(usize, usize)>,
}

impl BriefText {
    /// Whether the file held invalid UTF-8.
    pub fn had_invalid_utf8(&self) -> bool {
        !self.shifts.is_empty()
    }

    /// The byte offset in the file of the byte offset `offset` in [`BriefText::text`].
    pub fn file_offset(&self, offset: usize) -> usize {
        let at = self
            .shifts
            .partition_point(|&(in_text, _)| in_text <= offset);
        match at.checked_sub(1).map(|i| self.shifts[i]) {
            Some((in_text, in_file)) => in_file + (offset - in_text),
            None => offset,
        }
    }
}

/// Reads a brief from disk, within `max_file_bytes`: a FIFO, a device (`/dev/zero`) or a
/// folder is refused, as is a file over the limit, before anything is read. Invalid UTF-8
/// is replaced and comes back as a warning-only [`LoadProblem::InvalidUtf8`].
pub fn read_brief(
    path: &Path,
    max_file_bytes: u64,
) -> Result<(BriefText, Option<LoadProblem>), LoadProblem> {
    let unreadable = |reason: String| LoadProblem::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let metadata = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !metadata.is_file() {
        return Err(unreadable(
            "not a regular file (a folder, a pipe or a device)".into(),
        ));
    }
    if metadata.len() > max_file_bytes {
        return Err(LoadProblem::TooLarge {
            path: path.to_path_buf(),
            size: metadata.len(),
            limit: max_file_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // `take` bounds the read even if the file grows while it is read.
    file.take(max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(e.to_string()))?;
    if bytes.len() as u64 > max_file_bytes {
        return Err(LoadProblem::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: max_file_bytes,
        });
    }
    let (text, shifts) = match String::from_utf8(bytes) {
        Ok(text) => (text, Vec::new()),
        Err(err) => decode_lossily(err.as_bytes()),
    };
    let problem = (!shifts.is_empty()).then(|| LoadProblem::InvalidUtf8(path.to_path_buf()));
    Ok((BriefText { text, shifts }, problem))
}

/// `String::from_utf8_lossy`, noting where each replacement moved the offsets.
fn decode_lossily(bytes: &[u8]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(bytes.len());
    let mut shifts = Vec::new();
    let mut in_file = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        in_file += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            in_file += chunk.invalid().len();
            shifts.push((text.len(), in_file));
        }
    }
    (text, shifts)
}
