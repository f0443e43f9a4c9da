//! Running external tools with a time limit, their output captured in files.

use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

/// Every process the harness starts gets this long before it is killed.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// How a finished (or killed) process ended, and what it printed.
pub struct Outcome {
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut,
}

impl Status {
    fn from_exit(status: ExitStatus) -> Status {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(signal) = status.signal() {
                return Status::Signaled(signal);
            }
        }
        Status::Exited(status.code().unwrap_or(-1))
    }

    pub fn success(self) -> bool {
        self == Status::Exited(0)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Exited(code) => write!(f, "exit code {code}"),
            Status::Signaled(signal) => write!(f, "killed by signal {signal}"),
            Status::TimedOut => write!(f, "timed out after {}s", TIMEOUT.as_secs()),
        }
    }
}

impl Outcome {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// The first non-empty line of stderr, for one-line failure messages.
    pub fn stderr_summary(&self) -> String {
        let text = self.stderr_text();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        match (lines.next(), lines.count()) {
            (None, _) => "(no stderr)".to_string(),
            (Some(first), 0) => first.to_string(),
            (Some(first), more) => format!("{first} (+{more} more lines)"),
        }
    }
}

/// Runs `cmd` to completion or until [`TIMEOUT`], with stdout and stderr captured in
/// `<log_dir>/<label>.stdout` / `.stderr` (kept for debugging). The command line goes to
/// `<label>.cmd`. Returns `Err` only when the process cannot be started at all.
pub fn run(cmd: &mut Command, log_dir: &Path, label: &str) -> Result<Outcome, String> {
    run_with_timeout(cmd, log_dir, label, TIMEOUT)
}

/// [`run`] with another time limit (e.g. for cargo builds); `Status::TimedOut` still reports
/// [`TIMEOUT`] in its message, so say the limit in the caller's message when it differs.
pub fn run_with_timeout(
    cmd: &mut Command,
    log_dir: &Path,
    label: &str,
    timeout: Duration,
) -> Result<Outcome, String> {
    let log = |ext: &str| -> PathBuf { log_dir.join(format!("{label}.{ext}")) };
    let create = |path: &Path| {
        File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))
    };
    let _ = std::fs::write(log("cmd"), format!("{}\n", command_line(cmd)));
    let (stdout_path, stderr_path) = (log("stdout"), log("stderr"));
    cmd.stdin(std::process::Stdio::null())
        .stdout(create(&stdout_path)?)
        .stderr(create(&stderr_path)?);
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;

    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Status::from_exit(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Status::TimedOut;
            }
            Ok(None) => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("waiting for {program}: {e}")),
        }
    };
    Ok(Outcome {
        status,
        stdout: std::fs::read(&stdout_path).unwrap_or_default(),
        stderr: std::fs::read(&stderr_path).unwrap_or_default(),
    })
}

/// The command as a shell-pasteable line (for logs and messages).
pub fn command_line(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|arg| shell_quote(&arg.to_string_lossy()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shell_quote(arg: &str) -> String {
    let plain = !arg.is_empty()
        && arg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=,:+@%".contains(&b));
    if plain {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

/// Finds `name` on PATH (or takes it as a path if it contains a slash).
pub fn find_tool(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let path = PathBuf::from(name);
        return path.is_file().then_some(path);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}
