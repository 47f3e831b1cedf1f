// The engine's memory snapshot travels as a delta: Pyodide's snapshot (header + the 30 MiB heap) with the heap
// XOR'ed against the memory the wasm module starts with (its data segments, ~3.2 MB, which the .wasm file
// already carries). Unchanged bytes become zeros, so the file compresses far better (site_build/snapshot.py
// writes it; the worker and the build's Node check undo it here, the same code).
//
// How the worker uses it: Pyodide awaits `_loadSnapshot` before it instantiates the wasm, and restores it only
// after. So the worker hands Pyodide a zeroed view of the snapshot's length (the build puts it in the page) at
// once (no wait: the wasm compiles while the snapshot downloads), and fills it when the wasm is instantiated
// (`hookInstantiate`), from the fresh module's memory and the delta. If the hook never runs, the view stays
// zeroed and Pyodide's restore fails on its magic number: the worker then falls back to a normal start.
// (Pyodide's restoreSnapshot, 314.0.7: checks the magic number, then the build id, then parses the header's
// JSON, and only then copies the heap.)

/** Offset of the heap in a Pyodide snapshot: the uint32 at byte 4 of its header (src/js/snapshot.ts). */
export function heapOffset(bytes) {
  if (bytes.length < 8) throw new Error("snapshot truncated");
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
}

/**
 * XOR `bytes`' heap with `memory` (the module's initial memory) in place: a delta becomes the snapshot, and a
 * snapshot its delta. Returns `bytes`.
 */
export function xorHeap(bytes, memory) {
  const offset = heapOffset(bytes);
  const length = Math.min(bytes.length - offset, memory.length);
  const words = length >>> 2;
  if ((bytes.byteOffset + offset) % 4 === 0 && memory.byteOffset % 4 === 0) {
    const a = new Uint32Array(bytes.buffer, bytes.byteOffset + offset, words);
    const b = new Uint32Array(memory.buffer, memory.byteOffset, words);
    for (let i = 0; i < words; i += 1) if (b[i] !== 0) a[i] ^= b[i];
  } else {
    for (let i = 0; i < words * 4; i += 1) bytes[offset + i] ^= memory[i];
  }
  for (let i = words * 4; i < length; i += 1) bytes[offset + i] ^= memory[i];
  return bytes;
}

/** Where a snapshot header's JSON starts (magic, offset, JSON length, 4 spare bytes, 32-byte build id). */
const HEADER_JSON = 48;

/**
 * A zeroed view of `length` bytes Pyodide accepts as `_loadSnapshot` now, and `fill(delta, memory)` to make it
 * the snapshot later. A delta of another length (a cut download) is refused: `fill` returns why, and the view
 * gets only its header with the JSON part spoiled, so Pyodide still checks the magic number and the build id
 * (and says so), and otherwise fails on the JSON before it writes anything into the heap.
 */
export function laterView(length) {
  const view = new Uint8Array(length);
  return {
    view,
    fill(delta, memory) {
      if (delta.length === length) {
        view.set(xorHeap(delta, memory));
        return null;
      }
      const header = delta.length >= 8 ? Math.min(heapOffset(delta), 4096) : 0;  // garbage: at most 4 KiB
      view.set(delta.subarray(0, Math.min(delta.length, length, header)));
      view[HEADER_JSON] = 0;
      return `snapshot of ${delta.length} bytes, expected ${length}`;
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
