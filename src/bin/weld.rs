//! The native `weld` command: `driver::run` over the real file system. Install it (or a
//! link to it) as `wasm-ld` to replace LLVM's; `rust-lld -flavor wasm` style calls work too.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use weld::driver::{self, FileSystem};

struct RealFileSystem;

impl FileSystem for RealFileSystem {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }

    fn read_all(&self, paths: &[&str]) -> Vec<Option<Vec<u8>>> {
        // One thread per core, each taking every n-th file; results keep their order.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(paths.len()).max(1);
        if threads == 1 {
            return paths.iter().map(|p| self.read(p)).collect();
        }
        let mut out: Vec<Option<Vec<u8>>> = vec![None; paths.len()];
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| scope.spawn(move || paths.iter().enumerate().skip(t).step_by(threads).map(|(i, p)| (i, self.read(p))).collect::<Vec<_>>()))
                .collect();
            for worker in workers {
                // A reader thread only calls `std::fs::read`, which does not panic.
                for (i, bytes) in worker.join().unwrap_or_default() {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = bytes;
                    }
                }
            }
        });
        out
    }

    fn exists(&self, path: &str) -> bool {
        Path::new(path).exists()
    }

    fn absolute(&self, path: &str) -> String {
        let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
        weld::reproduce::absolute_path(path, &cwd)
    }

    fn read_error(&self, path: &str) -> String {
        match std::fs::read(path) {
            Err(e) => os_message(&e),
            Ok(_) => "file changed while reading".to_string(),
        }
    }

    fn check_create(&self, path: &str) -> Result<(), String> {
        // As LLVM's FileOutputBuffer: a directory cannot be an output; otherwise a
        // temporary file next to it must be creatable (and is removed at once).
        if Path::new(path).is_dir() {
            return Err("Is a directory".to_string());
        }
        let probe = format!("{path}.tmp{}", std::process::id());
        std::fs::OpenOptions::new().write(true).create_new(true).open(&probe).map_err(|e| os_message(&e))?;
        let _ = std::fs::remove_file(&probe);
        Ok(())
    }
}

/// "No such file or directory", without Rust's " (os error 2)" suffix, as LLVM prints it.
fn os_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Writes via a temporary file in the same directory and a rename, so a failed or
/// interrupted link never leaves a half-written output. `-` means stdout.
fn write_output(path: &str, bytes: &[u8], executable: bool) -> io::Result<()> {
    if path == "-" {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        return out.flush();
    }
    let tmp = format!("{path}.tmp{}", std::process::id());
    let result = write_new_file(&tmp, bytes, executable).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn write_new_file(path: &str, bytes: &[u8], executable: bool) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    // wasm-ld's module is executable (mode 0777 less the umask), its map file is not (0666).
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, if executable { 0o777 } else { 0o666 });
    #[cfg(not(unix))]
    let _ = executable;
    let mut file = options.open(path)?;
    // No fsync: like lld, leave write-back to the OS (syncing a large module would cost
    // more than the whole link).
    file.write_all(bytes)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let (program, args) = match argv.split_first() {
        Some((p, rest)) => (p.clone(), rest),
        None => ("weld".to_string(), &[][..]),
    };
    let out = driver::run(&program, args, &RealFileSystem);

    // Printing can fail (closed pipe); the exit code still reports the link.
    let _ = io::stdout().lock().write_all(out.stdout.as_bytes());
    let _ = io::stderr().lock().write_all(out.stderr.as_bytes());
    let mut code = out.exit_code;
    // The module is executable, as wasm-ld makes it; the map and report files are not.
    for file in &out.outputs {
        let path = &file.path;
        if let Err(e) = write_output(path, &file.bytes, file.executable()) {
            let name = driver::program_name(&program);
            let _ = writeln!(io::stderr(), "{name}: error: cannot open {} {path}: {}", file.kind, os_message(&e));
            code = 1;
        }
    }
    let _ = io::stdout().flush();
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
