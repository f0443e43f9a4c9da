//! A prepared archive (what the JS `Linker` session keeps) links to the same bytes as the
//! archive read afresh, and fails with the same errors. (The `link` fuzz target checks this
//! on every input with an archive: `fuzz/fuzz_targets/inputs.rs`, `link_and_check`.)

#[path = "common/builder.rs"]
mod builder;

use std::process::Command;
use weld::{input::prepared::prepare_archive, link, InputFile, Options};

const SYSROOT: &str = "/usr/lib/wasm32-wasi";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}; install it with `apt-get install wasi-libc`"))
}

#[test]
fn prepared_archive_links_identically() {
    let dir = std::env::temp_dir().join(format!("weld-prepared-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("hello.c");
    std::fs::write(&src, "#include <stdio.h>\nint main(void){ printf(\"hi %d\\n\", 42); return 0; }\n").unwrap();
    let obj = dir.join("hello.o");
    let status = Command::new("clang-19")
        .args(["--target=wasm32-wasi", "-O2", "-c"])
        .arg(&src)
        .arg("-o")
        .arg(&obj)
        .status()
        .expect("clang-19 is required: apt-get install clang-19 wasi-libc");
    assert!(status.success());
    let crt = read(&format!("{SYSROOT}/crt1-command.o"));
    let libc = read(&format!("{SYSROOT}/libc.a"));
    let hello = std::fs::read(&obj).unwrap();
    let prepared = prepare_archive("libc.a", &libc).expect("libc.a prepares");
    let inputs = |prepared| {
        vec![
            InputFile { name: "crt1-command.o".into(), bytes: &crt, whole_archive: false, lazy: false, prepared: None },
            InputFile { name: "hello.o".into(), bytes: &hello, whole_archive: false, lazy: false, prepared: None },
            InputFile { name: "libc.a".into(), bytes: &libc, whole_archive: false, lazy: false, prepared },
        ]
    };
    let options = Options { output: "hello.wasm".into(), ..Options::default() };
    let fresh = link(&inputs(None), &options).expect("links");
    let warm = link(&inputs(Some(&prepared)), &options).expect("links with a prepared archive");
    assert!(!fresh.wasm.is_empty());
    assert_eq!(fresh.wasm, warm.wasm);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A member that does not parse, then one of the other architecture: wasm-ld reports both, in
/// member order (the second ends the link). The prepared path checked every member's
/// architecture before adding any, so it reported only the second (found by the fuzz target).
#[test]
fn prepared_archive_fails_identically() {
    let wasm32 = builder::Obj::default().encode();
    let truncated = b"\0asm\x01\0\0\0\x02\x10\x01".to_vec();
    let lib = builder::archive(&[("bad.o", &truncated), ("w32.o", &wasm32)]);
    let prepared = prepare_archive("lib.a", &lib).expect("the member table is readable");
    let inputs = |prepared| [InputFile { name: "lib.a".into(), bytes: &lib, whole_archive: false, lazy: false, prepared }];
    let options = Options { is64: true, ..Options::default() };
    let fresh = link(&inputs(None), &options).expect_err("a bad member fails the link");
    let warm = link(&inputs(Some(&prepared)), &options).expect_err("and with a prepared archive");
    let messages = |d: &weld::Diagnostics| d.list.iter().map(|e| e.render_body()).collect::<Vec<_>>();
    assert_eq!(messages(&fresh).len(), 2, "{:?}", messages(&fresh));
    assert!(messages(&fresh)[1].contains("wasm32 object file can't be linked in wasm64 mode"), "{:?}", messages(&fresh));
    assert_eq!(messages(&fresh), messages(&warm));
}
