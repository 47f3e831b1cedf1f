import assert from "node:assert/strict";
import { test } from "node:test";

import { deferFile, stdlibPath } from "../../docs/assets/calc/lazy-stdlib.mjs";

/** Just enough of Emscripten's FS: one file, and `open` as FS.open does it (the node's stream_ops, then open). */
function fakeFS(initial) {
  class ErrnoError extends Error {
    constructor(errno) {
      super(`errno ${errno}`);
      this.errno = errno;
    }
  }
  const node = { contents: initial, stream_ops: { read: () => "read" } };
  const FS = {
    ErrnoError,
    writes: 0,
    lookupPath: () => ({ node }),
    writeFile(path, bytes) {
      const stream = FS.open(path);  // FS.writeFile opens the file too
      stream.node.contents = bytes;
      FS.writes += 1;
    },
    open() {
      const stream = { node, stream_ops: node.stream_ops };
      if (stream.stream_ops.open) stream.stream_ops.open(stream);
      return stream;
    },
  };
  return { FS, node };
}

test("the real bytes are loaded by the first open, once, and the stream reads as before", () => {
  const { FS, node } = fakeFS(new Uint8Array(0));
  let loads = 0;
  const deferred = deferFile(FS, "/lib/python314.zip", () => { loads += 1; return Uint8Array.of(1, 2, 3); });
  assert.equal(loads, 0);
  assert.equal(deferred.loaded, false);
  const stream = FS.open("/lib/python314.zip");
  assert.equal(loads, 1);
  assert.deepEqual(node.contents, Uint8Array.of(1, 2, 3));
  assert.equal(stream.stream_ops.read(), "read");
  assert.equal(stream.stream_ops.open, undefined);  // the ordinary operations again
  FS.open("/lib/python314.zip");
  assert.equal(loads, 1);
  assert.equal(deferred.loaded, true);
});

test("bytes put ahead are written at once, and no open loads them again", () => {
  const { FS, node } = fakeFS(new Uint8Array(0));
  const deferred = deferFile(FS, "/lib/python314.zip", () => { throw new Error("not needed"); });
  deferred.put(Uint8Array.of(7));
  deferred.put(Uint8Array.of(8));  // a second put (a late fetch) changes nothing
  assert.deepEqual(node.contents, Uint8Array.of(7));
  FS.open("/lib/python314.zip");
  assert.equal(FS.writes, 1);
});

test("a failed load fails the open with EIO, and the next open tries again", (t) => {
  t.mock.method(console, "warn", () => {});
  const { FS, node } = fakeFS(new Uint8Array(0));
  let attempts = 0;
  deferFile(FS, "/lib/python314.zip", () => {
    attempts += 1;
    if (attempts === 1) throw new Error("offline");
    return Uint8Array.of(5);
  });
  assert.throws(() => FS.open("/lib/python314.zip"), (error) => error instanceof FS.ErrnoError && error.errno === 29);
  assert.equal(node.contents.length, 0);
  FS.open("/lib/python314.zip");
  assert.equal(attempts, 2);
  assert.deepEqual(node.contents, Uint8Array.of(5));
});

test("the stdlib zip is found in /lib by its name, and its absence is an error", () => {
  const lib = (names) => ({ readdir: (path) => (path === "/lib" ? names : []) });
  assert.equal(stdlibPath(lib([".", "..", "python3.14", "python314.zip"])), "/lib/python314.zip");
  assert.throws(() => stdlibPath(lib([".", "..", "python3.14", "python314.zip.bak"])), /no stdlib zip/);
});
