//! The `-r` leg of a program's test (programs that link): the program's inputs are first
//! linked into one relocatable object, then that object alone is linked with the program's
//! options. In `target/differential/<program>/relocatable/{wasm-ld,weld}/`:
//! - `wasm-ld -r` and `weld -r` must write the same bytes, and agree on failure;
//! - the final link of weld's object by wasm-ld-19 and by weld must agree (so wasm-ld
//!   accepts weld's object) and be byte-identical (but for wasm-ld 19's miscounted `name`
//!   section when the object holds two copies of a COMDAT: [`overcounted_names`]);
//! - that module must run like the program linked directly: same exit status, same output
//!   but for numbers (addresses move).
//!
//! And the program's own link with `--emit-relocs` added must give the same bytes with both.
//!
//! wasm-ld 19 crashes (SIGSEGV) on `-r` of a weak undefined data symbol; where it crashes,
//! weld's object is still linked and run, and the log says so. It also crashes on
//! `--emit-relocs` of some shared libraries; weld's module is then validated.

use super::*;

/// Command-line options whose value is the next argument.
const SEPARATE_VALUE: &[&str] = &["-m", "-u", "-z", "--entry", "-o"];

/// Splits a link line into its inputs (what `-r` takes) and the options of the final link.
fn split_link_args(args: &[String]) -> (Vec<String>, Vec<String>) {
    let (mut inputs, mut options) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let with_value = SEPARATE_VALUE.contains(&a.as_str());
        let taken: Vec<String> = args[i..(i + 1 + usize::from(with_value)).min(args.len())].to_vec();
        i += taken.len();
        let is_input = a == "-m"
            || a.starts_with("-l")
            || a.starts_with("-L")
            || matches!(a.as_str(), "--start-lib" | "--end-lib" | "--whole-archive" | "--no-whole-archive")
            || (!a.starts_with('-') && (a.ends_with(".o") || a.ends_with(".a")));
        if is_input {
            inputs.extend(taken);
        } else if !a.starts_with("-Map") {
            options.extend(taken);
        }
    }
    (inputs, options)
}

impl Check<'_> {
    pub(super) fn compare_emit_relocs(&mut self) -> Result<(), String> {
        let (theirs, ours) = (self.v.theirs.clone(), self.v.ours.clone());
        let mut outputs = Vec::new();
        for (linker, name) in [(&self.tools.wasm_ld, "emit-relocs-wasm-ld"), (&self.tools.weld, "emit-relocs-weld")] {
            let dir = self.ws.dir.join("relocatable").join(name);
            toolchain::create_dir(&dir)?;
            let output = dir.join(format!("{}.wasm", self.program.name));
            let mut cmd = Command::new(linker);
            cmd.args(toolchain::link_args(self.tools, self.program, &self.ws.dir, &output)).arg("--emit-relocs").current_dir(&self.ws.dir);
            outputs.push((process::run(&mut cmd, &self.ws.logs, name)?, output));
        }
        let [(r, r_out), (c, c_out)] = &outputs[..] else { return Ok(()) };
        if matches!(r.status, Status::Signaled(_)) && c.status.success() {
            // wasm-ld 19 crashes on `--emit-relocs` of some shared libraries: weld's module
            // must then at least be valid.
            let note = format!("{theirs} --emit-relocs crashed ({}); validating {ours}'s module only\n", r.status);
            std::fs::write(self.ws.logs.join("emit-relocs-note.txt"), note).map_err(|e| e.to_string())?;
            if let Err(e) = self.validate(c_out) {
                self.v.mismatch(format!("--emit-relocs: wasm-validate rejects {ours}'s module: {e}"));
            }
        } else if r.status != c.status {
            self.v.mismatch(format!("--emit-relocs: {theirs} ends with {}, {ours} with {}: {}", r.status, c.status, c.stderr_summary()));
        } else if r.status.success() && toolchain::read(r_out)? != toolchain::read(c_out)? {
            self.v.mismatch(format!("--emit-relocs: {ours}'s module differs from {theirs}'s"));
        }
        Ok(())
    }

    pub(super) fn compare_relocatable(&mut self, run: bool, direct: &Path) -> Result<(), String> {
        let (theirs, ours) = (self.v.theirs.clone(), self.v.ours.clone());
        let placeholder = self.ws.dir.join("unused.wasm");
        let (inputs, options) = split_link_args(&toolchain::link_args(self.tools, self.program, &self.ws.dir, &placeholder));
        let dirs = [self.ws.dir.join("relocatable/wasm-ld"), self.ws.dir.join("relocatable/weld")];
        for d in &dirs {
            toolchain::create_dir(d)?;
        }
        // Both write `r.o` in their own directory: the name goes into the name section.
        let partial = |linker: &Path, dir: &Path, label: &str| -> Result<Outcome, String> {
            let mut cmd = Command::new(linker);
            cmd.arg("-r").args(&inputs).args(["-o", "r.o"]).current_dir(dir);
            process::run(&mut cmd, &self.ws.logs, label)
        };
        let r = partial(&self.tools.wasm_ld, &dirs[0], "relocatable-wasm-ld")?;
        let c = partial(&self.tools.weld, &dirs[1], "relocatable-weld")?;
        let reference_crashed = matches!(r.status, Status::Signaled(_));
        if !c.status.success() {
            self.v.mismatch(format!("-r: {ours} fails ({}): {}", c.status, c.stderr_summary()));
            return Ok(());
        }
        if reference_crashed {
            let note = format!("{theirs} -r crashed ({}); checking {ours}'s object by linking and running it\n", r.status);
            std::fs::write(self.ws.logs.join("relocatable-note.txt"), note).map_err(|e| e.to_string())?;
        } else if !r.status.success() {
            self.v.mismatch(format!("-r: {theirs} fails ({}) where {ours} succeeds: {}", r.status, r.stderr_summary()));
            return Ok(());
        } else {
            let a = toolchain::read(&dirs[0].join("r.o"))?;
            let b = toolchain::read(&dirs[1].join("r.o"))?;
            if let Some(at) = a.iter().zip(&b).position(|(x, y)| x != y) {
                self.v.mismatch(format!("-r: {ours}'s object differs from {theirs}'s from offset {at:#x}"));
            } else if a.len() != b.len() {
                self.v.mismatch(format!("-r: {ours}'s object is {} bytes, {theirs}'s {}", b.len(), a.len()));
            }
        }

        // The final links, both of weld's object, each in a directory of its own.
        let final_dirs = [self.ws.dir.join("relocatable/final-wasm-ld"), self.ws.dir.join("relocatable/final-weld")];
        let object = toolchain::read(&dirs[1].join("r.o"))?;
        let mut outcomes = Vec::new();
        for (dir, (linker, label)) in final_dirs.iter().zip([(&self.tools.wasm_ld, "final-wasm-ld"), (&self.tools.weld, "final-weld")]) {
            toolchain::create_dir(dir)?;
            std::fs::write(dir.join("r.o"), &object).map_err(|e| e.to_string())?;
            let mut cmd = Command::new(linker);
            cmd.args(&options).args(["r.o", "-o", "final.wasm"]).current_dir(dir);
            outcomes.push(process::run(&mut cmd, &self.ws.logs, label)?);
        }
        let (fr, fc) = (&outcomes[0], &outcomes[1]);
        if fr.status != fc.status {
            self.v.mismatch(format!(
                "-r, final link: {theirs} ends with {}, {ours} with {}: {} | {}",
                fr.status,
                fc.status,
                fr.stderr_summary(),
                fc.stderr_summary()
            ));
            return Ok(());
        }
        if let Some(difference) = first_difference("final link stdout", &fr.stdout_text(), &fc.stdout_text(), &theirs, &ours) {
            self.v.mismatch(difference);
        }
        if !fc.status.success() {
            return Ok(());
        }
        let a = toolchain::read(&final_dirs[0].join("final.wasm"))?;
        let b = toolchain::read(&final_dirs[1].join("final.wasm"))?;
        if a != b {
            if let Some(note) = overcounted_names(&a, &b) {
                let note = format!("{theirs}'s final link: {note}; {ours}'s module is that one with a well-formed name section\n");
                std::fs::write(self.ws.logs.join("final-link-note.txt"), note).map_err(|e| e.to_string())?;
            } else {
                let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
                self.v.mismatch(format!("-r, final link: the modules differ from offset {at:#x}"));
            }
        }
        if run {
            let d = run_module(self.tools, self.program, direct, self.ws, "run-direct")?;
            let f = run_module(self.tools, self.program, &final_dirs[1].join("final.wasm"), self.ws, "run-via-relocatable")?;
            let mut differences = Vec::new();
            if d.status != f.status {
                differences.push(format!("-r: the module linked from the object ends with {}, the direct link with {}", f.status, d.status));
            }
            // Numbers are masked: programs that print addresses see them move, since the
            // object holds what the direct link's garbage collection would have dropped.
            let masked = |text: String| text.chars().map(|ch| if ch.is_ascii_digit() { '#' } else { ch }).collect::<String>();
            if let Some(line) = first_difference("stdout", &masked(d.stdout_text()), &masked(f.stdout_text()), "the direct link", "the link through -r") {
                differences.push(line);
            }
            // When the reference's route through -r ends in the very same module, the loss is
            // wasm-ld's too (an object with table symbols no longer says that other code
            // calls through table 0, say): noted, not a mismatch.
            if a == b && !differences.is_empty() {
                let note = format!("{theirs}'s route through -r gives the same module, which runs differently too:\n{}\n", differences.join("\n"));
                std::fs::write(self.ws.logs.join("relocatable-run-note.txt"), note).map_err(|e| e.to_string())?;
            } else {
                differences.into_iter().for_each(|m| self.v.mismatch(m));
            }
        }
        Ok(())
    }
}

/// wasm-ld 19's bug in the final link of an object holding two copies of a COMDAT's
/// functions (what `-r` of objects sharing inline functions gives, without garbage
/// collection): its `name` section says it names more functions than it does, so the
/// module fails `wasm-validate`. When that is the only difference (every other section the
/// same, both naming the same functions), says so; weld writes the right count.
fn overcounted_names(theirs: &[u8], ours: &[u8]) -> Option<String> {
    let (their_sections, our_sections) = (wasm::sections(theirs).ok()?, wasm::sections(ours).ok()?);
    let is_name = |s: &&(u8, String, Vec<u8>)| s.0 == 0 && s.1 == "name";
    if !their_sections.iter().filter(|s| !is_name(s)).eq(our_sections.iter().filter(|s| !is_name(s))) {
        return None;
    }
    let (declared, their_names) = wasm::function_names(&their_sections.iter().find(is_name)?.2)?;
    let (our_count, our_names) = wasm::function_names(&our_sections.iter().find(is_name)?.2)?;
    let held = their_names.len() as u32;
    (declared > held && our_count == held && their_names == our_names)
        .then(|| format!("its name section announces {declared} function names and holds {held}"))
}
