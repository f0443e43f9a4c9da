#!/usr/bin/env node
// The `weld` command of the npm package: the wasm build run on the real file system
// through `wasmLd`, with the same argument parser as the native CLI, so the same command
// line gives the same output files, messages and exit code.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { wasmLd } from '../node.js';

// The program name diagnostics start with, as the native CLI takes it from argv[0].
const program = basename(process.argv[1] ?? 'weld').replace(/\.[cm]?js$/, '');

/** Reads an input; a thrown error's `code` becomes wasm-ld's `cannot open X: <reason>`. */
function readFile(path) {
  return readFileSync(path);
}

/** Writes through a temporary file and a rename, as the native CLI; `-` is stdout. */
function writeOutput(path, bytes) {
  if (path === '-') {
    writeAll(1, bytes);
    return;
  }
  const tmp = `${path}.tmp${process.pid}`;
  try {
    // wasm-ld's outputs are executable (mode 0777 less the umask).
    const fd = openSync(tmp, 'w', 0o777);
    try {
      // No fsync, as the native CLI and lld: write-back is the OS's business (syncing a
      // large module costs more than linking it).
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function writeAll(fd, bytes) {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      // stdout/stderr may be non-blocking pipes: wait for the reader.
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}

/** Node's error as the OS words it (`No such file or directory`), as the native CLI prints. */
function osMessage(e) {
  const words = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    EISDIR: 'Is a directory',
    ENOTDIR: 'Not a directory',
    EROFS: 'Read-only file system',
    ENOSPC: 'No space left on device',
  };
  return words[e?.code] ?? e?.message ?? String(e);
}

/** Why `path` cannot be written (as creating the file tells), or null; nothing is left. */
function cannotWrite(path) {
  if (path === '-') return null;
  const probe = `${path}.tmp${process.pid}`;
  try {
    closeSync(openSync(probe, 'w'));
    rmSync(probe, { force: true });
    return null;
  } catch (e) {
    return osMessage(e);
  }
}

const out = wasmLd(process.argv.slice(2), readFile, program);
/** wasm-ld's words for an output it cannot write, naming what the file is. */
const cannotOpen = (path, why) => `${program}: error: cannot open ${out.outputKinds?.get(path) ?? 'output file'} ${path}: ${why}\n`;
// The native CLI checks that its outputs can be written before it links, and then writes
// nothing; the wasm build can only check once it has them: every file, before any write.
const unwritable = [...out.outputs.keys()]
  .map((path) => [path, cannotWrite(path)])
  .filter(([, why]) => why !== null)
  .map(([path, why]) => cannotOpen(path, why));
if (unwritable.length) {
  writeAll(2, Buffer.from(unwritable.join('')));
  process.exitCode = 1;
} else {
  // Synchronous writes keep stdout/stderr in order with the output files, like the native CLI.
  if (out.stdout) writeAll(1, Buffer.from(out.stdout));
  if (out.stderr) writeAll(2, Buffer.from(out.stderr));
  let code = out.exitCode;
  for (const [path, bytes] of out.outputs) {
    try {
      writeOutput(path, bytes);
    } catch (e) {
      writeAll(2, Buffer.from(cannotOpen(path, osMessage(e))));
      code = 1;
    }
  }
  process.exitCode = code;
}
