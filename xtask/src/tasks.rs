//! The test tiers. `ready` is the fast one for day-to-day work (a couple of minutes when the
//! build is warm); `ci` is everything, what the README's test command and CI run. Both print
//! the time of every step at the end.

use crate::util::root;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// What a step runs.
type Run = Box<dyn Fn(&Ctx) -> Result<(), String>>;

/// A step: a name and what it runs.
struct Step {
    name: &'static str,
    run: Run,
}

/// What the steps share.
struct Ctx {
    root: PathBuf,
    python: String,
}

impl Ctx {
    /// Runs a command in the repository root (or `dir`), echoing it.
    fn sh(&self, dir: &str, program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
        let dir = self.root.join(dir);
        println!("$ {program} {}", args.join(" "));
        let status = Command::new(program)
            .args(args)
            .current_dir(&dir)
            .envs(env.iter().copied())
            .status()
            .map_err(|e| format!("{program}: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed ({status})", args.join(" "))) }
    }

    fn cargo(&self, args: &[&str]) -> Result<(), String> {
        self.sh(".", "cargo", args, &[])
    }

    fn path(&self, rel: &str) -> String {
        self.root.join(rel).to_string_lossy().into_owned()
    }
}

fn step(name: &'static str, run: impl Fn(&Ctx) -> Result<(), String> + 'static) -> Step {
    Step { name, run: Box::new(run) }
}

fn run_steps(tier: &str, steps: Vec<Step>, skip: &[&str]) -> Result<(), String> {
    let python = std::env::var("PYO3_PYTHON").unwrap_or_else(|_| which("python3").unwrap_or_else(|| "python3".into()));
    // One interpreter for every pyo3 build (cargo test and maturin), or pyo3 rebuilds; the
    // commands of every step inherit it.
    unsafe_env_set("PYO3_PYTHON", &python);
    let ctx = Ctx { root: root(), python };
    // `--skip WORD` skips the steps whose name starts with WORD (`--skip fuzzing`); a word
    // that names no step is a mistake worth stopping for.
    let skipped = |s: &Step| skip.iter().any(|w| s.name.starts_with(w));
    if let Some(w) = skip.iter().find(|w| !steps.iter().any(|s| s.name.starts_with(**w))) {
        let names: Vec<&str> = steps.iter().map(|s| s.name).collect();
        return Err(format!("{tier}: --skip {w:?} names no step; steps: {names:?}"));
    }
    let started = Instant::now();
    let mut times = Vec::new();
    for s in &steps {
        if skipped(s) {
            println!("\n=== {} (skipped) ===", s.name);
            continue;
        }
        println!("\n=== {} ===", s.name);
        let t = Instant::now();
        let result = (s.run)(&ctx);
        times.push((s.name, t.elapsed().as_secs_f64(), result.is_ok()));
        if let Err(e) = result {
            print_times(&times);
            return Err(format!("{tier}: step `{}` failed: {e}", s.name));
        }
    }
    print_times(&times);
    println!("\nall {tier} steps passed in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn print_times(times: &[(&str, f64, bool)]) {
    println!("\n--- time per step");
    for (name, secs, ok) in times {
        println!("{:>8.1} s  {}{name}", secs, if *ok { "" } else { "FAILED " });
    }
}

/// Sets an environment variable for this process and its children (the task runner is single
/// threaded when it does this, before any step runs).
fn unsafe_env_set(key: &str, value: &str) {
    // SAFETY: called before any other thread exists (the steps run commands sequentially).
    unsafe { std::env::set_var(key, value) };
}

fn which(program: &str) -> Option<String> {
    std::env::var_os("PATH")?
        .to_string_lossy()
        .split(':')
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
}

/// Debian packages, installed only when missing (CI machines start bare).
fn need_apt(ctx: &Ctx, packages: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !Command::new("dpkg").args(["-s", p]).output().is_ok_and(|o| o.status.success()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo =
        if Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0")) { "" } else { "sudo" };
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut full: Vec<&str> = Vec::new();
        let program = if sudo.is_empty() { "apt-get" } else { "sudo" };
        if !sudo.is_empty() {
            full.push("apt-get");
        }
        full.extend_from_slice(args);
        ctx.sh(".", program, &full, &[("DEBIAN_FRONTEND", "noninteractive")])
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq"];
    args.extend(missing);
    apt(&args)
}

/// A crates.io tool at an exact version, installed when missing or different.
fn need_cargo_tool(ctx: &Ctx, binary: &str, version_line: &str, krate: &str, version: &str) -> Result<(), String> {
    let have = Command::new(binary)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    if have.as_deref() == Some(version_line) {
        return Ok(());
    }
    ctx.cargo(&["install", "--quiet", "--locked", krate, "--version", version])
}

fn fmt(ctx: &Ctx) -> Result<(), String> {
    ctx.cargo(&["fmt", "--all", "--", "--check"])
}

fn clippy(ctx: &Ctx) -> Result<(), String> {
    ctx.cargo(&["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"])
}

fn rust_vectors(ctx: &Ctx) -> Result<(), String> {
    ctx.cargo(&[
        "run",
        "--quiet",
        "--locked",
        "-p",
        "paycodes-conformance",
        "--bin",
        "paycodes-conformance",
        "--",
        "tests/vectors",
    ])
}

/// The fast tier: fmt, clippy, core + CLI tests, the corpus in Rust, the Rust-side codegen
/// check.
pub fn ready() -> Result<(), String> {
    let steps = vec![
        step("fmt", fmt),
        step("clippy", clippy),
        step("core, CLI and runner tests", |c| {
            c.cargo(&["test", "--locked", "-p", "paycodes", "-p", "paycodes-cli", "-p", "paycodes-conformance"])
        }),
        step("vectors (Rust)", rust_vectors),
        step("generated files (Rust side)", |_| crate::codegen::run(true, true)),
    ];
    run_steps("ready", steps, &[])
}

/// The full tier: every suite of every language, installing what it needs.
pub fn ci(rest: &[&str]) -> Result<(), String> {
    let skip: Vec<&str> = rest.windows(2).filter(|w| w[0] == "--skip").map(|w| w[1]).collect();
    let mut steps = vec![
        step("tools", |c| {
            need_apt(c, &["pkg-config", "valgrind", "libjna-java"])?;
            if which("java").is_none() {
                need_apt(c, &["openjdk-17-jdk-headless"])?;
            }
            need_cargo_tool(c, "cbindgen", "cbindgen 0.29.4", "cbindgen", "0.29.4")
        }),
        step("fmt", fmt),
        step("clippy", clippy),
        step("generated files are up to date (cargo xtask codegen --check)", |_| crate::codegen::run(true, false)),
        step("Rust tests (workspace)", |c| c.cargo(&["test", "--workspace", "--locked"])),
        step("vectors (Rust) and thread stress", |c| {
            rust_vectors(c)?;
            c.cargo(&[
                "run",
                "--quiet",
                "--locked",
                "--release",
                "-p",
                "paycodes-conformance",
                "--bin",
                "paycodes-stress",
                "--",
                "tests/vectors",
                "8",
                "1000000",
            ])
        }),
        step("C: panic guard, header, vectors, API tests, valgrind, sanitizers, stress, install", |c| {
            c.cargo(&["test", "--locked", "-p", "paycodes-ffi", "--features", "test-panic"])?;
            c.sh("ffi-c", "make", &["test"], &[])
        }),
        step("Python: wheel, installed in a fresh virtualenv, tested there", python),
        step("Spark: the README's mapInArrow recipe on a local Spark", spark),
        step("Node: addon, packed, installed in a scratch project, tested there", |c| {
            c.sh("node", "npm", &["ci", "--no-audit", "--no-fund", "--loglevel=error"], &[])?;
            c.sh("node", "node", &["scripts/test.mjs"], &[("PAYCODES_CLI", &c.path("target/debug/paycodes"))])
        }),
        step("Mobile: Kotlin compiled and run on the JVM, Swift parsed", |c| {
            c.sh("mobile", "npm", &["ci", "--no-audit", "--no-fund", "--loglevel=error"], &[])?;
            c.sh(".", "mobile/scripts/test.sh", &[], &[])
        }),
        step("fuzzing: each cargo-fuzz target", |c| {
            need_cargo_tool(c, "cargo-fuzz", "cargo-fuzz 0.13.2", "cargo-fuzz", "0.13.2")?;
            let seconds = std::env::var("PAYCODES_FUZZ_SECONDS").unwrap_or_else(|_| "30".into());
            c.sh(".", "core/fuzz/run.sh", &[&seconds], &[])
        }),
        step("seed vectors match the seed documents", |c| {
            let shared = c.root.join("../shared");
            if !shared.join("seeds").is_dir() {
                println!("skipped: ../shared/seeds is not next to this checkout (the vectors are committed)");
                return Ok(());
            }
            let tmp = c.root.join("target/seed-vectors");
            let _ = std::fs::remove_dir_all(&tmp);
            std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
            c.sh(".", "python3", &["tests/vectors/tools/extract_seeds.py", "../shared", &tmp.to_string_lossy()], &[])?;
            for entry in std::fs::read_dir(&tmp).map_err(|e| e.to_string())? {
                let p = entry.map_err(|e| e.to_string())?.path();
                let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
                let committed = std::fs::read_to_string(c.root.join("tests/vectors").join(&name)).unwrap_or_default();
                if std::fs::read_to_string(&p).map_err(|e| e.to_string())? != committed {
                    return Err(format!(
                        "tests/vectors/{name} differs from what the seeds give: run tests/vectors/tools/extract_seeds.py"
                    ));
                }
                println!("{name} matches the seeds");
            }
            Ok(())
        }),
        step("benchmark smoke run (each benchmark once)", |c| {
            c.cargo(&["bench", "--locked", "-p", "paycodes", "--bench", "decode", "--", "--test"])?;
            c.sh("node", "node", &["bench/bench.js"], &[("PAYCODES_BENCH_QUICK", "1")])
        }),
    ];
    steps.extend(dist_steps());
    run_steps("ci", steps, &skip)
}

fn python(c: &Ctx) -> Result<(), String> {
    let venv = |name: &str| c.path(&format!("target/{name}"));
    let bin = |name: &str, tool: &str| format!("{}/bin/{tool}", venv(name));
    let _ = std::fs::remove_dir_all(venv("py-test"));
    c.sh(".", &c.python, &["-m", "venv", &venv("py-build")], &[])?;
    c.sh(".", &bin("py-build", "pip"), &["install", "--quiet", "--disable-pip-version-check", "maturin==1.16.0"], &[])?;
    for entry in std::fs::read_dir(c.root.join("target/wheels")).into_iter().flatten().flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
    c.sh(
        ".",
        &bin("py-build", "maturin"),
        &[
            "build",
            "--quiet",
            "--release",
            "--locked",
            "-m",
            "py/Cargo.toml",
            "--out",
            "target/wheels",
            "-i",
            &c.python,
        ],
        &[],
    )?;
    let wheel = find_wheel(c, "target/wheels").ok_or("no wheel was built")?;
    c.sh(".", &c.python, &["-m", "venv", &venv("py-test")], &[])?;
    c.sh(
        ".",
        &bin("py-test", "pip"),
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &wheel.to_string_lossy(),
            "pytest==9.2.0",
            "mypy==2.4.1",
            // decode_arrow's suite and recipes (py/tests/test_arrow.py).
            "pyarrow==26.0.1",
            "polars==2.1.0",
            "pandas==2.3.3",
        ],
        &[],
    )?;
    c.cargo(&["build", "--quiet", "--locked", "-p", "paycodes-conformance", "-p", "paycodes-cli"])?;
    let env = [
        ("PAYCODES_CLI", c.path("target/debug/paycodes")),
        ("PAYCODES_CONFORMANCE", c.path("target/debug/paycodes-conformance")),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // From py/tests, so the source tree (py/python) is not importable: the installed wheel is tested.
    c.sh("py/tests", &bin("py-test", "python"), &["-m", "pytest", "-q", "-p", "no:cacheprovider", "-s"], &env)?;
    c.sh(
        "/",
        &bin("py-test", "python"),
        &["-m", "mypy.stubtest", "paycodes", "--allowlist", &c.path("py/stubtest-allowlist.txt")],
        &[],
    )?;
    c.sh(
        "py/tests",
        &bin("py-test", "python"),
        &["-m", "mypy", "--strict", "--no-incremental", "typed_usage.py"],
        &[],
    )?;
    // Panic safety: a debug wheel built with the test-panic feature, in its own virtualenv.
    let _ = std::fs::remove_dir_all(c.root.join("target/wheels-panic"));
    c.sh(
        ".",
        &bin("py-build", "maturin"),
        &[
            "build",
            "--quiet",
            "--locked",
            "-m",
            "py/Cargo.toml",
            "--features",
            "test-panic",
            "--target-dir",
            "target/test-panic",
            "--out",
            "target/wheels-panic",
            "-i",
            &c.python,
        ],
        &[],
    )?;
    let panic_wheel = find_wheel(c, "target/wheels-panic").ok_or("no test-panic wheel was built")?;
    let _ = std::fs::remove_dir_all(venv("py-panic"));
    c.sh(".", &c.python, &["-m", "venv", &venv("py-panic")], &[])?;
    c.sh(
        ".",
        &bin("py-panic", "pip"),
        &["install", "--quiet", "--disable-pip-version-check", &panic_wheel.to_string_lossy(), "pytest==9.2.0"],
        &[],
    )?;
    c.sh("py/tests_panic", &bin("py-panic", "python"), &["-m", "pytest", "-q", "-p", "no:cacheprovider"], &[])
}

/// The wheel maturin left in `dir`, if any.
fn find_wheel(c: &Ctx, dir: &str) -> Option<std::path::PathBuf> {
    std::fs::read_dir(c.root.join(dir))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
}

/// PySpark is large (about 450 MB), so it lives in its own virtualenv, kept between runs; the
/// wheel the Python step built is (re)installed into it each time.
fn spark(c: &Ctx) -> Result<(), String> {
    if which("java").is_none() {
        need_apt(c, &["openjdk-17-jdk-headless"])?;
    }
    let venv = c.path("target/py-spark");
    let bin = |tool: &str| format!("{venv}/bin/{tool}");
    if !std::path::Path::new(&bin("python")).exists() {
        c.sh(".", &c.python, &["-m", "venv", &venv], &[])?;
    }
    let pip = |args: &[&str]| {
        let mut all = vec!["install", "--quiet", "--disable-pip-version-check"];
        all.extend_from_slice(args);
        c.sh(".", &bin("pip"), &all, &[])
    };
    pip(&["pyspark==4.3.0", "pyarrow==26.0.1", "pandas==2.3.3", "pytest==9.2.0"])?;
    let wheel = find_wheel(c, "target/wheels").ok_or("no wheel in target/wheels: the Python step builds it")?;
    pip(&["--force-reinstall", "--no-deps", &wheel.to_string_lossy()])?;
    c.sh("py/tests_spark", &bin("python"), &["-m", "pytest", "-q", "-p", "no:cacheprovider"], &[])
}

/// `cargo xtask dist`: the release artifacts, built and (unless `no_test`) proven.
pub fn dist(no_test: bool) -> Result<(), String> {
    let mut steps = dist_steps();
    if no_test {
        steps.truncate(1);
    }
    run_steps("dist", steps, &[])
}

/// Build every release artifact, then install each where no Rust toolchain is on PATH and
/// answer the corpus with it (shared by `dist` and `ci`).
fn dist_steps() -> Vec<Step> {
    vec![
        step("release artifacts: build (scripts/dist.sh)", |c| {
            // jar, unzip, objdump/readelf and pkg-config are used to pack and inspect.
            need_apt(c, &["pkg-config", "unzip", "binutils", "libjna-java"])?;
            if which("jar").is_none() {
                need_apt(c, &["openjdk-17-jdk-headless"])?;
            }
            c.sh(".", "scripts/dist.sh", &[], &[])
        }),
        step("release artifacts: installed without Rust, corpus (scripts/dist-test.sh)", |c| {
            c.cargo(&["build", "--quiet", "--locked", "-p", "paycodes-conformance"])?;
            c.sh(".", "scripts/dist-test.sh", &[], &[])
        }),
    ]
}
