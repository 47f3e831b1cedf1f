// The engine's memory snapshot travels as a compact delta: Pyodide's snapshot (header + the 30 MiB heap) with the
// heap XOR'ed against the memory the wasm module starts with (its data segments, ~3.2 MB, which the .wasm file
// already carries), and then only the parts of that XOR that are not zero. Of the 30 MiB heap about 4 MB differ
// from the initial memory; long zero stretches are left out, so the file is ~7.5 MB instead of 31 MB: less to
// decode from brotli, to keep in Cache Storage and to read back on every later visit (site_build/snapshot.py
// writes it; the worker and the build's Node check undo it here, the same code).
//
// The file (numbers are little-endian uint32):
//   [0, H)          Pyodide's snapshot header, as is (H = the uint32 at byte 4: where its heap starts)
//   H + 0           MAGIC ("SPR1")
//   H + 4           the heap's length L: the snapshot is H + L bytes
//   H + 8           n, the number of runs
//   H + 12          E, how many bytes of the initial memory the delta was made against (its data segments' end)
//   H + 16          n × (offset, length): runs of the heap that differ from the initial memory, ascending, apart
//   H + 16 + 8n     the runs' bytes (heap XOR initial memory), one after the other, to the end of the file
// Every byte of the heap outside the runs is the initial memory's (zero past E).
//
// How the worker uses it: Pyodide awaits `_loadSnapshot` before it instantiates the wasm, and restores it only
// after. So the worker hands Pyodide a zeroed view of the snapshot's full length (the build puts it in the page)
// at once (no wait: the wasm compiles while the snapshot downloads), and fills it when the wasm is instantiated
// (`hookInstantiate`), from the fresh module's memory and the compact delta. If the hook never runs, the view
// stays zeroed and Pyodide's restore fails on its magic number; a cut or wrong file is refused before anything
// of it is written and the view gets a spoiled header: the worker then falls back to a normal start.
// (Pyodide's restoreSnapshot, 314.0.7: checks the magic number, then the build id, then parses the header's
// JSON, and only then copies the heap.)

/** "SPR1": the compact delta's own magic number, right after Pyodide's header. */
export const MAGIC = 0x31525053;
/** Bytes of the compact delta's own header (magic, heap length, run count, initial memory's extent). */
const OWN_HEADER = 16;

/** Offset of the heap in a Pyodide snapshot: the uint32 at byte 4 of its header (src/js/snapshot.ts). */
export function heapOffset(bytes) {
  if (bytes.length < 8) throw new Error("snapshot truncated");
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
}

/**
 * The compact delta's layout, checked against the file's length and the snapshot's announced `length` (the
 * runs ascending, apart, inside the heap, and their bytes ending exactly where the file does): {header, heap,
 * extent, runs: Uint32Array of offset/length pairs, data: where the runs' bytes start}. Throws why not.
 */
export function parseDelta(delta, length) {
  const header = heapOffset(delta);
  if (header < 8 || header + OWN_HEADER > delta.length) throw new Error(`compact delta cut (${delta.length} bytes)`);
  const view = new DataView(delta.buffer, delta.byteOffset, delta.byteLength);
  if (view.getUint32(header, true) !== MAGIC) throw new Error("not a compact snapshot delta");
  const heap = view.getUint32(header + 4, true);
  const count = view.getUint32(header + 8, true);
  const extent = view.getUint32(header + 12, true);
  if (header + heap !== length) throw new Error(`snapshot of ${header + heap} bytes, expected ${length}`);
  const data = header + OWN_HEADER + count * 8;
  if (data > delta.length) throw new Error(`compact delta cut (${delta.length} bytes, its table ends at ${data})`);
  const runs = new Uint32Array(count * 2);
  let end = 0;
  let total = 0;
  for (let i = 0; i < count * 2; i += 2) {
    const offset = view.getUint32(header + OWN_HEADER + i * 4, true);
    const size = view.getUint32(header + OWN_HEADER + i * 4 + 4, true);
    if (offset < end || size === 0 || offset + size > heap) throw new Error(`compact delta: bad run ${i / 2}`);
    runs[i] = offset;
    runs[i + 1] = size;
    end = offset + size;
    total += size;
  }
  if (data + total !== delta.length) {
    throw new Error(`snapshot of ${delta.length} bytes, expected ${data + total} (its runs)`);  // cut or padded
  }
  return { header, heap, extent, runs, data };
}

/**
 * First half of undoing the delta, as soon as it is there (the wasm may not be instantiated yet): the runs'
 * bytes into the zeroed `target` (`target.length` = the snapshot's length) at their places in the heap. Returns
 * the delta's layout (parseDelta); throws before writing anything if the delta is cut or does not fit `target`.
 */
export function placeRuns(delta, target) {
  const layout = parseDelta(delta, target.length);
  const { header, runs } = layout;
  let at = layout.data;
  for (let i = 0; i < runs.length; i += 2) {
    target.set(delta.subarray(at, at + runs[i + 1]), header + runs[i]);
    at += runs[i + 1];
  }
  return layout;
}

/**
 * Second half, once the instance exists: the heap's first bytes XOR'ed with `memory` (the module's initial
 * memory: its data segments, zeros past `extent`), then the header, last (a view without it is refused).
 */
export function mixMemory(delta, layout, memory, target) {
  const { header, heap, extent } = layout;
  const base = Math.min(extent, heap, memory.length);
  let done = 0;
  if ((target.byteOffset + header) % 4 === 0 && memory.byteOffset % 4 === 0) {
    const words = base >>> 2;
    const a = new Uint32Array(target.buffer, target.byteOffset + header, words);
    const b = new Uint32Array(memory.buffer, memory.byteOffset, words);
    for (let i = 0; i < words; i += 1) a[i] ^= b[i];
    done = words * 4;
  }
  for (let i = done; i < base; i += 1) target[header + i] ^= memory[i];
  target.set(delta.subarray(0, header));
  return target;
}

/**
 * Write the snapshot the compact `delta` stands for into `target` (zeroed, `target.length` = the snapshot's
 * length), from `memory` (the module's initial memory). Throws before writing anything if the delta is cut or
 * does not fit `target`.
 */
export function expand(delta, memory, target) {
  return mixMemory(delta, placeRuns(delta, target), memory, target);
}

/** Where a snapshot header's JSON starts (magic, offset, JSON length, 4 spare bytes, 32-byte build id). */
const HEADER_JSON = 48;

/**
 * A zeroed view of `length` bytes Pyodide accepts as `_loadSnapshot` now, `take(delta)` to place the delta's runs
 * in it as soon as the delta is there (optional: the heavier half of the work, done before the wasm is
 * instantiated when the delta comes first), and `fill(delta, memory)` to make it the snapshot once the instance
 * exists. A delta that does not fit (a cut download, another file) is refused: `take` and `fill` return why, and
 * the view gets only its header with the JSON part spoiled, so Pyodide still checks the magic number and the
 * build id (and says so), and otherwise fails on the JSON before it writes anything into the heap.
 */
export function laterView(length) {
  const view = new Uint8Array(length);
  let taken = null;  // {delta, layout} or {delta, problem}
  const take = (delta) => {
    if (taken && taken.delta === delta) return taken.problem || null;
    try {
      taken = { delta, layout: placeRuns(delta, view) };
      return null;
    } catch (error) {
      // placeRuns wrote nothing (it checks first), never the header: Pyodide stops at the spoiled JSON.
      const header = delta.length >= 8 ? Math.min(heapOffset(delta), 4096) : 0;  // garbage: at most 4 KiB
      view.set(delta.subarray(0, Math.min(delta.length, length, header)));
      view[HEADER_JSON] = 0;
      taken = { delta, problem: error.message };
      return taken.problem;
    }
  };
  return {
    view,
    take,
    fill(delta, memory) {
      const problem = take(delta);
      if (problem) return problem;
      mixMemory(delta, taken.layout, memory, view);
      return null;
    },
  };
}

/**
 * Until the first wasm instance with an exported memory is made: call `onInstance(memoryBytes)` right after it is instantiated (before
 * Emscripten runs anything in it) and let the instantiation resolve only once that is done (an error in it is
 * only logged). Returns `undo`.
 */
export function hookInstantiate(wasm, onInstance) {
  const originals = { instantiate: wasm.instantiate, instantiateStreaming: wasm.instantiateStreaming };
  const undo = () => Object.assign(wasm, originals);
  const wrap = (original) => async function hooked(...args) {
    const result = await original.apply(wasm, args);
    const instance = result instanceof wasm.Instance ? result : result.instance;
    const memory = instance && instance.exports.memory;
    if (!(memory instanceof wasm.Memory)) return result;  // a probe (Pyodide tests features with tiny modules)
    undo();
    try {
      await onInstance(new Uint8Array(memory.buffer));
    } catch (error) {
      // Never reject here: Pyodide swallows a failed instantiation and would wait forever. The snapshot stays
      // empty instead, and its restore fails (then the worker falls back).
      console.warn(`engine snapshot: ${error && error.message || error}`);
    }
    return result;
  };
  if (originals.instantiate) wasm.instantiate = wrap(originals.instantiate);
  if (originals.instantiateStreaming) wasm.instantiateStreaming = wrap(originals.instantiateStreaming);
  return undo;
}

/** Bytes up to which a module is one of Emscripten's one-function adapters (memoizeSmallModules). */
const SMALL_MODULE_BYTES = 256;

/**
 * While the restored runtime links itself, Emscripten wraps every JS function it puts in the wasm table in a
 * one-function module of its own (`convertJsFunctionToWasm`: ~40 bytes, built from the function's signature) and
 * compiles it synchronously: 260 compiles for 29 distinct modules in Pyodide 314.0.7. Until `undo`,
 * `new wasm.Module(bytes)` of at most SMALL_MODULE_BYTES gives the module already compiled from the same bytes
 * (a compiled module has no state of its own: each use makes its own instance); anything larger is compiled as
 * before. Returns `undo`.
 */
export function memoizeSmallModules(wasm) {
  const Original = wasm.Module;
  const compiled = new Map();
  wasm.Module = new Proxy(Original, {
    construct(target, args, newTarget) {
      const [source] = args;
      const bytes = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
        : source instanceof ArrayBuffer ? new Uint8Array(source) : null;
      if (!bytes || bytes.length > SMALL_MODULE_BYTES || newTarget !== wasm.Module) {
        return Reflect.construct(target, args, newTarget === wasm.Module ? target : newTarget);
      }
      const key = bytes.join(",");
      let module = compiled.get(key);
      if (!module) {
        module = Reflect.construct(target, args, target);
        compiled.set(key, module);
      }
      return module;
    },
  });
  return () => { wasm.Module = Original; };
}
