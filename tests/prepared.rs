//! A prepared archive (what the JS `Linker` session keeps) links to the same bytes as the
//! archive read afresh.

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
