//! Live-heap accounting for the wasm build: the global allocator forwards to `System` and
//! keeps a count of the bytes and blocks currently allocated. The JS API reports it
//! (`memoryUsage()`), so a host can check that failed links leave nothing behind: linear
//! memory never shrinks, so its size alone cannot show a leak.
//!
//! It also grows linear memory in large steps. `System` (dlmalloc) asks the engine for
//! exactly the pages a request lacks, and each `memory.grow` is slow (V8 changes page
//! permissions and replaces the `ArrayBuffer`): a link that reads hundreds of megabytes
//! grew memory hundreds of times, which took more than half of its time. So when the
//! live heap is about to outgrow linear memory, a block of half the memory's size is
//! allocated and freed at once; dlmalloc keeps it (wasm memory cannot be given back) and
//! serves the requests that follow from it.
//!
//! This is the crate's only `unsafe` code. It is sound because every method hands the
//! caller's arguments unchanged to the same method of `System`, whose contract is the one
//! `GlobalAlloc` states, and only adds bookkeeping on plain atomics, which neither allocates
//! nor touches the memory being managed; the step's block is a valid layout allocated from
//! `System` and returned to it unused, with that same layout.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE_BLOCKS: AtomicUsize = AtomicUsize::new(0);
static PEAK_BYTES: AtomicUsize = AtomicUsize::new(0);

/// Counts `size` more live bytes, raising the high-water mark.
fn count(size: usize) {
    let now = LIVE_BYTES.fetch_add(size, Ordering::Relaxed).saturating_add(size);
    PEAK_BYTES.fetch_max(now, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const PAGE: usize = 64 << 10;
/// The largest step: a 32-bit memory holds 4 GiB, and a step is memory the heap may never use.
const MAX_STEP: usize = 256 << 20;

/// Grows linear memory by a large step when `more` bytes would take the live heap past its
/// size (see the module comment). Failing to grow is fine: the request itself then fails
/// or succeeds on its own.
fn grow_ahead(more: usize) {
    let memory = core::arch::wasm32::memory_size::<0>().saturating_mul(PAGE);
    let wanted = LIVE_BYTES.load(Ordering::Relaxed).saturating_add(more).saturating_add(PAGE);
    if wanted <= memory {
        return;
    }
    let step = (memory / 2).clamp(PAGE, MAX_STEP).max(wanted - memory);
    if let Ok(layout) = Layout::from_size_align(step, 16) {
        // SAFETY: `layout` has a non-zero size; the block is freed at once with the same
        // layout and never read or written.
        unsafe {
            let block = System.alloc(layout);
            if !block.is_null() {
                System.dealloc(block, layout);
            }
        }
    }
}

// SAFETY: see the module comment; each method forwards to `System` with the same arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow_ahead(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size());
            LIVE_BLOCKS.fetch_add(1, Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow_ahead(layout.size());
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size());
            LIVE_BLOCKS.fetch_add(1, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, i.e. from `System`, with this `layout`.
        unsafe { System.dealloc(ptr, layout) };
        LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
        LIVE_BLOCKS.fetch_sub(1, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // (A growing realloc may copy, holding both blocks for a moment; shrinking does not.)
        if new_size > layout.size() {
            grow_ahead(new_size);
        }
        // SAFETY: `ptr`/`layout` came from this allocator, i.e. from `System`; the caller
        // upholds the rest of `realloc`'s contract.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE_BYTES.fetch_sub(layout.size(), Ordering::Relaxed);
            count(new_size);
        }
        p
    }
}

/// Bytes and blocks currently allocated on the heap.
pub fn live() -> (usize, usize) {
    (LIVE_BYTES.load(Ordering::Relaxed), LIVE_BLOCKS.load(Ordering::Relaxed))
}

/// The most bytes the heap has held at once since the module was loaded.
pub fn peak() -> usize {
    PEAK_BYTES.load(Ordering::Relaxed)
}
