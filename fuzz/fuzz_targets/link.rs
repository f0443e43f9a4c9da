//! A whole `weld::link` of (mutated) objects and archives with options taken from the input
//! (format: `inputs::link_inputs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "inputs.rs"]
mod inputs;

fuzz_target!(|data: &[u8]| {
    let Some((options, inputs)) = inputs::link_inputs(data) else { return };
    if let Some(head) = data.get(..8).and_then(|h| h.try_into().ok()) {
        let listed: Vec<(String, &[u8])> = inputs.iter().map(|i| (i.name.clone(), i.bytes)).collect();
        inputs::export(data, head, &listed);
    }
    if let Ok(linked) = weld::link(&inputs, &options) {
        assert!(linked.wasm.starts_with(b"\0asm"), "output is not a wasm module");
    }
});
