//! The external tools, and building a program's link inputs and link command line the way
//! `clang --target=wasm32-wasi` does.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use super::process::{self, find_tool};
use super::program::{Crt, Program, Source};

pub const INSTALL_HINT: &str =
    "apt-get install clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32 wabt nodejs";

/// `WELD_DIFF_LINKER=/path/to/linker` replaces weld, e.g. with wasm-ld-19 to check the harness.
pub const LINKER_OVERRIDE_VAR: &str = "WELD_DIFF_LINKER";

pub struct Tools {
    pub clang: PathBuf,
    pub wasm_ld: PathBuf,
    pub llvm_ar: PathBuf,
    pub node: PathBuf,
    pub wasm_validate: PathBuf,
    /// The linker under test: weld, or what `WELD_DIFF_LINKER` names.
    pub weld: PathBuf,
    /// The sysroot's library directory (crt1-*.o, libc.a, libm.a).
    pub sysroot_lib: PathBuf,
    /// compiler-rt's builtins archive.
    pub builtins: PathBuf,
    pub runner: PathBuf,
}

impl Tools {
    /// The tools, found once per run; `Err` says what is missing and how to install it.
    pub fn get() -> Result<&'static Tools, String> {
        static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
        TOOLS
            .get_or_init(Tools::find)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn find() -> Result<Tools, String> {
        let mut missing = Vec::new();
        let mut tool = |name: &str| {
            find_tool(name).unwrap_or_else(|| {
                missing.push(name.to_string());
                PathBuf::new()
            })
        };
        let clang = tool("clang-19");
        let wasm_ld = tool("wasm-ld-19");
        let llvm_ar = tool("llvm-ar-19");
        let node = tool("node");
        let wasm_validate = tool("wasm-validate");
        if !missing.is_empty() {
            return Err(format!(
                "missing {}; install with: {INSTALL_HINT}",
                missing.join(", ")
            ));
        }

        let weld = match std::env::var_os(LINKER_OVERRIDE_VAR) {
            Some(path) => PathBuf::from(path),
            None => PathBuf::from(env!("CARGO_BIN_EXE_weld")),
        };
        if !weld.is_file() {
            return Err(format!(
                "linker under test {} does not exist",
                weld.display()
            ));
        }

        let crt = ask_clang(&clang, "-print-file-name=crt1-command.o")?;
        let builtins = ask_clang(&clang, "-print-libgcc-file-name")?;
        for (path, what) in [
            (&crt, "wasi-libc (crt1-command.o)"),
            (&builtins, "compiler-rt builtins"),
        ] {
            if !path.is_file() {
                return Err(format!(
                    "{what} not found ({}); install with: {INSTALL_HINT}",
                    path.display()
                ));
            }
        }
        let sysroot_lib = crt.parent().map(Path::to_path_buf).unwrap_or_default();
        let runner = manifest_dir().join("tests/run-wasi.mjs");
        Ok(Tools {
            clang,
            wasm_ld,
            llvm_ar,
            node,
            wasm_validate,
            weld,
            sysroot_lib,
            builtins,
            runner,
        })
    }

    /// "weld", or the file name of the `WELD_DIFF_LINKER` replacement, for messages.
    pub fn weld_label(&self) -> String {
        match std::env::var_os(LINKER_OVERRIDE_VAR) {
            None => "weld".to_string(),
            Some(_) => format!("weld(={})", file_name(&self.weld)),
        }
    }

    pub fn reference_label(&self) -> String {
        file_name(&self.wasm_ld)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn ask_clang(clang: &Path, flag: &str) -> Result<PathBuf, String> {
    let output = Command::new(clang)
        .args(["--target=wasm32-wasi", flag])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", clang.display()))?;
    let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || text.is_empty() {
        return Err(format!(
            "{} {flag} failed; install with: {INSTALL_HINT}",
            clang.display()
        ));
    }
    Ok(PathBuf::from(text))
}

/// Compiles the program's sources into `out` (`NAME.o`), builds its archives there and
/// copies its raw inputs in, truncating an object if the program asks for it. The tools'
/// command lines and output go to `logs`.
pub fn build_inputs(
    tools: &Tools,
    program: &Program,
    out: &Path,
    logs: &Path,
) -> Result<(), String> {
    for source in program.objects.iter().chain(&program.lazy_objects) {
        compile(
            tools,
            program,
            source,
            &out.join(source.object_name()),
            logs,
        )?;
    }
    for archive in &program.archives {
        let members_dir = out.join(format!("{}.members", archive.name));
        create_dir(&members_dir)?;
        let mut members = Vec::new();
        for source in &archive.members {
            let object = members_dir.join(source.object_name());
            compile(tools, program, source, &object, logs)?;
            members.push(object);
        }
        let archive_path = out.join(&archive.name);
        let mut ar = Command::new(&tools.llvm_ar);
        ar.arg("rcs");
        if archive.thin {
            // Relative paths, which a thin archive keeps relative to its own directory.
            ar.arg("--thin").current_dir(out);
            let relative = |m: &PathBuf| m.strip_prefix(out).map(Path::to_path_buf).unwrap_or_else(|_| m.clone());
            members = members.iter().map(relative).collect();
        }
        ar.arg(&archive_path).args(&members);
        expect_success(&mut ar, logs, &format!("ar-{}", archive.name))?;
    }
    for input in &program.inputs {
        copy(&program.dir.join(input), &out.join(input))?;
    }
    if let Some((object, len)) = &program.truncate {
        let path = out.join(object);
        let bytes = read(&path)?;
        let cut = bytes
            .get(..*len)
            .ok_or_else(|| format!("{object} is shorter than {len} bytes"))?;
        write(&path, cut)?;
    }
    Ok(())
}

fn compile(
    tools: &Tools,
    program: &Program,
    source: &Source,
    object: &Path,
    log_dir: &Path,
) -> Result<(), String> {
    let mut cc = Command::new(&tools.clang);
    cc.arg("--target=wasm32-wasi")
        .arg("-c")
        .arg("-fno-color-diagnostics")
        .arg("-I")
        .arg(&program.dir)
        .args(&program.cflags)
        .args(&source.cflags)
        .arg(&source.path)
        .arg("-o")
        .arg(object);
    let label = format!(
        "cc-{}",
        object.file_stem().unwrap_or_default().to_string_lossy()
    );
    expect_success(&mut cc, log_dir, &label)
}

fn expect_success(cmd: &mut Command, log_dir: &Path, label: &str) -> Result<(), String> {
    let outcome = process::run(cmd, log_dir, label)?;
    if outcome.status.success() {
        return Ok(());
    }
    Err(format!(
        "{label} failed ({}): {}\n  command: {}",
        outcome.status,
        outcome.stderr_text().trim(),
        process::command_line(cmd)
    ))
}

/// The linker arguments for the inputs in `out`, ordered as clang's driver orders them:
/// `-m wasm32 -L<sysroot> <crt1> [--entry _initialize] <flags> <objects> [--start-lib
/// <lazy objects> --end-lib] <archives> <inputs> <libs> -lc <builtins> -o <output>`.
pub fn link_args(tools: &Tools, program: &Program, out: &Path, output: &Path) -> Vec<String> {
    let path = |p: &Path| p.to_string_lossy().into_owned();
    let expand = |arg: &String| -> String {
        if let Some(archive) = program.archives.iter().find(|a| &a.name == arg) {
            return path(&out.join(&archive.name));
        }
        arg.replace("{out}", &path(out))
    };

    let mut args = vec!["-m".to_string(), "wasm32".to_string()];
    args.push(format!("-L{}", path(&tools.sysroot_lib)));
    match program.crt {
        Crt::Command => args.push(path(&tools.sysroot_lib.join("crt1-command.o"))),
        Crt::Reactor => {
            args.push(path(&tools.sysroot_lib.join("crt1-reactor.o")));
            args.extend(["--entry".to_string(), "_initialize".to_string()]);
        }
        Crt::None => {}
    }
    args.extend(program.ldflags.iter().map(expand));
    args.extend(
        program
            .objects
            .iter()
            .map(|s| path(&out.join(s.object_name()))),
    );
    if !program.lazy_objects.is_empty() {
        args.push("--start-lib".to_string());
        args.extend(program.lazy_objects.iter().map(|s| path(&out.join(s.object_name()))));
        args.push("--end-lib".to_string());
    }
    for archive in &program.archives {
        if !program.libs.contains(&archive.name) {
            args.push(path(&out.join(&archive.name)));
        }
    }
    args.extend(program.inputs.iter().map(|input| path(&out.join(input))));
    args.extend(program.libs.iter().map(expand));
    if program.default_libs {
        args.push("-lc".to_string());
        args.push(path(&tools.builtins));
    }
    args.push("-o".to_string());
    args.push(path(output));
    args
}

pub fn create_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Removes and recreates `dir`.
pub fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    create_dir(dir)
}

pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// The repository root.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Cargo's target directory (the parent of the integration tests' tmp dir): each suite
/// keeps its work files in a directory of its own below it.
pub fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}
