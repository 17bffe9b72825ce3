//! [`Lists`]: one list of records per document or per actor, kept as two [`Packed`]
//! arrays (where each list starts, and every record), so that a warm start reads them in
//! place like any packed array instead of allocating a vector per list.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Packed, Words};

/// Lists of records, read by index (`get`), built from a `Vec<Vec<T>>`.
pub struct Lists<T> {
    /// `records[starts[i]..starts[i + 1]]` is list `i`; one more start than lists.
    starts: Packed<u32>,
    records: Packed<T>,
}

impl<T> Lists<T> {
    /// Number of lists.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no lists.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// List `i`; `None` past the end (or, in a damaged cache, for starts out of order).
    pub fn get(&self, i: usize) -> Option<&[T]> {
        let start = *self.starts.get(i)? as usize;
        let end = *self.starts.get(i + 1)? as usize;
        self.records.get(start..end)
    }

    /// Every list in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(&[]))
    }
}

impl<T> From<Vec<Vec<T>>> for Lists<T> {
    /// # Panics
    /// Never for an index: the records are fewer than 2^32 (offsets are 32-bit, and a
    /// corpus holds fewer mentions than bytes).
    fn from(lists: Vec<Vec<T>>) -> Lists<T> {
        let mut starts = Vec::with_capacity(lists.len() + 1);
        let mut records = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        starts.push(0);
        for list in lists {
            records.extend(list);
            starts.push(u32::try_from(records.len()).unwrap_or(u32::MAX));
        }
        Lists {
            starts: starts.into(),
            records: records.into(),
        }
    }
}

impl<T> Default for Lists<T> {
    fn default() -> Lists<T> {
        Vec::new().into()
    }
}

impl<T: Clone> Clone for Lists<T> {
    fn clone(&self) -> Lists<T> {
        Lists {
            starts: self.starts.clone(),
            records: self.records.clone(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Lists<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq> PartialEq for Lists<T> {
    fn eq(&self, other: &Lists<T>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Words + Serialize> Serialize for Lists<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.collect_seq(self.iter());
        }
        (&self.starts, &self.records).serialize(serializer)
    }
}

impl<'de, T: Words + Deserialize<'de>> Deserialize<'de> for Lists<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Lists<T>, D::Error> {
        if deserializer.is_human_readable() {
            return Vec::<Vec<T>>::deserialize(deserializer).map(Lists::from);
        }
        let (starts, records): (Packed<u32>, Packed<T>) = Deserialize::deserialize(deserializer)?;
        let in_order = starts.first() == Some(&0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && starts
                .last()
                .is_some_and(|&end| end as usize == records.len());
        if !in_order {
            return Err(serde::de::Error::custom(
                "list starts out of order or not matching the records",
            ));
        }
        Ok(Lists { starts, records })
    }
}
