//! Diagnostics: what went wrong, where (file, section, offset), and how to print it the way
//! wasm-ld does, so that users' scripts that grep wasm-ld's messages keep working.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where in the input a diagnostic points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// Display name of the input: `a.o` or `libc.a(printf.o)`.
    pub file: String,
    /// Section name (`CODE`, `linking`, `reloc.CODE`, …) when known.
    pub section: Option<String>,
    /// Absolute byte offset in the file (in the member, for archive members).
    pub offset: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub location: Option<Location>,
    /// The symbol the message is about, for tools that link diagnostics to symbols.
    pub symbol: Option<String>,
    /// Extra lines printed as `>>> …` after the message.
    pub notes: Vec<String>,
    /// When true the file name is printed before the message (`a.o: undefined symbol: x`),
    /// as wasm-ld does for messages about one file.
    pub file_prefix: bool,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            symbol: None,
            notes: Vec::new(),
            file_prefix: false,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    /// An error about a byte range of an input file: printed as `file: message`, with the
    /// section and offset appended when known.
    pub fn at(file: &str, section: Option<&str>, offset: Option<u64>, message: impl Into<String>) -> Self {
        Diagnostic {
            location: Some(Location {
                file: file.to_string(),
                section: section.map(str::to_string),
                offset,
            }),
            file_prefix: true,
            ..Diagnostic::error(message)
        }
    }

    pub fn with_symbol(mut self, name: impl Into<String>) -> Self {
        self.symbol = Some(name.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn in_file(mut self, file: &str) -> Self {
        let loc = self.location.get_or_insert_with(Location::default);
        loc.file = file.to_string();
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One message as wasm-ld prints it, without the program-name prefix.
    pub fn render_body(&self) -> String {
        let mut out = String::new();
        if self.file_prefix {
            if let Some(loc) = &self.location {
                out.push_str(&loc.file);
                out.push_str(": ");
            }
        }
        out.push_str(&self.message);
        if let Some(loc) = &self.location {
            match (&loc.section, loc.offset) {
                (Some(s), Some(o)) => out.push_str(&format!(" (in section {s} at offset 0x{o:x})")),
                (Some(s), None) => out.push_str(&format!(" (in section {s})")),
                (None, Some(o)) => out.push_str(&format!(" (at offset 0x{o:x})")),
                (None, None) => {}
            }
        }
        for note in &self.notes {
            out.push_str("\n>>> ");
            out.push_str(note);
        }
        out
    }

    /// `prog: error: body`.
    pub fn render(&self, program: &str) -> String {
        format!("{program}: {}: {}", self.severity.as_str(), self.render_body())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity.as_str(), self.render_body())
    }
}

/// The diagnostics of a link, in the order they were found.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
    /// When a link fails: what it had printed (`--trace` lines, `--why-extract=-`) before it
    /// stopped, which wasm-ld prints as it goes.
    pub messages: Vec<String>,
    /// When a link fails after symbol resolution: the `--why-extract` file's text, which
    /// wasm-ld has written by then.
    pub why_extract: Option<String>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.list.iter().filter(|d| !d.is_error())
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { list: vec![d], ..Diagnostics::default() }
    }
}
