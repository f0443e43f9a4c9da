//! Differential fuzzing of the demanglers against LLVM's: every input, with a `_Z`, an `_R`
//! and a `_D` prefix, must demangle as `llvm-cxxfilt-19` (one long-lived process, a line per
//! name) demangles it, since wasm-ld writes LLVM's text into the `name` section. Inputs
//! keep only the bytes of manglings (`[A-Za-z0-9_.$]`): llvm-cxxfilt splits its lines at
//! whitespace. Names past weld's bounds (size, nesting, work) are skipped: weld keeps them
//! mangled on purpose, where LLVM prints them in full.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::{BufRead, BufReader, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;

struct Cxxfilt {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

static CXXFILT: Mutex<Option<Cxxfilt>> = Mutex::new(None);

fn llvm_demangle(name: &str) -> String {
    let mut guard = CXXFILT.lock().unwrap_or_else(|e| e.into_inner());
    let filt = guard.get_or_insert_with(|| {
        let mut child = Command::new("llvm-cxxfilt-19")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("llvm-cxxfilt-19 (apt-get install llvm-19)");
        let stdin = child.stdin.take().expect("piped stdin");
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        Cxxfilt { stdin, stdout }
    });
    writeln!(filt.stdin, "{name}").expect("writing to llvm-cxxfilt-19");
    filt.stdin.flush().expect("flushing llvm-cxxfilt-19's input");
    let mut line = String::new();
    filt.stdout.read_line(&mut line).expect("reading from llvm-cxxfilt-19");
    line.truncate(line.trim_end_matches('\n').len());
    line
}

fuzz_target!(|data: &[u8]| {
    let body: String =
        data.iter().filter(|b| b.is_ascii_alphanumeric() || b"_.$".contains(b)).map(|&b| char::from(b)).collect();
    for prefix in ["_Z", "_R", "_D"] {
        let name = format!("{prefix}{body}");
        let ours = weld::demangle::maybe_demangle(&name, true);
        let llvm = llvm_demangle(&name);
        if ours == name && weld::demangle::kept_mangled_by_bounds(&name) {
            continue;
        }
        assert_eq!(ours, llvm, "{name}");
    }
});
