//! The iteration orders of LLVM's hash tables, reproduced.
//!
//! Where wasm-ld walks a hash table and does something order-dependent on the way (pulls an
//! archive member in, reports an error), the order decides where functions and data land
//! in the output. Two tables matter:
//!
//! - `StringSet` / `StringMap` (the `--export` names, the used target features): 16 buckets
//!   at first, doubled once an insertion leaves it more than 3/4 full; a key's hash is its
//!   `xxh3_64bits` truncated to 32 bits.
//! - `DenseMap<StringRef, _>` (a stub library's symbols): 64 buckets at first, doubled before
//!   an insertion that would make it 3/4 full; a key's hash is `llvm::hash_value(StringRef)`
//!   (see [`hash_value`]) truncated to 32 bits.
//!
//! Both are open-addressing tables of power-of-two size, indexed by the low bits of the
//! hash, probed quadratically (steps 1, 2, 3, ...), regrown by reinserting the old buckets
//! in order, and iterated in bucket order. Nothing is ever erased from them here, so there
//! are no tombstones.

/// `names` (duplicates after the first ignored) in the order LLVM 19's `StringSet` built by
/// inserting them one by one iterates them.
pub fn string_set_order<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut table = Table { buckets: vec![None; 16], items: 0 };
    for name in names {
        // LLVM stores the 64-bit hash in a 32-bit field: the truncation is the point.
        let hash = xxhash_rust::xxh3::xxh3_64(name.as_bytes()) as u32;
        if table.insert(hash, name) && table.items * 4 > table.buckets.len() * 3 {
            table.grow();
        }
    }
    table.into_order()
}

/// `keys` (duplicates after the first ignored) in the order LLVM 19's
/// `DenseMap<StringRef, _>` built by inserting them one by one iterates them.
pub fn dense_map_order<'a>(keys: impl IntoIterator<Item = &'a [u8]>) -> Vec<&'a [u8]> {
    let mut table = Table { buckets: Vec::new(), items: 0 };
    for key in keys {
        let hash = hash_value(key) as u32;
        if table.find(hash, key).is_some() {
            continue;
        }
        // `InsertIntoBucketImpl` grows first (to 64 buckets from none), then probes again.
        if (table.items + 1) * 4 >= table.buckets.len() * 3 {
            if table.buckets.is_empty() {
                table.buckets = vec![None; 64];
            } else {
                table.grow();
            }
        }
        table.insert(hash, key);
    }
    table.into_order()
}

struct Table<K> {
    /// Each bucket's key and its (32-bit) hash.
    buckets: Vec<Option<(u32, K)>>,
    items: usize,
}

impl<K: Copy + PartialEq> Table<K> {
    /// The bucket holding `key`, or the empty bucket where probing for it stops.
    fn probe(&self, hash: u32, key: K) -> Result<usize, usize> {
        let mask = self.buckets.len().wrapping_sub(1);
        let mut bucket = hash as usize & mask;
        let mut step = 1;
        loop {
            match self.buckets.get(bucket).copied().flatten() {
                None => return Err(bucket),
                Some((h, existing)) if h == hash && existing == key => return Ok(bucket),
                Some(_) => {
                    bucket = (bucket + step) & mask;
                    step += 1;
                }
            }
        }
    }

    fn find(&self, hash: u32, key: K) -> Option<usize> {
        if self.buckets.is_empty() {
            return None;
        }
        self.probe(hash, key).ok()
    }

    /// Inserts `key` unless present; tells whether it was new.
    fn insert(&mut self, hash: u32, key: K) -> bool {
        let Err(bucket) = self.probe(hash, key) else { return false };
        if let Some(slot) = self.buckets.get_mut(bucket) {
            *slot = Some((hash, key));
        }
        self.items += 1;
        true
    }

    /// Old buckets in order into a table twice the size.
    fn grow(&mut self) {
        let size = self.buckets.len() * 2;
        let old = std::mem::replace(&mut self.buckets, vec![None; size]);
        for (hash, key) in old.into_iter().flatten() {
            if let Err(bucket) = self.probe(hash, key) {
                if let Some(slot) = self.buckets.get_mut(bucket) {
                    *slot = Some((hash, key));
                }
            }
        }
    }

    fn into_order(self) -> Vec<K> {
        self.buckets.into_iter().flatten().map(|(_, key)| key).collect()
    }
}

/// LLVM's `hash_value(StringRef)` (`llvm/ADT/Hashing.h`, as of LLVM 19): a CityHash64
/// variant with LLVM's fixed execution seed (release builds do not randomise it).
pub fn hash_value(s: &[u8]) -> u64 {
    city::hash(s, city::SEED)
}

mod city {
    pub const SEED: u64 = 0xff51afd7ed558ccd;
    const K0: u64 = 0xc3a5c85c97cb3127;
    const K1: u64 = 0xb492b66fbe98f273;
    const K2: u64 = 0x9ae16a3b2f90404f;
    const K3: u64 = 0xc949d7c7509e6557;

    /// Little-endian loads; callers keep `at + N <= s.len()` (a short read would be a bug
    /// here, and yields zero bytes rather than a panic).
    fn fetch64(s: &[u8], at: usize) -> u64 {
        let mut b = [0u8; 8];
        if let Some(src) = s.get(at..at + 8) {
            b.copy_from_slice(src);
        }
        u64::from_le_bytes(b)
    }

    fn fetch32(s: &[u8], at: usize) -> u64 {
        let mut b = [0u8; 4];
        if let Some(src) = s.get(at..at + 4) {
            b.copy_from_slice(src);
        }
        u64::from(u32::from_le_bytes(b))
    }

    fn byte(s: &[u8], at: usize) -> u32 {
        u32::from(s.get(at).copied().unwrap_or(0))
    }

    fn shift_mix(v: u64) -> u64 {
        v ^ (v >> 47)
    }

    fn hash_16_bytes(low: u64, high: u64) -> u64 {
        const MUL: u64 = 0x9ddfea08eb382d69;
        let mut a = (low ^ high).wrapping_mul(MUL);
        a ^= a >> 47;
        let mut b = (high ^ a).wrapping_mul(MUL);
        b ^= b >> 47;
        b.wrapping_mul(MUL)
    }

    pub fn hash(s: &[u8], seed: u64) -> u64 {
        let len = s.len();
        let n = len as u64;
        match len {
            0 => K2 ^ seed,
            1..=3 => {
                let y = byte(s, 0).wrapping_add(byte(s, len >> 1) << 8);
                let z = (len as u32).wrapping_add(byte(s, len - 1) << 2);
                shift_mix(u64::from(y).wrapping_mul(K2) ^ u64::from(z).wrapping_mul(K3) ^ seed).wrapping_mul(K2)
            }
            4..=8 => hash_16_bytes(n.wrapping_add(fetch32(s, 0) << 3), seed ^ fetch32(s, len - 4)),
            9..=16 => {
                let b = fetch64(s, len - 8);
                hash_16_bytes(seed ^ fetch64(s, 0), b.wrapping_add(n).rotate_right(len as u32)) ^ b
            }
            17..=32 => {
                let a = fetch64(s, 0).wrapping_mul(K1);
                let b = fetch64(s, 8);
                let c = fetch64(s, len - 8).wrapping_mul(K2);
                let d = fetch64(s, len - 16).wrapping_mul(K0);
                hash_16_bytes(
                    a.wrapping_sub(b).rotate_right(43).wrapping_add((c ^ seed).rotate_right(30)).wrapping_add(d),
                    a.wrapping_add((b ^ K3).rotate_right(20)).wrapping_sub(c).wrapping_add(n).wrapping_add(seed),
                )
            }
            33..=64 => hash_33_to_64(s, seed),
            _ => {
                let mut state = State::new(s, seed);
                let aligned_end = len & !63;
                let mut at = 64;
                while at < aligned_end {
                    state.mix(s, at);
                    at += 64;
                }
                if len & 63 != 0 {
                    state.mix(s, len - 64);
                }
                state.finalize(n)
            }
        }
    }

    fn hash_33_to_64(s: &[u8], seed: u64) -> u64 {
        let len = s.len();
        let n = len as u64;
        let mut z = fetch64(s, 24);
        let mut a = fetch64(s, 0).wrapping_add(n.wrapping_add(fetch64(s, len - 16)).wrapping_mul(K0));
        let mut b = a.wrapping_add(z).rotate_right(52);
        let mut c = a.rotate_right(37);
        a = a.wrapping_add(fetch64(s, 8));
        c = c.wrapping_add(a.rotate_right(7));
        a = a.wrapping_add(fetch64(s, 16));
        let vf = a.wrapping_add(z);
        let vs = b.wrapping_add(a.rotate_right(31)).wrapping_add(c);
        a = fetch64(s, 16).wrapping_add(fetch64(s, len - 32));
        z = fetch64(s, len - 8);
        b = a.wrapping_add(z).rotate_right(52);
        c = a.rotate_right(37);
        a = a.wrapping_add(fetch64(s, len - 24));
        c = c.wrapping_add(a.rotate_right(7));
        a = a.wrapping_add(fetch64(s, len - 16));
        let wf = a.wrapping_add(z);
        let ws = b.wrapping_add(a.rotate_right(31)).wrapping_add(c);
        let r = shift_mix(vf.wrapping_add(ws).wrapping_mul(K2).wrapping_add(wf.wrapping_add(vs).wrapping_mul(K0)));
        shift_mix((seed ^ r.wrapping_mul(K0)).wrapping_add(vs)).wrapping_mul(K2)
    }

    /// The 56-byte state that strings longer than 64 bytes are mixed into.
    struct State {
        h: [u64; 7],
    }

    impl State {
        fn new(s: &[u8], seed: u64) -> State {
            let h4 = seed.wrapping_mul(K1);
            let h5 = shift_mix(seed);
            let mut state = State { h: [0, seed, hash_16_bytes(seed, K1), (seed ^ K1).rotate_right(49), h4, h5, hash_16_bytes(h4, h5)] };
            state.mix(s, 0);
            state
        }

        fn mix_32_bytes(s: &[u8], at: usize, a: &mut u64, b: &mut u64) {
            *a = a.wrapping_add(fetch64(s, at));
            let c = fetch64(s, at + 24);
            *b = b.wrapping_add(*a).wrapping_add(c).rotate_right(21);
            let d = *a;
            *a = a.wrapping_add(fetch64(s, at + 8)).wrapping_add(fetch64(s, at + 16));
            *b = b.wrapping_add(a.rotate_right(44)).wrapping_add(d);
            *a = a.wrapping_add(c);
        }

        fn mix(&mut self, s: &[u8], at: usize) {
            let [mut h0, mut h1, mut h2, mut h3, mut h4, mut h5, mut h6] = self.h;
            h0 = h0.wrapping_add(h1).wrapping_add(h3).wrapping_add(fetch64(s, at + 8)).rotate_right(37).wrapping_mul(K1);
            h1 = h1.wrapping_add(h4).wrapping_add(fetch64(s, at + 48)).rotate_right(42).wrapping_mul(K1);
            h0 ^= h6;
            h1 = h1.wrapping_add(h3).wrapping_add(fetch64(s, at + 40));
            h2 = h2.wrapping_add(h5).rotate_right(33).wrapping_mul(K1);
            h3 = h4.wrapping_mul(K1);
            h4 = h0.wrapping_add(h5);
            Self::mix_32_bytes(s, at, &mut h3, &mut h4);
            h5 = h2.wrapping_add(h6);
            h6 = h1.wrapping_add(fetch64(s, at + 16));
            Self::mix_32_bytes(s, at + 32, &mut h5, &mut h6);
            self.h = [h2, h1, h0, h3, h4, h5, h6];
        }

        fn finalize(&self, length: u64) -> u64 {
            let [h0, h1, h2, h3, h4, h5, h6] = self.h;
            hash_16_bytes(
                hash_16_bytes(h3, h5).wrapping_add(shift_mix(h1).wrapping_mul(K1)).wrapping_add(h2),
                hash_16_bytes(h4, h6).wrapping_add(shift_mix(length).wrapping_mul(K1)).wrapping_add(h0),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_set_matches_wasm_ld_19() {
        // wasm-ld-19 --no-entry libex.a --export=ex_h --export=ex_a --export=ex_c
        //   --export=ex_b --export=ex_g --export=ex_e (one member per function) laid the
        // functions out in this order.
        let order = string_set_order(["ex_h", "ex_a", "ex_c", "ex_b", "ex_g", "ex_e"]);
        assert_eq!(order, ["ex_c", "ex_b", "ex_g", "ex_h", "ex_a", "ex_e"]);
    }

    #[test]
    fn duplicates_and_growth() {
        let names: Vec<String> = (0..100).map(|i| format!("name{i}")).collect();
        let order = string_set_order(names.iter().map(String::as_str).chain(["name7", "name7"]));
        assert_eq!(order.len(), 100);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 100);
        let dense = dense_map_order(names.iter().map(|n| n.as_bytes()).chain([&b"name7"[..], b""]));
        assert_eq!(dense.len(), 101);
    }
}
