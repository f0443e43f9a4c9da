//! Test programs under `tests/c/` and the directives in their comments.
//!
//! A program is either one `NAME.c` file or a directory `NAME/` of `.c`, `.cc` (C++) and `.ll`
//! (LLVM IR, for what no C or C++ source makes clang write) files (plus raw
//! inputs it names). Directives are comment lines `// KEY: value` anywhere in any of its
//! `.c` files; list-valued ones accumulate across lines and files, the others may appear
//! once:
//!
//! | directive              | meaning                                                        |
//! |------------------------|----------------------------------------------------------------|
//! | `CFLAGS: ...`          | extra clang flags for every source of the program              |
//! | `FILE-CFLAGS: ...`     | extra clang flags for the file it is written in only           |
//! | `LDFLAGS: ...`         | linker flags (wasm-ld syntax), placed before the objects       |
//! | `ARCHIVE: [NAME.a:] SOURCES` | compile SOURCES (files of the directory) and archive them with llvm-ar; NAME defaults to `libarchN.a`; the archive goes after the objects unless LIBS names it |
//! | `THIN-ARCHIVE: [NAME.a:] SOURCES` | as ARCHIVE, a thin archive (`llvm-ar --thin`: it names its members' files, in `NAME.a.members/`) |
//! | `START-LIB: SOURCES`   | compile SOURCES and pass their objects between `--start-lib` and `--end-lib`, after the other objects |
//! | `LIBS: ...`            | linker inputs after the objects, e.g. `-lm`; an archive's name stands for its path |
//! | `NODEFAULTLIBS: yes`   | no `-lc` and compiler-rt builtins at the end (as `-nodefaultlibs`) |
//! | `CRT: command\|reactor\|none` | the startup object (default `command`); `reactor` also passes `--entry _initialize` |
//! | `INPUTS: FILES`        | raw files of the directory passed as inputs after the archives  |
//! | `TRUNCATE: FILE.o N`   | cut the compiled object FILE.o down to its first N bytes       |
//! | `EXPECT-ERROR: TEXT`   | both linkers must exit with 1 and print TEXT on stderr (each TEXT, if given on several lines) |
//! | `EXPECT-WARNING: TEXT` | both linkers must succeed and print TEXT on stderr             |
//! | `STDERR: loose`        | stderr need only contain the expected texts (default: both linkers print the same messages, weld adding the place in the input) |
//! | `RUN: no`              | do not run the module under node                               |
//! | `ARGS: ...`            | program arguments (argv[1..])                                  |
//! | `INVOKE: NAME[:ARGS]`  | exports to call (after `_initialize`) when running a non-command module |
//!
//! In LDFLAGS and LIBS, `{out}` stands for the directory holding the objects and archives.
//! Sources of a directory that an ARCHIVE or START-LIB names are not linked as objects.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crt {
    Command,
    Reactor,
    None,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub path: PathBuf,
    /// FILE-CFLAGS of this file.
    pub cflags: Vec<String>,
}

impl Source {
    /// The object file name: the source's stem with `.o`.
    pub fn object_name(&self) -> String {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        format!("{stem}.o")
    }
}

#[derive(Clone, Debug)]
pub struct Archive {
    pub name: String,
    pub members: Vec<Source>,
    /// Made with `llvm-ar --thin`.
    pub thin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The link succeeds; `run` says whether the module is run under node.
    Success { run: bool },
    /// Both linkers fail (exit code 1) and print each of these on stderr.
    Error(Vec<String>),
}

#[derive(Clone, Debug)]
pub struct Program {
    pub name: String,
    /// The directory the program's files are in.
    pub dir: PathBuf,
    /// Sources compiled to the objects that are linked, in link order.
    pub objects: Vec<Source>,
    /// Sources whose objects go between `--start-lib` and `--end-lib`, after `objects`.
    pub lazy_objects: Vec<Source>,
    pub archives: Vec<Archive>,
    pub cflags: Vec<String>,
    pub ldflags: Vec<String>,
    pub libs: Vec<String>,
    pub default_libs: bool,
    pub crt: Crt,
    pub inputs: Vec<String>,
    pub truncate: Option<(String, usize)>,
    pub expect: Expect,
    pub warnings: Vec<String>,
    /// Both linkers must print the same messages (`STDERR: loose` turns it off).
    pub same_stderr: bool,
    pub args: Vec<String>,
    pub invokes: Vec<String>,
}

/// All programs under `root`, sorted by name.
pub fn discover(root: &Path) -> Result<Vec<Program>, String> {
    let entries = std::fs::read_dir(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut programs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            programs.push(Program::parse(name, path.clone(), c_files(&path)?)?);
        } else if path.extension().is_some_and(|e| e == "c") {
            let dir = path.parent().unwrap_or(root).to_path_buf();
            programs.push(Program::parse(name, dir, vec![path])?);
        }
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

fn c_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "c" || e == "cc" || e == "ll") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Directive values gathered from all files before they are interpreted.
#[derive(Default)]
struct Raw {
    cflags: Vec<String>,
    ldflags: Vec<String>,
    libs: Vec<String>,
    archives: Vec<(Option<String>, Vec<String>, bool)>,
    lazy: Vec<String>,
    inputs: Vec<String>,
    warnings: Vec<String>,
    args: Vec<String>,
    invokes: Vec<String>,
    crt: Option<String>,
    no_default_libs: Option<String>,
    truncate: Option<String>,
    errors: Vec<String>,
    run: Option<String>,
    stderr: Option<String>,
}

fn set_once(slot: &mut Option<String>, key: &str, value: &str) -> Result<(), String> {
    if slot.replace(value.to_string()).is_some() {
        return Err(format!("directive {key} given twice"));
    }
    Ok(())
}

impl Program {
    fn parse(name: String, dir: PathBuf, files: Vec<PathBuf>) -> Result<Program, String> {
        let fail = |msg: String| format!("tests/c/{name}: {msg}");
        if files.is_empty() {
            return Err(fail("no .c files".into()));
        }
        let mut raw = Raw::default();
        let mut sources = Vec::new();
        for path in &files {
            let text = std::fs::read_to_string(path).map_err(|e| fail(format!("{e}")))?;
            let mut file_cflags = Vec::new();
            for (line_no, line) in text.lines().enumerate() {
                let Some((key, value)) = directive(line) else {
                    continue;
                };
                let at = |msg: String| {
                    let file = path.file_name().unwrap_or_default().to_string_lossy();
                    fail(format!("{file}:{}: {msg}", line_no + 1))
                };
                raw.add(key, value, &mut file_cflags).map_err(at)?;
            }
            sources.push(Source {
                path: path.clone(),
                cflags: file_cflags,
            });
        }
        raw.into_program(name.clone(), dir, sources).map_err(fail)
    }
}

/// Splits `// KEY: value` (KEY in capitals and dashes) into its parts.
fn directive(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix("//")?.trim_start();
    let (key, value) = rest.split_once(':')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
    is_key.then(|| (key, value.trim()))
}

impl Raw {
    fn add(&mut self, key: &str, value: &str, file_cflags: &mut Vec<String>) -> Result<(), String> {
        match key {
            "CFLAGS" => self.cflags.extend(split_words(value)?),
            "FILE-CFLAGS" => file_cflags.extend(split_words(value)?),
            "LDFLAGS" => self.ldflags.extend(split_words(value)?),
            "LIBS" => self.libs.extend(split_words(value)?),
            "INPUTS" => self.inputs.extend(split_words(value)?),
            "START-LIB" => self.lazy.extend(split_words(value)?),
            "ARGS" => self.args.extend(split_words(value)?),
            "INVOKE" => self.invokes.extend(split_words(value)?),
            "EXPECT-WARNING" => self.warnings.push(value.to_string()),
            "EXPECT-ERROR" => self.errors.push(value.to_string()),
            "ARCHIVE" | "THIN-ARCHIVE" => {
                let (name, members) = match value.split_once(':') {
                    Some((name, members)) => (Some(name.trim().to_string()), members),
                    None => (None, value),
                };
                self.archives.push((name, split_words(members)?, key == "THIN-ARCHIVE"));
            }
            "CRT" => set_once(&mut self.crt, key, value)?,
            "NODEFAULTLIBS" => set_once(&mut self.no_default_libs, key, value)?,
            "TRUNCATE" => set_once(&mut self.truncate, key, value)?,
            "RUN" => set_once(&mut self.run, key, value)?,
            "STDERR" => set_once(&mut self.stderr, key, value)?,
            _ => return Err(format!("unknown directive {key}")),
        }
        Ok(())
    }

    fn into_program(
        self,
        name: String,
        dir: PathBuf,
        sources: Vec<Source>,
    ) -> Result<Program, String> {
        let crt = match self.crt.as_deref() {
            None | Some("command") => Crt::Command,
            Some("reactor") => Crt::Reactor,
            Some("none") => Crt::None,
            Some(other) => {
                return Err(format!(
                    "CRT: expected command, reactor or none, got {other}"
                ))
            }
        };
        let yes_no = |key: &str, value: Option<&str>, default: bool| match value {
            None => Ok(default),
            Some("yes") => Ok(true),
            Some("no") => Ok(false),
            Some(other) => Err(format!("{key}: expected yes or no, got {other}")),
        };
        let default_libs = !yes_no("NODEFAULTLIBS", self.no_default_libs.as_deref(), false)?;
        let run = yes_no("RUN", self.run.as_deref(), true)?;
        let same_stderr = match self.stderr.as_deref() {
            None => true,
            Some("loose") => false,
            Some(other) => return Err(format!("STDERR: expected loose, got {other}")),
        };
        let expect = if self.errors.is_empty() {
            Expect::Success { run }
        } else {
            Expect::Error(self.errors)
        };
        let truncate = match self.truncate {
            None => None,
            Some(value) => {
                let words = split_words(&value)?;
                match words.as_slice() {
                    [object, len] => Some((
                        object.clone(),
                        len.parse()
                            .map_err(|_| format!("TRUNCATE: bad length {len}"))?,
                    )),
                    _ => return Err("TRUNCATE: expected FILE.o LENGTH".into()),
                }
            }
        };

        let find = |what: &str, file: &str| {
            sources
                .iter()
                .find(|s| s.path.file_name().is_some_and(|f| f.to_string_lossy() == file))
                .cloned()
                .ok_or_else(|| format!("{what}: no source {file}"))
        };
        // Split the sources into archive members, lazy objects and objects.
        let mut archived = BTreeSet::new();
        let mut lazy_objects = Vec::new();
        for file in &self.lazy {
            let source = find("START-LIB", file)?;
            archived.insert(source.path.clone());
            lazy_objects.push(source);
        }
        let mut archives = Vec::new();
        for (i, (archive_name, members, thin)) in self.archives.into_iter().enumerate() {
            let name = archive_name.unwrap_or_else(|| format!("libarch{i}.a"));
            let mut archive = Archive {
                name,
                members: Vec::new(),
                thin,
            };
            for member in members {
                let source = find("ARCHIVE", &member)?;
                archived.insert(source.path.clone());
                archive.members.push(source);
            }
            archives.push(archive);
        }
        let objects: Vec<Source> = sources
            .into_iter()
            .filter(|s| !archived.contains(&s.path))
            .collect();
        for input in &self.inputs {
            if !dir.join(input).is_file() {
                return Err(format!("INPUTS: no file {input}"));
            }
        }
        if let Some((object, _)) = &truncate {
            if !objects.iter().any(|s| &s.object_name() == object) {
                return Err(format!("TRUNCATE: no object {object}"));
            }
        }

        Ok(Program {
            name,
            dir,
            objects,
            lazy_objects,
            archives,
            cflags: self.cflags,
            ldflags: self.ldflags,
            libs: self.libs,
            default_libs,
            crt,
            inputs: self.inputs,
            truncate,
            expect,
            warnings: self.warnings,
            same_stderr,
            args: self.args,
            invokes: self.invokes,
        })
    }
}

/// Splits on whitespace; double quotes group words (`"two words"`).
fn split_words(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut current: Option<String> = None;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.get_or_insert_with(String::new);
            }
            c if c.is_whitespace() && !quoted => words.extend(current.take()),
            c => current.get_or_insert_with(String::new).push(c),
        }
    }
    if quoted {
        return Err(format!("unbalanced quote in: {text}"));
    }
    words.extend(current);
    Ok(words)
}
