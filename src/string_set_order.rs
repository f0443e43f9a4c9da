//! The iteration order of LLVM's `StringSet` (a `StringMap`), reproduced.
//!
//! wasm-ld keeps the `--export` and `--export-if-defined` names in a `StringSet` and pulls
//! their archive members in while iterating it, so that order (not the command line's)
//! decides where those members' functions and data land in the output. A `StringMap` is an
//! open-addressing table of power-of-two size (16 buckets at first, doubled when more than
//! 3/4 full), indexed by the low bits of the key's `xxh3_64bits` hash truncated to 32 bits,
//! probed quadratically (steps 1, 2, 3, ...), and iterated in bucket order.

/// `names` (duplicates after the first ignored) in the order LLVM 19's `StringSet` built by
/// inserting them one by one iterates them.
pub fn llvm_string_set_order<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut table = Table { buckets: vec![None; 16], items: 0 };
    for name in names {
        table.insert(name);
    }
    table.buckets.into_iter().flatten().map(|(_, name)| name).collect()
}

struct Table<'a> {
    /// Each bucket's key and its full (32-bit) hash.
    buckets: Vec<Option<(u32, &'a str)>>,
    items: usize,
}

impl<'a> Table<'a> {
    fn insert(&mut self, name: &'a str) {
        // LLVM stores the 64-bit hash in a 32-bit field: the truncation is the point.
        let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes()) as u32;
        let mask = self.buckets.len() - 1;
        let mut bucket = hash as usize & mask;
        let mut probe = 1;
        loop {
            match self.buckets.get(bucket).copied().flatten() {
                None => break,
                Some((h, existing)) if h == hash && existing == name => return,
                Some(_) => {
                    bucket = (bucket + probe) & mask;
                    probe += 1;
                }
            }
        }
        if let Some(slot) = self.buckets.get_mut(bucket) {
            *slot = Some((hash, name));
        }
        self.items += 1;
        if self.items * 4 > self.buckets.len() * 3 {
            self.grow();
        }
    }

    /// `RehashTable`: old buckets in order into a table twice the size.
    fn grow(&mut self) {
        let size = self.buckets.len() * 2;
        let mask = size - 1;
        let mut grown: Vec<Option<(u32, &'a str)>> = vec![None; size];
        for (hash, name) in self.buckets.iter().flatten().copied() {
            let mut bucket = hash as usize & mask;
            let mut probe = 1;
            while grown.get(bucket).is_some_and(Option::is_some) {
                bucket = (bucket + probe) & mask;
                probe += 1;
            }
            if let Some(slot) = grown.get_mut(bucket) {
                *slot = Some((hash, name));
            }
        }
        self.buckets = grown;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_wasm_ld_19() {
        // wasm-ld-19 --no-entry libex.a --export=ex_h --export=ex_a --export=ex_c
        //   --export=ex_b --export=ex_g --export=ex_e (one member per function) laid the
        // functions out in this order.
        let order = llvm_string_set_order(["ex_h", "ex_a", "ex_c", "ex_b", "ex_g", "ex_e"]);
        assert_eq!(order, ["ex_c", "ex_b", "ex_g", "ex_h", "ex_a", "ex_e"]);
    }

    #[test]
    fn duplicates_and_growth() {
        let names: Vec<String> = (0..100).map(|i| format!("name{i}")).collect();
        let order = llvm_string_set_order(names.iter().map(String::as_str).chain(["name7", "name7"]));
        assert_eq!(order.len(), 100);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 100);
    }
}
