import assert from "node:assert/strict";
import { test } from "node:test";

import { heapOffset, hookInstantiate, laterView, xorHeap } from "../../docs/assets/calc/snapshot-delta.mjs";

/** A fake snapshot: magic, heap offset 64, then `heap`. */
function snapshot(heap) {
  const bytes = new Uint8Array(64 + heap.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x706e7300, true);
  view.setUint32(4, 64, true);
  bytes.set(heap, 64);
  return bytes;
}

test("xorHeap turns a snapshot into its delta and back, leaving the header alone", () => {
  const heap = Uint8Array.from({ length: 103 }, (_, i) => (i * 7) % 256);
  const memory = Uint8Array.from({ length: 50 }, (_, i) => (i * 13 + 1) % 256);
  const original = snapshot(heap);
  const delta = xorHeap(original.slice(), memory);
  assert.deepEqual(delta.subarray(0, 64), original.subarray(0, 64));
  assert.notDeepEqual(delta, original);
  assert.deepEqual(delta.subarray(64 + 50), original.subarray(64 + 50));  // past the memory: unchanged
  assert.deepEqual(xorHeap(delta, memory), original);
});

test("bytes equal to the initial memory become zeros in the delta", () => {
  const memory = Uint8Array.from({ length: 40 }, (_, i) => i + 1);
  const delta = xorHeap(snapshot(memory.slice()), memory);
  assert.equal(delta.subarray(64).every((b) => b === 0), true);
  assert.equal(heapOffset(delta), 64);
});

test("laterView fills a view of the announced length, and refuses a cut delta with its header spoiled", () => {
  const memory = new Uint8Array(16).fill(5);
  const whole = snapshot(new Uint8Array(32).fill(9));
  const later = laterView(whole.length);
  assert.equal(later.view.length, whole.length);
  assert.equal(later.fill(xorHeap(whole.slice(), memory), memory), null);
  assert.deepEqual(later.view, whole);

  const cut = laterView(whole.length);
  const problem = cut.fill(whole.subarray(0, 80), memory);
  assert.match(problem, /snapshot of 80 bytes, expected 96/);
  assert.deepEqual(cut.view.subarray(0, 48), whole.subarray(0, 48));  // magic and build id kept for Pyodide
  assert.equal(cut.view[48], 0);
  assert.equal(cut.view.subarray(64).every((b) => b === 0), true);  // nothing of the heap
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
