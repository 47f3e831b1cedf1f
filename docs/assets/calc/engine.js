// The page's side of the engine: one module Web Worker that holds Pyodide.
//
// The calculator template starts the worker from <head>, before the theme's bundle runs, and leaves it in
// `window.calcEngineBoot` ({worker, init, messages, errors}); the engine adopts that worker and replays what it
// said meanwhile. Without it (the early start failed, or another template), the engine starts its own.
//
// Requests are latest-wins: while one runs, only the newest waiting request is
// kept, and an answer to anything but the newest request is dropped, so a
// slow answer never overwrites a newer one.

/** Loading ends in failure when nothing (no byte, no step) happened for this long. */
const STALL_MS = 30000;

export class Engine {
  /**
   * @param {{worker: URL, init: object, onStatus: Function, onAnswer: Function}} options
   *   init: the worker's "init" message ({runtime, wheel, lock, version, build}), used if no worker was started early
   *   onStatus({state: "loading"|"ready"|"failed", stage, loaded, detail})
   *   onAnswer(answer, request) for the newest request only.
   */
  constructor(options) {
    this.options = options;
    this.state = "loading";
    this.seq = 0;
    this.latest = 0;
    this.waiting = null;
    this.running = null;
    this.timer = null;
    this.files = new Map();  // id -> resolve, for the .xlsx files the worker reads
    this.fileSeq = 0;
    this.ready = new Promise((resolve) => { this.whenReady = resolve; });
  }

  /** True while a request runs or waits: a new one would only queue. */
  get busy() {
    return this.state !== "ready" || this.running !== null || this.waiting !== null;
  }

  start() {
    const boot = window.calcEngineBoot;
    if (boot && boot.worker && !boot.adopted) {
      boot.adopted = true;
      this.init = boot.init || this.options.init;
      this.listen(boot.worker);
      this.touch();
      for (const message of boot.messages.splice(0)) this.receive(message);
      for (const detail of boot.errors.splice(0)) this.fail(detail);
      boot.worker.onmessage = (event) => this.receive(event.data);
      return;
    }
    // The snapshot's length (the worker needs it to restore the snapshot) and whether this page's calculator can
    // start without the stdlib zip are on #calc when calc.js's init lacks them.
    const root = document.getElementById("calc");
    const data = root ? root.dataset : {};
    const fromPage = Object.fromEntries([["snapshotBytes", data.snapshotBytes], ["lazyStdlib", data.lazyStdlib],
      ["snapshotCalculators", data.snapshotCalculators]].filter(([, value]) => value));
    this.init = { ...fromPage, ...this.options.init };
    this.spawn(this.init);
  }

  spawn(init) {
    let worker;
    try {
      worker = new Worker(this.options.worker, { type: "module", name: "calculators" });
    } catch (error) {
      this.fail(String(error));
      return;
    }
    this.listen(worker);
    worker.onmessage = (event) => this.receive(event.data);
    this.touch();
    worker.postMessage({ ...init, type: "init" });
  }

  /** The build's snapshot could not be restored: a new worker starts the engine the normal way. */
  fallback(detail) {
    if (this.state !== "loading") return;
    this.worker.onmessage = null;
    this.worker.terminate();
    this.spawn({ ...this.init, snapshot: "", stdlib: "", fallback: detail });
  }

  listen(worker) {
    this.worker = worker;
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || "worker error");
    };
    worker.onmessageerror = () => this.fail("message error");
  }

  touch() {
    clearTimeout(this.timer);
    if (this.state === "loading") this.timer = setTimeout(() => this.fail("timeout"), STALL_MS);
  }

  fail(detail) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    this.state = "failed";
    if (this.worker) this.worker.terminate();
    this.whenReady(false);
    for (const resolve of this.files.values()) resolve({ error: "unavailable", detail });
    this.files.clear();
    this.options.onStatus({ state: "failed", detail });
  }

  receive(message) {
    switch (message.type) {
      case "progress":
        if (this.state !== "loading") return;
        this.touch();
        this.options.onStatus({ state: "loading", stage: message.stage, loaded: message.loaded });
        break;
      case "ready":
        if (this.state !== "loading") return;
        clearTimeout(this.timer);
        this.state = "ready";
        this.whenReady(true);
        this.options.onStatus({ state: "ready", loaded: message.loaded, timings: message.timings });
        this.pump();
        break;
      case "failed":
        this.fail(message.detail);
        break;
      case "fallback":
        this.fallback(message.detail);
        break;
      case "result": {
        const request = this.running;
        this.running = null;
        this.pump();  // the next request is on its way before this answer is rendered
        if (request && request.id === message.id && message.id === this.latest) {
          this.options.onAnswer(JSON.parse(message.text), request);
        }
        break;
      }
      case "crash": {
        // A bug in the engine, not bad input: say so once, keep the page usable.
        const request = this.running;
        this.running = null;
        this.pump();
        console.error(`calculator ${request && request.name} failed: ${message.detail}`);
        if (request && message.id === this.latest) this.options.onAnswer({ crash: message.detail }, request);
        break;
      }
      case "xlsx": {
        const resolve = this.files.get(message.id);
        this.files.delete(message.id);
        if (resolve) resolve(message);
        break;
      }
      default:
        break;
    }
  }

  /**
   * The first sheet of an .xlsx file as rows of cells, read in the worker (which loads openpyxl the first time):
   * resolves to {text: the rows as JSON, timings} or {error: "not_xlsx" | "unavailable" | "crash", detail}.
   * `bytes` (an ArrayBuffer) is transferred.
   */
  async readXlsx(bytes) {
    if (!(await this.ready)) return { error: "unavailable", detail: "engine not loaded" };
    const id = ++this.fileSeq;
    return new Promise((resolve) => {
      this.files.set(id, resolve);
      this.worker.postMessage({ type: "xlsx", id, bytes }, [bytes]);
    });
  }

  /** Ask for `name` on `payload`; the answer comes to onAnswer unless a newer request overtakes it. */
  submit(name, payload, extra = {}) {
    const request = { id: ++this.seq, name, payload, ...extra };
    this.latest = request.id;
    this.waiting = request;
    this.pump();
    return request.id;
  }

  pump() {
    if (this.state !== "ready" || this.running || !this.waiting) return;
    const request = this.waiting;
    this.waiting = null;
    this.running = request;
    request.sent = performance.now();
    this.worker.postMessage({ type: "run", id: request.id, name: request.name, payload: request.payload });
  }
}
