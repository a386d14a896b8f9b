//! Helpers of the task runner: the repository root, generated files, commands.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ is in the repository").to_path_buf()
}

/// Generated files and whether any committed one differs.
#[derive(Default)]
pub struct Outputs {
    pub check: bool,
    pub stale: Vec<String>,
    pub written: Vec<String>,
}

impl Outputs {
    /// Writes `content` to `rel` (relative to the root), or in check mode compares.
    pub fn file(&mut self, rel: &str, content: &str) -> Result<(), String> {
        let path = root().join(rel);
        let old = std::fs::read_to_string(&path).ok();
        if old.as_deref() == Some(content) {
            return Ok(());
        }
        if self.check {
            self.stale.push(rel.to_owned());
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, content).map_err(|e| format!("{rel}: {e}"))?;
        self.written.push(rel.to_owned());
        Ok(())
    }

    /// A Rust file: formatted with the workspace's rustfmt settings first.
    pub fn rust(&mut self, rel: &str, source: &str) -> Result<(), String> {
        let formatted = rustfmt(source)?;
        self.file(rel, &formatted)
    }
}

/// Formats Rust source as `cargo fmt` would.
pub fn rustfmt(source: &str) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout", "--config-path"])
        .arg(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("rustfmt: {e}"))?;
    child.stdin.take().ok_or("rustfmt stdin")?.write_all(source.as_bytes()).map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("rustfmt failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// Runs a command in `dir`, failing with its name on a non-zero exit.
pub fn run(dir: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .status()
        .map_err(|e| format!("{program}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
}

/// `snake_case` to `camelCase`.
pub fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `snake_case` to `PascalCase`.
pub fn pascal(s: &str) -> String {
    let c = camel(s);
    let mut chars = c.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A doc comment's lines (trimmed of the leading space rustdoc keeps).
pub fn doc_lines(doc: &str) -> Vec<&str> {
    doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).filter(|l| !l.trim().is_empty()).collect()
}

/// A doc comment as one line.
pub fn doc_line(doc: &str) -> String {
    doc_lines(doc).join(" ")
}
