// The page's side of the engine: one module Web Worker that holds Pyodide.
//
// Requests are latest-wins: while one runs, only the newest waiting request is
// kept, and an answer to anything but the newest request is dropped, so a
// slow answer never overwrites a newer one.

/** Loading ends in failure when nothing (no byte, no step) happened for this long. */
const STALL_MS = 30000;

export class Engine {
  /**
   * @param {{worker: URL, runtime: URL, wheel: URL, onStatus: Function, onAnswer: Function}} options
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
  }

  start() {
    const { worker, runtime, wheel } = this.options;
    try {
      this.worker = new Worker(worker, { type: "module", name: "calculators" });
    } catch (error) {
      this.fail(String(error));
      return;
    }
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || "worker error");
    };
    this.worker.onmessageerror = () => this.fail("message error");
    this.touch();
    this.worker.postMessage({ type: "init", runtime: runtime.href, wheel: wheel.href });
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
        clearTimeout(this.timer);
        this.state = "ready";
        this.options.onStatus({ state: "ready", loaded: message.loaded, timings: message.timings });
        this.pump();
        break;
      case "failed":
        this.fail(message.detail);
        break;
      case "result": {
        const request = this.running;
        this.running = null;
        if (request && request.id === message.id && message.id === this.latest) {
          this.options.onAnswer(JSON.parse(message.text), request);
        }
        this.pump();
        break;
      }
      case "crash": {
        // A bug in the engine, not bad input: say so once, keep the page usable.
        const request = this.running;
        this.running = null;
        console.error(`calculator ${request && request.name} failed: ${message.detail}`);
        if (request && message.id === this.latest) this.options.onAnswer({ crash: message.detail }, request);
        this.pump();
        break;
      }
      default:
        break;
    }
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
