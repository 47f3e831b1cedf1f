// The trimmed stdlib zip, only when something reads it (issue 22: bytes of a first visit).
//
// After a restore, the snapshot's calculators answer from the heap alone: nothing of theirs reads the stdlib zip
// (the build checks it, site_build/snapshot.mjs "verify"). So on their pages the worker gives Pyodide an empty
// placeholder at start and makes the placeholder's file a deferred one here: the first `open` of it (a lazy
// import through zipimport, a traceback's source line, importlib.resources...) gets the real bytes first, from
// `loadNow()` (the worker: a synchronous request, allowed in a dedicated worker), unless `put(bytes)` has
// written them already (the worker fetches them ahead, asynchronously, before a calculator outside the snapshot
// runs). zipimport keeps the real zip's directory in the heap (from the build) and reads the file only at the
// offsets it lists, so nothing may read the placeholder itself: every open goes through here.
// The worker and the build's Node check (site_build/snapshot.mjs) share this code.

/** Emscripten's EIO: what a failed load makes the `open` fail with (Python sees an OSError; the next open retries). */
const EIO = 29;

/**
 * Make the file at `path` of Emscripten's `FS` deferred: its first open first writes `loadNow()`'s bytes there.
 * Returns `{put(bytes), loaded}`: `put` writes the real bytes at once (no open needed; later calls do nothing),
 * `loaded` says whether they are in.
 */
export function deferFile(FS, path, loadNow) {
  const { node } = FS.lookupPath(path);
  const ops = node.stream_ops;
  const state = {
    loaded: false,
    put(bytes) {
      if (state.loaded) return;
      node.stream_ops = ops;  // first, so writeFile's own open is an ordinary one
      FS.writeFile(path, bytes);
      state.loaded = true;
    },
  };
  node.stream_ops = {
    ...ops,
    open(stream) {
      if (!state.loaded) {
        let bytes;
        try {
          bytes = loadNow();
        } catch (error) {
          console.warn(`engine: the stdlib could not be loaded: ${error && error.message || error}`);
          throw new FS.ErrnoError(EIO);  // only an ErrnoError becomes an errno; anything else would abort the wasm
        }
        state.put(bytes);
      }
      stream.stream_ops = ops;
      if (ops.open) ops.open(stream);
    },
  };
  return state;
}

/**
 * Where Pyodide put the stdlib zip in `FS` (/lib/python3NN.zip), found in the file system rather than asked of
 * Python (a first runPython costs 10-50 ms of a start). Throws when there is none.
 */
export function stdlibPath(FS) {
  const name = FS.readdir("/lib").find((entry) => /^python\d+\.zip$/.test(entry));
  if (!name) throw new Error("no stdlib zip in /lib");
  return `/lib/${name}`;
}

/** The bytes at `url`, fetched synchronously (a dedicated worker may; the service worker answers it as any fetch). */
export function fetchNow(url) {
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.responseType = "arraybuffer";
  request.send();
  if (request.status !== 200) throw new Error(`${request.status} ${url}`);
  return new Uint8Array(request.response);
}
