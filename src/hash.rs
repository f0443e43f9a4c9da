//! The linker's hash maps: std's, with foldhash instead of SipHash. Names, ids and offsets
//! are hashed on every symbol and relocation, and SipHash was a twentieth of a large link's
//! time. foldhash is seeded per process, so inputs cannot be crafted to collide ahead of
//! time; nothing iterates these maps in a way that reaches the output.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;
