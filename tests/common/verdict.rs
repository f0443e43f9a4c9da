//! The bookkeeping every differential test shares: a workspace per case, the list of weld's
//! differences from the reference linker, the check both linkers must pass when a link is
//! meant to fail, and the final message.

use super::process::{Outcome, Status};
use super::toolchain;
use std::path::{Path, PathBuf};

/// How many differences a failure message lists.
const MAX_LINES: usize = 40;

/// Where a case is built and linked: inputs at the top, outputs in one directory per
/// linker, command lines and their output in `logs/`.
pub struct Workspace {
    pub dir: PathBuf,
    pub logs: PathBuf,
}

impl Workspace {
    pub fn fresh(dir: PathBuf) -> Result<Workspace, String> {
        let logs = dir.join("logs");
        toolchain::fresh_dir(&dir)?;
        toolchain::create_dir(&logs)?;
        Ok(Workspace { dir, logs })
    }
}

/// weld's differences from the reference for one case. `Err` from a check means the test
/// itself is broken (the reference side misbehaved); differences are recorded instead.
pub struct Verdict {
    /// Labels of the reference linker and of the linker under test.
    pub theirs: String,
    pub ours: String,
    dir: PathBuf,
    mismatches: Vec<String>,
}

impl Verdict {
    pub fn new(theirs: String, ours: String, ws: &Workspace) -> Verdict {
        Verdict { theirs, ours, dir: ws.dir.clone(), mismatches: Vec::new() }
    }

    pub fn mismatch(&mut self, line: String) {
        self.mismatches.push(line);
    }

    pub fn mismatches(&mut self, lines: impl IntoIterator<Item = String>) {
        self.mismatches.extend(lines);
    }

    /// The message for a broken test.
    pub fn broken(&self, what: String) -> String {
        format!(
            "broken test (the reference side is wrong, not {}): {what}; see {}",
            self.ours,
            self.dir.display()
        )
    }

    /// A link the reference must have made: `Err` (a broken test) when it failed.
    pub fn reference_succeeded(&self, reference: &Outcome) -> Result<(), String> {
        if reference.status.success() {
            return Ok(());
        }
        Err(self.broken(format!("{} failed ({}): {}", self.theirs, reference.status, reference.stderr_summary())))
    }

    /// A link both linkers must refuse: exit code 1, every one of `texts` on stderr, and no
    /// output file from weld.
    pub fn link_error<T: AsRef<str>>(
        &mut self,
        texts: &[T],
        reference: &Outcome,
        candidate: &Outcome,
        candidate_output: &Path,
    ) -> Result<(), String> {
        let (theirs, ours) = (self.theirs.clone(), self.ours.clone());
        let missing = |outcome: &Outcome| {
            let stderr = outcome.stderr_text();
            texts.iter().map(AsRef::as_ref).find(|t| !stderr.contains(t)).map(str::to_string)
        };
        if reference.status != Status::Exited(1) || missing(reference).is_some() {
            let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
            return Err(self.broken(format!(
                "expected {theirs} to fail with exit code 1 and print {texts:?}, got {}: {}",
                reference.status,
                reference.stderr_summary()
            )));
        }
        if candidate.status != Status::Exited(1) {
            self.mismatch(format!(
                "link: {theirs} fails with exit code 1, {ours} with {}: {}",
                candidate.status,
                candidate.stderr_summary()
            ));
        }
        if let Some(text) = missing(candidate) {
            self.mismatch(format!(
                "link: {ours}'s stderr lacks {text:?}; it says: {}",
                candidate.stderr_summary()
            ));
        }
        if candidate_output.exists() {
            self.mismatch(format!("link: {ours} wrote an output file despite the error"));
        }
        Ok(())
    }

    /// Both linkers print the same messages in the same order, but for each linker's name
    /// at the front of a line and the place in the input (` (in section CODE at offset
    /// 0x6b)`) that weld adds to its messages.
    pub fn same_messages(&mut self, reference: &Outcome, candidate: &Outcome) {
        let lines = |outcome: &Outcome| -> Vec<String> { outcome.stderr_text().lines().map(message_text).collect() };
        let (r, c) = (lines(reference), lines(candidate));
        if let Some(i) = (0..r.len().max(c.len())).find(|&i| r.get(i) != c.get(i)) {
            self.mismatch(format!(
                "link: stderr line {} differs: {} says {:?}, {} {:?}",
                i + 1,
                self.theirs,
                r.get(i).map_or("(nothing)", String::as_str),
                self.ours,
                c.get(i).map_or("(nothing)", String::as_str)
            ));
        }
    }

    /// `Ok` when weld matched the reference, else every difference in one message.
    pub fn finish(self) -> Result<(), String> {
        if self.mismatches.is_empty() {
            return Ok(());
        }
        let n = self.mismatches.len();
        let mut message = format!(
            "{n} mismatch{} between {} and {} (work files in {}):",
            if n == 1 { "" } else { "es" },
            self.theirs,
            self.ours,
            self.dir.display()
        );
        for line in self.mismatches.iter().take(MAX_LINES) {
            message.push_str("\n  - ");
            message.push_str(line);
        }
        if n > MAX_LINES {
            message.push_str(&format!("\n  ... and {} more", n - MAX_LINES));
        }
        Err(message)
    }
}

/// A stderr line without the program name lld puts first (`wasm-ld-19: error: ...`) and
/// without weld's place in the input at the end.
pub fn message_text(line: &str) -> String {
    let line = match line.split_once(": ") {
        Some((program, rest)) if !program.contains(' ') && (rest.starts_with("error: ") || rest.starts_with("warning: ")) => rest,
        _ => line,
    };
    let place = [" (in section ", " (at offset 0x"].iter().filter_map(|p| line.rfind(p)).max();
    match place {
        Some(at) if line.ends_with(')') => line[..at].to_string(),
        _ => line.to_string(),
    }
}
