import assert from "node:assert/strict";
import { test } from "node:test";

import { MAGIC, expand, heapOffset, hookInstantiate, laterView, memoizeSmallModules, parseDelta } from
  "../../docs/assets/calc/snapshot-delta.mjs";

/** A fake snapshot: magic, heap offset 64, then `heap`. */
function snapshot(heap) {
  const bytes = new Uint8Array(64 + heap.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x706e7300, true);
  view.setUint32(4, 64, true);
  bytes.set(heap, 64);
  return bytes;
}

/**
 * The compact delta of `whole` against `memory`, written the way site_build/snapshot.py's compact_delta does
 * (runs of the XOR split at zero stretches of `gap` bytes or more; no alignment needed to read it back).
 */
function compact(whole, memory, gap = 4) {
  const offset = heapOffset(whole);
  const heap = whole.slice(offset);
  for (let i = 0; i < Math.min(heap.length, memory.length); i += 1) heap[i] ^= memory[i];
  const runs = [];
  let start = -1;
  let zeros = 0;
  for (let i = 0; i <= heap.length; i += 1) {
    if (i < heap.length && heap[i] !== 0) {
      if (start < 0) start = i;
      zeros = 0;
    } else if (start >= 0) {
      zeros += 1;
      if (zeros >= gap || i === heap.length) {
        runs.push([start, i - zeros + 1]);
        start = -1;
        zeros = 0;
      }
    }
  }
  const size = runs.reduce((sum, [a, b]) => sum + b - a, 0);
  const out = new Uint8Array(offset + 16 + runs.length * 8 + size);
  const view = new DataView(out.buffer);
  out.set(whole.subarray(0, offset));
  [MAGIC, heap.length, runs.length, memory.length].forEach((value, i) => view.setUint32(offset + i * 4, value, true));
  let at = offset + 16 + runs.length * 8;
  runs.forEach(([a, b], i) => {
    view.setUint32(offset + 16 + i * 8, a, true);
    view.setUint32(offset + 20 + i * 8, b - a, true);
    out.set(heap.subarray(a, b), at);
    at += b - a;
  });
  return out;
}

/** A pseudo-random generator (mulberry32): the property tests are the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sparse buffer: a few non-zero stretches, single bytes and stretches that copy `like` (zeros in the XOR). */
function sparse(next, length, like = new Uint8Array(0)) {
  const bytes = new Uint8Array(length);
  for (let k = Math.floor(next() * 12); k > 0; k -= 1) {
    const at = Math.floor(next() * length);
    const size = Math.floor(next() * 40) + 1;
    for (let i = at; i < Math.min(length, at + size); i += 1) {
      bytes[i] = i < like.length && next() < 0.3 ? like[i] : Math.floor(next() * 256);
    }
  }
  return bytes;
}

test("the compact delta leaves out the zero stretches and gives the snapshot back", () => {
  const memory = Uint8Array.from({ length: 40 }, (_, i) => i + 1);
  const heap = new Uint8Array(4096);
  heap.set(memory);  // unchanged since the start: not in the file
  heap[100] = 7;
  heap.fill(3, 2000, 2100);
  const whole = snapshot(heap);
  const delta = compact(whole, memory);
  const parsed = parseDelta(delta, whole.length);
  assert.deepEqual([...parsed.runs], [100, 1, 2000, 100]);
  assert.equal(delta.length, 64 + 16 + 16 + 101);
  assert.deepEqual(expand(delta, memory, new Uint8Array(whole.length)), whole);
});

test("random sparse snapshots make the round trip, against memories longer and shorter than the heap", () => {
  const next = random(22);
  for (let round = 0; round < 200; round += 1) {
    const length = 4 * (Math.floor(next() * 300) + 1);
    const memory = sparse(next, Math.floor(next() * 2 * length));
    const whole = snapshot(sparse(next, length, memory));
    const delta = compact(whole, memory, Math.floor(next() * 16) + 1);
    const memoryAfter = new Uint8Array(memory.length + 64);
    memoryAfter.set(memory);  // the instance's memory: the initial one, then zeros
    const later = laterView(whole.length);
    if (round % 2) assert.equal(later.take(delta), null);  // the runs placed first, as the worker does when it can
    assert.equal(later.fill(delta, memoryAfter), null, `round ${round}`);
    assert.deepEqual(later.view, whole, `round ${round}`);
  }
});

test("a cut or padded compact delta is refused, and the view keeps only a spoiled header", () => {
  const next = random(5);
  const memory = sparse(next, 200);
  const heap = sparse(next, 400, memory);
  heap.fill(9, 300, 340);  // at least one run
  const whole = snapshot(heap);
  const delta = compact(whole, memory);
  for (const bad of [delta.subarray(0, delta.length - 1), delta.subarray(0, 90), delta.subarray(0, 70),
    delta.subarray(0, 6), Uint8Array.from([...delta, 0])]) {
    const later = laterView(whole.length);
    const problem = later.fill(bad, memory);
    assert.match(problem, /cut|expected \d+ \(its runs\)|truncated/, `${bad.length} bytes`);
    assert.equal(later.view[48], 0);
    if (bad.length >= 64) assert.deepEqual(later.view.subarray(0, 48), whole.subarray(0, 48));  // magic, build id
    assert.equal(later.view.subarray(64).every((b) => b === 0), true);  // nothing of the heap
  }
});

test("runs placed before the instance exists: the view has no header until fill, and a cut delta is refused by both", () => {
  const memory = Uint8Array.from({ length: 24 }, (_, i) => 200 - i);
  const heap = new Uint8Array(256);
  heap.fill(4, 0, 30);
  heap.fill(8, 100, 140);
  const whole = snapshot(heap);
  const delta = compact(whole, memory);
  const later = laterView(whole.length);
  assert.equal(later.take(delta), null);
  assert.equal(later.view.subarray(0, 64).every((b) => b === 0), true);  // Pyodide would refuse it as it is
  assert.deepEqual(later.view.subarray(64 + 100, 64 + 140), heap.subarray(100, 140));  // past the memory: as is
  assert.equal(later.fill(delta, memory), null);
  assert.deepEqual(later.view, whole);

  const cut = laterView(whole.length);
  assert.match(cut.take(delta.subarray(0, delta.length - 3)), /expected \d+ \(its runs\)/);
  assert.match(cut.fill(delta.subarray(0, delta.length - 3), memory), /expected \d+ \(its runs\)/);
  assert.equal(cut.view[48], 0);
  assert.equal(cut.view.subarray(64).every((b) => b === 0), true);
});

test("a delta of another snapshot's length, or not a compact delta, is refused", () => {
  const memory = new Uint8Array(16).fill(5);
  const whole = snapshot(new Uint8Array(32).fill(9));
  const delta = compact(whole, memory);
  assert.match(laterView(whole.length + 4).fill(delta, memory), /snapshot of 96 bytes, expected 100/);
  const plain = whole.slice();  // the old format: the whole XOR'ed heap, no table
  assert.match(laterView(whole.length).fill(plain, memory), /not a compact snapshot delta/);
  const overlapping = delta.slice();
  const view = new DataView(overlapping.buffer);
  view.setUint32(64 + 8, 2, true);  // two runs claimed: the second one is the data read as a table entry
  assert.match(laterView(whole.length).fill(overlapping, memory), /bad run|its runs|cut/);
});

test("hookInstantiate skips probe modules, runs once for the module with a memory, then unhooks", async () => {
  class Memory { constructor() { this.buffer = new ArrayBuffer(8); } }
  class Instance { constructor(exports) { this.exports = exports; } }
  const results = [new Instance({}), { instance: new Instance({ memory: new Memory() }), module: {} }];
  const fake = { Memory, Instance, instantiate: async () => results.shift() };
  const original = fake.instantiate;
  const seen = [];
  hookInstantiate(fake, async (memory) => { seen.push(memory.length); });
  await fake.instantiate();  // a probe: no memory
  assert.equal(fake.instantiate === original, false);
  const made = await fake.instantiate();
  assert.deepEqual(seen, [8]);
  assert.ok(made.instance);
  assert.equal(fake.instantiate, original);
});

test("an error while filling is logged, never thrown into the instantiation", async () => {
  class Memory { constructor() { this.buffer = new ArrayBuffer(4); } }
  const fake = { Memory, Instance: class {}, instantiate: async () => ({ instance: { exports: { memory: new Memory() } } }) };
  const warn = console.warn;
  const said = [];
  console.warn = (text) => said.push(text);
  try {
    hookInstantiate(fake, async () => { throw new Error("no delta"); });
    const made = await fake.instantiate();
    assert.ok(made.instance);
  } finally {
    console.warn = warn;
  }
  assert.match(said.join(" "), /no delta/);
});

test("memoizeSmallModules compiles each small module once, larger ones every time, and undoes itself", () => {
  // A module exporting one function `f` that returns the constant k: (module (func (export "f") (result i32) i32.const k))
  const tiny = (k) => Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102,
    0, 0, 10, 6, 1, 4, 0, 65, k, 11);
  // The same module padded with a custom section past the size limit.
  const large = (k) => {
    const name = [1, 120];  // "x"
    const payload = new Array(300).fill(0);
    // section size: name.length + payload.length = 302 = 0xae 0x02 in LEB128
    return Uint8Array.of(...tiny(k), 0, 0xae, 0x02, ...name, ...payload);
  };
  const wasm = { Module: WebAssembly.Module, Instance: WebAssembly.Instance };
  const undo = memoizeSmallModules(wasm);
  const a = new wasm.Module(tiny(7));
  const b = new wasm.Module(tiny(7).slice());  // same bytes, another array
  const c = new wasm.Module(tiny(9));
  assert.equal(a, b);
  assert.notEqual(a, c);
  assert.ok(a instanceof WebAssembly.Module && a instanceof wasm.Module);
  // Each use still gets its own instance, with the right code.
  assert.equal(new wasm.Instance(a).exports.f(), 7);
  assert.equal(new wasm.Instance(b).exports.f(), 7);
  assert.equal(new wasm.Instance(c).exports.f(), 9);
  const big1 = new wasm.Module(large(5));
  const big2 = new wasm.Module(large(5));
  assert.notEqual(big1, big2);
  assert.equal(new wasm.Instance(big1).exports.f(), 5);
  assert.throws(() => new wasm.Module(Uint8Array.of(1, 2, 3)), WebAssembly.CompileError);
  undo();
  assert.equal(wasm.Module, WebAssembly.Module);
  assert.notEqual(new wasm.Module(tiny(7)), a);
});
