//! Data segments and linear memory: input segments are gathered into output segments by
//! name (`.rodata.*` → `.rodata`, …), mergeable string segments are deduplicated, and the
//! stack, data, heap base and page counts are laid out as wasm-ld does.

use crate::context::{Ctx, Def, GlobalInit, OutSegId, SegId};
use crate::diag::Diagnostic;
use crate::input::wasm::data_flag;
use crate::options::WASM_PAGE_SIZE;

const STACK_ALIGNMENT: u64 = 16;
const HEAP_ALIGNMENT: u64 = 16;

#[derive(Clone, Debug)]
pub enum Part {
    Input(SegId),
    /// Index into `MemoryLayout::merged`.
    Merged(usize),
}

#[derive(Clone, Debug)]
pub struct OutputSegment<'a> {
    pub name: &'a str,
    pub index: u32,
    /// log2.
    pub alignment: u32,
    pub is_bss: bool,
    pub is_tls: bool,
    pub init_flags: u32,
    pub parts: Vec<Part>,
    pub size: u64,
    /// Zero bytes between the parts, from their alignments (counted in `size`).
    pub padding: u64,
    pub start_va: u64,
}

/// The deduplicated strings of several mergeable input segments.
#[derive(Clone, Debug)]
pub struct MergedStrings<'a> {
    /// The output segment it was made for (its name stays when PIC combines segments).
    pub segment_name: &'a str,
    pub alignment: u32,
    pub flags: u32,
    pub data: Vec<u8>,
    /// Offset within the output segment.
    pub out_offset: u64,
}

#[derive(Clone, Debug, Default)]
pub struct MemoryLayout<'a> {
    pub segments: Vec<OutputSegment<'a>>,
    pub merged: Vec<MergedStrings<'a>>,
    pub global_base: u64,
    pub stack_low: u64,
    pub stack_high: u64,
    pub data_end: u64,
    pub heap_base: u64,
    pub heap_end: u64,
    pub initial_pages: u64,
    pub max_pages: Option<u64>,
    /// Data segments are written into the module (false for `.bss` unless memory is
    /// imported without bulk memory).
    pub emit_bss: bool,
    /// The bytes the layout needs when they are past the address space (an error, reported
    /// only if nothing else went wrong, see `layout_memory`).
    pub address_overflow: Option<u64>,
}

impl OutputSegment<'_> {
    pub fn required_in_binary(&self, emit_bss: bool) -> bool {
        !self.is_bss || emit_bss
    }
}

fn output_name<'a>(ctx: &Ctx<'a>, seg: SegId) -> &'a str {
    let s = &ctx.segments[seg.idx()];
    let name = ctx.files[s.file.idx()].object().segments[s.local_index as usize].name;
    if s.is_tls {
        return ".tdata";
    }
    if !ctx.options.merge_data_segments {
        return name;
    }
    for prefix in [".text", ".data", ".bss", ".rodata"] {
        if name.len() > prefix.len() && name.starts_with(prefix) && name.as_bytes()[prefix.len()] == b'.' {
            return prefix;
        }
    }
    name
}

fn align_to(v: u64, align: u64) -> u64 {
    v.div_ceil(align).saturating_mul(align)
}

/// Is this input segment a string table whose pieces may be deduplicated?
fn is_mergeable(ctx: &Ctx<'_>, seg: SegId) -> bool {
    let s = &ctx.segments[seg.idx()];
    let input = &ctx.files[s.file.idx()].object().segments[s.local_index as usize];
    crate::string_sections::is_mergeable_segment(input, ctx.options)
}

/// Groups live input segments into output segments, in input order, then sorted by kind
/// (TLS, read-only, data, other, bss) like wasm-ld.
pub fn create_output_segments<'a>(ctx: &mut Ctx<'a>) -> MemoryLayout<'a> {
    let mut layout = MemoryLayout::default();
    // A map, not a scan: an input can have a great many distinct segment names.
    let mut by_name: crate::hash::HashMap<&'a str, usize> = crate::hash::HashMap::default();
    let mut members: Vec<Vec<SegId>> = Vec::new();
    for fi in 0..ctx.object_order.len() {
        let f = ctx.object_order[fi];
        let file = &ctx.files[f.idx()];
        let (base, count) = (file.seg_base, file.object().segments.len() as u32);
        for seg in (base..base + count).map(SegId) {
            if !ctx.segments[seg.idx()].live {
                continue;
            }
            let name = output_name(ctx, seg);
            // A relocatable output keeps COMDAT segments apart: the final link includes or
            // drops each one on its own.
            let comdat = ctx.options.relocatable && file.object().segments.get((seg.0 - base) as usize).is_some_and(|s| s.comdat.is_some());
            let slot = match by_name.get(name).filter(|_| !comdat) {
                Some(&i) => i,
                None => {
                    layout.segments.push(OutputSegment {
                        name,
                        index: 0,
                        alignment: 0,
                        // In an object, `.bss` is data like any other.
                        is_bss: name.starts_with(".bss") && !ctx.options.relocatable,
                        is_tls: name == ".tdata",
                        init_flags: if ctx.options.shared_memory { data_flag::IS_PASSIVE } else { 0 },
                        parts: Vec::new(),
                        size: 0,
                        padding: 0,
                        start_va: 0,
                    });
                    members.push(Vec::new());
                    if !comdat {
                        by_name.insert(name, layout.segments.len() - 1);
                    }
                    layout.segments.len() - 1
                }
            };
            members[slot].push(seg);
        }
    }
    let order = |name: &str| {
        if name.starts_with(".tdata") {
            0
        } else if name.starts_with(".rodata") {
            1
        } else if name.starts_with(".data") {
            2
        } else if name.starts_with(".bss") {
            4
        } else {
            3
        }
    };
    let mut paired: Vec<(OutputSegment<'a>, Vec<SegId>)> = layout.segments.drain(..).zip(members).collect();
    paired.sort_by_key(|(s, _)| order(s.name));
    for (i, (mut out, segs)) in paired.into_iter().enumerate() {
        out.index = i as u32;
        finalize_segment(ctx, &mut layout.merged, &mut out, &segs, OutSegId(i as u32));
        layout.segments.push(out);
    }
    layout
}

/// Places the input segments (and merged string chunks) of one output segment.
fn finalize_segment<'a>(ctx: &mut Ctx<'a>, merged: &mut Vec<MergedStrings<'a>>, out: &mut OutputSegment<'a>, segs: &[SegId], id: OutSegId) {
    // Mergeable segments with the same flags and alignment share one merged chunk, placed
    // where the first of them was.
    let mut groups: Vec<(u32, u32, usize, Vec<SegId>)> = Vec::new();
    // Position in `groups` by key: flags are arbitrary input, so there can be many groups.
    let mut group_of: crate::hash::HashMap<(u32, u32), usize> = crate::hash::HashMap::default();
    for &seg in segs {
        let s = &ctx.segments[seg.idx()];
        let input = &ctx.files[s.file.idx()].object().segments[s.local_index as usize];
        out.alignment = out.alignment.max(input.alignment);
        if is_mergeable(ctx, seg) {
            let key = (input.flags, input.alignment);
            match group_of.get(&key).and_then(|&g| groups.get_mut(g)) {
                Some(g) => g.3.push(seg),
                None => {
                    group_of.insert(key, groups.len());
                    groups.push((key.0, key.1, merged.len(), vec![seg]));
                    merged.push(MergedStrings { segment_name: out.name, alignment: key.1, flags: key.0, data: Vec::new(), out_offset: 0 });
                    out.parts.push(Part::Merged(merged.len() - 1));
                }
            }
        } else {
            out.parts.push(Part::Input(seg));
        }
    }
    for (_, _, m, members) in &groups {
        merge_strings(ctx, &mut merged[*m], members);
    }
    let mut size = 0u64;
    let mut padding = 0u64;
    let mut align = |size: u64, log2: u32| {
        let aligned = align_to(size, 1u64 << log2);
        padding = padding.saturating_add(aligned.saturating_sub(size));
        aligned
    };
    for part in &out.parts {
        match *part {
            Part::Input(seg) => {
                let s = &ctx.segments[seg.idx()];
                let input = &ctx.files[s.file.idx()].object().segments[s.local_index as usize];
                size = align(size, input.alignment);
                let len = input.data.len() as u64;
                let s = &mut ctx.segments[seg.idx()];
                s.out_seg = Some(id);
                s.out_offset = size;
                size = size.saturating_add(len);
            }
            Part::Merged(m) => {
                size = align(size, merged[m].alignment);
                merged[m].out_offset = size;
                size = size.saturating_add(merged[m].data.len() as u64);
            }
        }
    }
    out.padding = padding;
    for (_, _, m, members) in &groups {
        for &seg in members {
            let s = &mut ctx.segments[seg.idx()];
            s.out_seg = Some(id);
            s.out_offset = merged[*m].out_offset;
        }
    }
    out.size = size;
}

/// Deduplicates the NUL-terminated strings of `members` with tail merging, in the order
/// LLVM's string table builder produces (sorted by reversed contents, longest first), so
/// sizes and addresses match wasm-ld's.
pub fn merge_strings(ctx: &mut Ctx<'_>, out: &mut MergedStrings<'_>, members: &[SegId]) {
    let mut pieces: Vec<(SegId, u32, &[u8])> = Vec::new();
    for &seg in members {
        let s = &ctx.segments[seg.idx()];
        let file = &ctx.files[s.file.idx()];
        let data = file.object().segments[s.local_index as usize].data;
        let mut off = 0usize;
        // (An unterminated last string was an error when the objects were loaded.)
        while off < data.len() {
            let end = match data[off..].iter().position(|&b| b == 0) {
                Some(p) => off + p + 1,
                None => data.len(),
            };
            pieces.push((seg, off as u32, &data[off..end]));
            off = end;
        }
    }
    let (data, offsets) = build_string_table(pieces.iter().map(|p| p.2), out.alignment);
    let mut per_seg: Vec<(SegId, Vec<(u32, u64)>)> = Vec::new();
    for ((seg, input_off, _), out_off) in pieces.iter().zip(offsets) {
        match per_seg.last_mut() {
            Some((s, v)) if s == seg => v.push((*input_off, out_off)),
            _ => per_seg.push((*seg, vec![(*input_off, out_off)])),
        }
    }
    for (seg, v) in per_seg {
        ctx.segments[seg.idx()].pieces = Some(v);
    }
    out.data = data;
}

/// LLVM `StringTableBuilder` (RAW kind, optimised): returns the table and the offset of
/// each input string.
pub fn build_string_table<'s>(strings: impl Iterator<Item = &'s [u8]>, alignment: u32) -> (Vec<u8>, Vec<u64>) {
    let strings: Vec<&[u8]> = strings.collect();
    let mut unique: Vec<&[u8]> = strings.clone();
    // Sort by reversed bytes, descending, a string before its own suffixes.
    unique.sort_by(|a, b| b.iter().rev().cmp(a.iter().rev()));
    unique.dedup();
    let align = 1u64 << alignment;
    let mut table: Vec<u8> = Vec::new();
    let mut offset_of: crate::hash::HashMap<&[u8], u64> = crate::hash::HashMap::with_capacity_and_hasher(unique.len(), Default::default());
    let mut previous: &[u8] = &[];
    for s in unique {
        if previous.ends_with(s) {
            let pos = table.len() as u64 - s.len() as u64;
            if pos % align == 0 {
                offset_of.insert(s, pos);
                continue;
            }
        }
        let start = align_to(table.len() as u64, align);
        table.resize(start as usize, 0);
        offset_of.insert(s, start);
        table.extend_from_slice(s);
        previous = s;
    }
    let offsets = strings.iter().map(|s| offset_of.get(s).copied().unwrap_or(0)).collect();
    (table, offsets)
}

/// Address of a defined data symbol (absolute, or relative to `__tls_base` for TLS
/// symbols when `absolute` is false).
pub fn data_address(ctx: &Ctx<'_>, layout: &MemoryLayout<'_>, def: Def, tls_relative: bool) -> u64 {
    let Def::Data { segment, offset, .. } = def else { return 0 };
    let Some(seg) = segment else { return offset };
    let s = &ctx.segments[seg.idx()];
    let within = segment_offset(s, offset);
    let Some(out) = s.out_seg else { return 0 };
    let out = layout.segments.get(out.idx());
    // (Saturating: the layout may have run past the address space, which the link reports
    // once the synthetic functions that ask for addresses are built.)
    let address = out.map_or(0, |o| o.start_va).saturating_add(within);
    if tls_relative {
        // From the first TLS segment: a link has one, but `-r` keeps COMDAT members apart,
        // and wasm-ld then counts from the start of the first.
        return match out {
            Some(o) if o.is_tls => {
                let tls_start = layout.segments.iter().find(|t| t.is_tls).map_or(0, |t| t.start_va);
                address.saturating_sub(tls_start)
            }
            _ => within,
        };
    }
    address
}

/// Offset of input `offset` of a segment within its output segment.
pub fn segment_offset(s: &crate::context::InputSegment, offset: u64) -> u64 {
    match &s.pieces {
        None => s.out_offset + offset,
        Some(pieces) => {
            let i = pieces.partition_point(|&(input, _)| input as u64 <= offset);
            match i.checked_sub(1).and_then(|i| pieces.get(i)) {
                Some(&(input, out)) => s.out_offset + out + (offset - input as u64),
                None => s.out_offset + offset,
            }
        }
    }
}

/// wasm-ld's `layoutMemory`.
pub fn layout_memory(ctx: &mut Ctx<'_>, layout: &mut MemoryLayout<'_>) {
    let o = ctx.options;
    let stack_first = o.stack_first;
    // Position-independent data starts at `__memory_base`, which the loader chooses.
    let global_base = o.global_base.unwrap_or(if stack_first || o.relocatable || o.is_pic() { 0 } else { 1024 });
    let mut ptr: u64 = 0;
    let place_stack = |ctx: &mut Ctx<'_>, ptr: &mut u64, layout: &mut MemoryLayout<'_>| {
        // The stack of a relocatable output is the final link's to place, that of a
        // position-independent one the loader's.
        if o.relocatable || o.is_pic() {
            return;
        }
        *ptr = align_to(*ptr, STACK_ALIGNMENT);
        layout.stack_low = *ptr;
        if o.stack_size % STACK_ALIGNMENT != 0 {
            ctx.error(Diagnostic::error(format!("stack size must be {STACK_ALIGNMENT}-byte aligned")));
        }
        *ptr = ptr.saturating_add(o.stack_size);
        layout.stack_high = *ptr;
    };
    if stack_first {
        place_stack(ctx, &mut ptr, layout);
        if o.global_base.is_some_and(|g| g != 0) {
            if global_base < ptr {
                ctx.error(Diagnostic::error("--global-base cannot be less than stack size when --stack-first is used"));
                return;
            }
            ptr = global_base;
        }
    } else {
        ptr = global_base;
    }
    layout.global_base = ptr;
    for seg in &mut layout.segments {
        ptr = align_to(ptr, 1u64 << seg.alignment);
        seg.start_va = ptr;
        ptr = ptr.saturating_add(seg.size);
    }
    if ctx.options.shared_memory && has_passive_segments(ctx, layout) {
        ptr = align_to(ptr, 4);
        let (flag, _) = ctx.insert_name("__wasm_init_memory_flag");
        let mut s = crate::context::Symbol::new("__wasm_init_memory_flag", crate::input::object::SymKind::Data);
        s.def = Def::Data { segment: None, offset: ptr, size: 4 };
        s.flags = crate::input::wasm::sym_flag::VISIBILITY_HIDDEN | crate::input::wasm::sym_flag::ABSOLUTE;
        ctx.replace_symbol(flag, s);
        ctx.mark_symbol_live(flag);
        ctx.sym.init_memory_flag = Some(flag);
        ptr = ptr.saturating_add(4);
    }
    layout.data_end = ptr;
    if !stack_first {
        place_stack(ctx, &mut ptr, layout);
    }
    // wasm-ld aligns the heap's start only when the program has a `__heap_base`.
    if ctx.sym.heap_base.is_some() {
        ptr = align_to(ptr, HEAP_ALIGNMENT);
    }
    layout.heap_base = ptr;
    // Huge options or segment alignments can push the layout past the address space;
    // wasm-ld wraps around there and writes an invalid module unless one of its own checks
    // fails, so weld reports this last, before writing (`address_overflow`).
    let address_space: u64 = if o.is64 { u64::MAX - WASM_PAGE_SIZE } else { 1 << 32 };
    let needed = ptr;

    let max_setting: u64 = if o.is64 { 1 << 34 } else { 1 << 32 };
    if let Some(heap) = o.initial_heap.filter(|&h| h != 0) {
        if heap % WASM_PAGE_SIZE != 0 {
            ctx.error(Diagnostic::error(format!("initial heap must be {WASM_PAGE_SIZE}-byte aligned")));
        }
        // Wrapping as in wasm-ld: past the address space this check passes, and the one
        // below says what is wrong.
        let max_heap = max_setting.wrapping_sub(ptr);
        if heap > max_heap {
            ctx.error(Diagnostic::error(format!("initial heap too large, cannot be greater than {max_heap}")));
        }
        ptr = ptr.saturating_add(heap);
    }
    if let Some(initial) = o.initial_memory.filter(|&m| m != 0) {
        if initial % WASM_PAGE_SIZE != 0 {
            ctx.error(Diagnostic::error(format!("initial memory must be {WASM_PAGE_SIZE}-byte aligned")));
        }
        if ptr > initial {
            ctx.error(Diagnostic::error(format!("initial memory too small, {ptr} bytes needed")));
        }
        if initial > max_setting {
            ctx.error(Diagnostic::error(format!("initial memory too large, cannot be greater than {max_setting}")));
        }
        ptr = initial;
    }
    ptr = align_to(ptr, WASM_PAGE_SIZE);
    layout.initial_pages = ptr / WASM_PAGE_SIZE;
    layout.heap_end = ptr;

    let mut max = 0u64;
    if let Some(m) = o.max_memory.filter(|&m| m != 0) {
        if m % WASM_PAGE_SIZE != 0 {
            ctx.error(Diagnostic::error(format!("maximum memory must be {WASM_PAGE_SIZE}-byte aligned")));
        }
        if ptr > m {
            ctx.error(Diagnostic::error(format!("maximum memory too small, {ptr} bytes needed")));
        }
        if m > max_setting {
            ctx.error(Diagnostic::error(format!("maximum memory too large, cannot be greater than {max_setting}")));
        }
        max = m;
    } else if o.no_growable_memory {
        max = ptr;
    }
    if o.shared_memory && max == 0 {
        // A position-independent module cannot know how far others will grow the memory.
        max = if o.is_pic() { max_setting } else { ptr };
    }
    layout.max_pages = if max != 0 { Some(max / WASM_PAGE_SIZE) } else { None };
    if needed > address_space {
        layout.address_overflow = Some(needed);
        return;
    }
    set_layout_symbols(ctx, layout);
}

/// Gives the linker-defined symbols their values.
fn set_layout_symbols(ctx: &mut Ctx<'_>, layout: &MemoryLayout<'_>) {
    let set = |ctx: &mut Ctx<'_>, s: Option<crate::context::SymbolId>, v: u64| {
        if let Some(s) = s {
            if let Def::Data { segment: None, size, .. } = ctx.sym(s).def {
                ctx.sym_mut(s).def = Def::Data { segment: None, offset: v, size };
            }
        }
    };
    let w = ctx.sym.clone();
    set(ctx, w.stack_low, layout.stack_low);
    set(ctx, w.stack_high, layout.stack_high);
    set(ctx, w.global_base, layout.global_base);
    set(ctx, w.dso_handle, layout.global_base);
    set(ctx, w.data_end, layout.data_end);
    set(ctx, w.heap_base, layout.heap_base);
    set(ctx, w.heap_end, layout.heap_end);
    set(ctx, w.table_base, ctx.options.table_base.unwrap_or(1));
    let set_global = |ctx: &mut Ctx<'_>, s: Option<crate::context::SymbolId>, v: u64| {
        if let Some(s) = s {
            if let Def::Global(g) = ctx.sym(s).def {
                ctx.globals[g.idx()].init = GlobalInit::Const(v);
            }
        }
    };
    set_global(ctx, w.stack_pointer, layout.stack_high);
    if let Some(tls) = layout.segments.iter().find(|s| s.is_tls) {
        set_global(ctx, w.tls_size, tls.size);
        set_global(ctx, w.tls_align, 1u64 << tls.alignment);
        if !ctx.options.shared_memory {
            set_global(ctx, w.tls_base, tls.start_va);
        }
    }
}

/// Position-independent output without `extended-const` has one base address for all its
/// data, `__memory_base`: the output segments become one `.data` segment, every input keeping
/// its address (wasm-ld's `combineOutputSegments`).
pub fn combine_output_segments(ctx: &mut Ctx<'_>, layout: &mut MemoryLayout<'_>) {
    let Some(first) = layout.segments.first() else { return };
    if layout.segments.len() == 1 {
        return;
    }
    let start = first.start_va;
    let mut combined = OutputSegment {
        name: ".data",
        index: 0,
        alignment: 0,
        is_bss: false,
        is_tls: false,
        init_flags: 0,
        parts: Vec::new(),
        size: 0,
        padding: 0,
        start_va: start,
    };
    let mut moved_by: Vec<u64> = Vec::new();
    for seg in layout.segments.drain(..) {
        let delta = seg.start_va - start;
        moved_by.push(delta);
        combined.alignment = combined.alignment.max(seg.alignment);
        // Alignment gaps between the old segments count as padding too.
        combined.padding = combined.padding.saturating_add(delta.saturating_sub(combined.size)).saturating_add(seg.padding);
        combined.size = delta.saturating_add(seg.size);
        for part in seg.parts {
            if let Part::Merged(m) = part {
                if let Some(merged) = layout.merged.get_mut(m) {
                    merged.out_offset += delta;
                }
            }
            combined.parts.push(part);
        }
    }
    // Input segments (and the members of merged string chunks) keep their addresses.
    for s in &mut ctx.segments {
        if let Some(delta) = s.out_seg.and_then(|o| moved_by.get(o.idx())) {
            s.out_offset += delta;
            s.out_seg = Some(OutSegId(0));
        }
    }
    layout.segments.push(combined);
}

/// Segments that `__wasm_init_memory` must initialise at run time.
pub fn needs_passive_init(ctx: &Ctx<'_>, layout: &MemoryLayout<'_>, seg: &OutputSegment<'_>) -> bool {
    (ctx.options.import_memory.is_some() && !seg.required_in_binary(layout.emit_bss)) || seg.init_flags & data_flag::IS_PASSIVE != 0
}

pub fn has_passive_segments(ctx: &Ctx<'_>, layout: &MemoryLayout<'_>) -> bool {
    layout.segments.iter().any(|s| needs_passive_init(ctx, layout, s))
}
