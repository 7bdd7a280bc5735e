// loader.js shows the poster (poster.js), downloads raftplay.wasm with a
// progress readout beside it (in another page's iframe, once it is in view;
// with start=click, once the play button is pressed), compiling it as it
// comes, starts it with Go's wasm_exec.js, registers the service worker
// once the first frame is drawn, and turns every way that can fail into a
// plain-text message on the page, because in a classroom the console is
// not where anyone looks. It leaves location.search alone: the wasm reads
// its own options from the query string.
"use strict";

(() => {
  const wasmURL = "raftplay.wasm";
  // Enough of the Go program's stderr to show a panic message and the top of
  // its stack without flooding the page.
  const stderrTailChars = 4000;

  const loader = document.getElementById("raftplay-loader");
  const status = document.getElementById("raftplay-status");
  const progress = document.getElementById("raftplay-progress");
  const errorBox = document.getElementById("raftplay-error");
  const posterSVG = document.getElementById("raftplay-poster");
  const playButton = document.getElementById("raftplay-play");

  let failed = false;
  let stderrTail = "";

  // fail shows headline and detail in the loader overlay and keeps it up.
  // The wasm may already have removed the overlay from the page, so it is put
  // back: an error nobody sees is worse than one covering a dead canvas.
  function fail(headline, detail) {
    failed = true;
    if (!loader.isConnected) {
      document.body.appendChild(loader);
    }
    loader.hidden = false;
    progress.hidden = true;
    status.textContent = headline;
    errorBox.textContent = detail;
    errorBox.hidden = false;
  }

  // missingFeature names the first thing this browser lacks, or returns "".
  function missingFeature() {
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      return "This browser does not support WebAssembly. Use a current Firefox, Chrome, Edge or Safari.";
    }
    if (!webGLAvailable()) {
      return "WebGL is not available, and the playground draws with it. " +
        "Turn on hardware acceleration in the browser settings, or try another browser or computer.";
    }
    return "";
  }

  function webGLAvailable() {
    const canvas = document.createElement("canvas");
    let gl = null;
    try {
      gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
    } catch (err) {
      return false;
    }
    if (!gl) {
      return false;
    }
    // Browsers cap how many WebGL contexts live at once and drop the oldest;
    // release this probe now so it never counts against the playground's.
    const lose = gl.getExtension("WEBGL_lose_context");
    if (lose) {
      lose.loseContext();
    }
    return true;
  }

  // captureStderr keeps the tail of what the Go program writes to stderr, so
  // that a panic can be shown on the page and not only in the console.
  // wasm_exec.js routes all output through globalThis.fs.writeSync.
  function captureStderr() {
    const fs = globalThis.fs;
    const writeSync = fs.writeSync;
    const decoder = new TextDecoder("utf-8");
    fs.writeSync = function (fd, buf) {
      if (fd === 2) {
        stderrTail = (stderrTail + decoder.decode(buf, { stream: true })).slice(-stderrTailChars);
      }
      return writeSync.call(this, fd, buf);
    };
  }

  // mark sets a performance mark: the loader's steps to a running program,
  // raftplay:fetch (the download starts), raftplay:response (its headers
  // are in), raftplay:downloaded (its last byte is in) and
  // raftplay:instantiated (the module is compiled and instantiated). The Go
  // program sets the marks after them (cmd/wasm/marks_js.go), so the
  // browser's performance panel and the first-frame benchmark can tell
  // where the time to the first frame went.
  function mark(name) {
    if (typeof performance === "object" && typeof performance.mark === "function") {
      performance.mark("raftplay:" + name);
    }
  }

  function megabytes(n) {
    return (n / 1e6).toFixed(1) + " MB";
  }

  // showProgress reports a download of received bytes. When the response is
  // content-encoded, Content-Length counts the compressed bytes while the
  // stream yields decoded ones, so the two cannot be compared and the bar
  // stays indeterminate.
  function showProgress(received, contentLength, encoded) {
    progress.hidden = false;
    if (contentLength > 0 && !encoded) {
      progress.max = contentLength;
      progress.value = Math.min(received, contentLength);
      status.textContent = `Downloading raftplay: ${megabytes(received)} of ${megabytes(contentLength)}`;
      return;
    }
    progress.removeAttribute("value");
    let text = `Downloading raftplay: ${megabytes(received)} received`;
    if (contentLength > 0) {
      text += ` (sent compressed as ${megabytes(contentLength)})`;
    }
    status.textContent = text;
  }

  // loadError is a failure to get the program running, with the headline
  // the page shows for it; its message is the detail.
  class loadError extends Error {
    constructor(headline, detail) {
      super(detail);
      this.headline = headline;
    }
  }

  // downloadFailed is the loadError for a download that failed.
  function downloadFailed(detail) {
    return new loadError("raftplay could not be downloaded.", detail);
  }

  // request fetches url and returns its response once the headers are in.
  async function request(url) {
    let response;
    mark("fetch");
    try {
      response = await fetch(url);
    } catch (err) {
      throw downloadFailed(`Could not download ${url}: ${err.message}. Is the server still running?`);
    }
    if (!response.ok) {
      const reason = `HTTP ${response.status}${response.statusText ? " " + response.statusText : ""}`;
      const hint = response.status === 404 ? " It is generated by the build; run make and reload." : "";
      throw downloadFailed(`Downloading ${url} failed: ${reason}.${hint}`);
    }
    mark("response");
    return response;
  }

  // readBody reads response's body to its end, showing progress, and
  // returns its bytes, or with keep false only counts them.
  async function readBody(response, url, keep) {
    const encoding = (response.headers.get("Content-Encoding") || "identity").toLowerCase();
    const encoded = encoding !== "identity";
    const contentLength = Number(response.headers.get("Content-Length")) || 0;
    showProgress(0, contentLength, encoded);
    try {
      if (!response.body) {
        return new Uint8Array(await response.arrayBuffer());
      }
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        if (keep) {
          chunks.push(value);
        }
        received += value.length;
        showProgress(received, contentLength, encoded);
      }
      return join(chunks);
    } catch (err) {
      throw downloadFailed(`The download of ${url} broke off: ${err.message}. Reload to try again.`);
    }
  }

  // join puts chunks together into one array.
  function join(chunks) {
    const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  }

  // rejected is the loadError for a module the browser would not compile
  // or instantiate.
  function rejected(url, err) {
    return new loadError("raftplay could not be started.",
      `The browser rejected ${url}: ${err.message}. ` +
      "It may be damaged or built for another Go version than wasm_exec.js; rebuild with make.");
  }

  // compilesFromStream reports whether the browser can compile response as
  // it downloads: it must have instantiateStreaming, which takes only a
  // response typed exactly application/wasm.
  function compilesFromStream(response) {
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    return typeof WebAssembly.instantiateStreaming === "function" && type === "application/wasm";
  }

  // instantiate downloads the module at url and instantiates it with
  // imports. Where it can, the browser compiles the module from the
  // response itself, as the bytes come, and (the response carrying its URL)
  // keeps the compiled code for the next visit, so a return visit skips
  // most of the compiling and runs optimized code from the start; a copy of
  // the body is read alongside for the progress bar. Otherwise the bytes
  // are read whole and then compiled.
  async function instantiate(url, imports) {
    const response = await request(url);
    if (!compilesFromStream(response)) {
      const bytes = await readBody(response, url, true);
      downloaded();
      try {
        return (await WebAssembly.instantiate(bytes, imports)).instance;
      } catch (err) {
        throw rejected(url, err);
      }
    }
    const copy = response.clone();
    const compiling = WebAssembly.instantiateStreaming(response, imports);
    // A module refused early must not count as an unhandled rejection while
    // the copy is still being read; it is awaited below.
    compiling.catch(() => {});
    // A download that breaks off fails the compile too; the broken download
    // is the cause worth reporting.
    await readBody(copy, url, false);
    downloaded();
    try {
      return (await compiling).instance;
    } catch (err) {
      throw rejected(url, err);
    }
  }

  // downloaded marks the last byte in and says what comes next.
  function downloaded() {
    mark("downloaded");
    status.textContent = "Starting raftplay…";
    progress.hidden = true;
  }

  // hideWhenRunning removes the overlay once the wasm has published
  // window.raftplay. The wasm also removes it on its first frame; this is the
  // backstop so the overlay never sticks over a running playground.
  function hideWhenRunning() {
    const timer = setInterval(() => {
      if (failed) {
        clearInterval(timer);
      } else if (window.raftplay) {
        clearInterval(timer);
        loader.hidden = true;
      }
    }, 100);
  }

  // A trap inside the wasm (out of memory, a runtime fault) surfaces as an
  // uncaught WebAssembly.RuntimeError in whichever event handler resumed Go,
  // not as a rejection of go.run, so it is caught here.
  function reportTraps() {
    const report = (err) => {
      if (err instanceof WebAssembly.RuntimeError) {
        fail("raftplay crashed.", `${err.message}\n${stderrTail}`.trim());
      }
    };
    window.addEventListener("error", (event) => report(event.error));
    window.addEventListener("unhandledrejection", (event) => report(event.reason));
  }

  // keepOffline registers the service worker (sw.js) that lets the
  // playground start with no network after this visit. Browsers run workers
  // only in secure contexts (https, localhost); elsewhere, e.g. a classroom
  // server on a LAN address over plain http, the page just stays online. A
  // worker that cannot register or install is reported once in the console
  // and changes nothing else: offline use is a bonus, never a reason to fail.
  function keepOffline() {
    if (!window.isSecureContext || !("serviceWorker" in navigator)) {
      return;
    }
    let reported = false;
    const report = (reason) => {
      if (!reported) {
        reported = true;
        console.warn(`raftplay: offline use is not available: ${reason}`);
      }
    };
    const hadController = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (hadController) {
        console.info("raftplay: a new version has been saved for offline use; reload to run it");
      }
    });
    navigator.serviceWorker.register("sw.js", { updateViaCache: "none" }).then((registration) => {
      // A page served from the cache asks at once whether the host has a
      // new build (the browser's own check after a navigation may wait for
      // a long while). Offline the check fails, which is expected.
      if (hadController) {
        registration.update().catch(() => {});
      }
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        // A worker that goes from installing straight to redundant failed
        // to cache the site; one replaced later by a newer build did not.
        let installed = false;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" || worker.state === "activating") {
            installed = true;
          } else if (worker.state === "redundant" && !installed) {
            report("the service worker could not cache the site (is every file built?)");
          }
        });
      });
    }, (err) => report(err.message));
  }

  // gateFrames lets a resting playground cost the page next to nothing.
  // Ebiten asks for an animation frame every 1/60 s even when it has
  // nothing to update or draw, and each one wakes the Go program. While
  // the game says it rests (it needs no frames: paused, nothing moving,
  // nobody touching it), the frames it asks for are held, and let go when
  // it asks for frames again or when the reader does anything on the page.
  // Installed before the program starts, since Ebiten keeps the function
  // it finds then.
  function gateFrames() {
    const raf = window.requestAnimationFrame.bind(window);
    let resting = false, held = [];
    const wake = () => {
      resting = false;
      const callbacks = held;
      held = [];
      callbacks.forEach(raf);
    };
    window.requestAnimationFrame = (callback) => {
      if (!resting) {
        return raf(callback);
      }
      held.push(callback);
      return 0;
    };
    for (const type of ["keydown", "keyup", "pointerdown", "pointerup", "pointermove", "wheel", "touchstart", "touchmove", "touchend", "resize", "focus", "blur", "visibilitychange"]) {
      window.addEventListener(type, wake, {capture: true, passive: true});
    }
    window.raftplayRest = (on) => on ? (resting = true) : wake();
  }

  async function start() {
    const missing = missingFeature();
    if (missing) {
      fail("raftplay cannot run in this browser.", missing);
      return;
    }
    if (typeof Go !== "function") {
      fail("raftplay could not be started.",
        "wasm_exec.js did not load, so the Go program cannot be started. " +
        "It is generated by the build; run make and reload.");
      return;
    }
    captureStderr();

    const go = new Go();
    let exitCode = null;
    const exit = go.exit;
    go.exit = (code) => {
      exitCode = code;
      exit(code);
    };
    let instance;
    try {
      instance = await instantiate(wasmURL, go.importObject);
      mark("instantiated");
    } catch (err) {
      fail(err.headline || "raftplay could not be started.", err.message);
      return;
    }

    reportTraps();
    hideWhenRunning();
    gateFrames();
    try {
      await go.run(instance);
    } catch (err) {
      fail("raftplay crashed.", `${err.message}\n${stderrTail}`.trim());
      return;
    }
    // Exit code 0 is a deliberate stop; anything else is a panic or a fatal
    // error, whose explanation is in stderr.
    fail(exitCode === 0 ? "raftplay stopped." : "raftplay crashed.",
      `The Go program exited with code ${exitCode}. Reload the page to start again.\n${stderrTail}`.trim());
  }

  // keepOfflineOnceDrawn registers the service worker once the playground
  // has drawn its first frame, which the wasm marks by taking the overlay off
  // the page. Installing the worker downloads and stores the whole site
  // again, which on a first visit would compete with the page's own start
  // for the network and the CPU.
  function keepOfflineOnceDrawn() {
    const timer = setInterval(() => {
      if (failed) {
        clearInterval(timer);
      } else if (!loader.isConnected) {
        clearInterval(timer);
        keepOffline();
      }
    }, 100);
  }

  // inView resolves once the page is in view. A playground embedded in
  // another page starts only when the reader can see it: further down the
  // page, or in a part the page hides, it would download, compile and build
  // a program nobody sees, keep its memory, and hold back the one in view,
  // since the browser runs a page's frames from one site on one thread. The
  // iframe's loading="lazy" is not enough: the browser loads a lazy frame
  // screens before it comes into view. A page of its own is in view.
  function inView() {
    if (window.top === window || typeof IntersectionObserver !== "function") {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.documentElement);
    });
  }

  // posterFirstMs bounds how long the start waits for the poster: its places
  // are in a few tens of milliseconds after the scripts, or never.
  const posterFirstMs = 250;

  // posterFirst resolves once the poster (shown, poster.js's promise) is
  // drawn and the browser has painted a frame since, or after posterFirstMs.
  // start() probes WebGL first thing, which holds the page's thread for
  // 100–250 ms in software GL: begun before the poster is on screen, the
  // probe would keep it off until then.
  function posterFirst(shown) {
    const painted = shown.then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    return Promise.race([painted, new Promise((resolve) => setTimeout(resolve, posterFirstMs))]);
  }

  // begin shows the poster (poster.js) as soon as its places are in, and
  // starts the program beside it once the poster is on screen and the page
  // in view; with start=click it waits for the play button instead, and
  // nothing of the program is downloaded before.
  async function begin() {
    const poster = window.raftplayPoster;
    if (!poster) {
      await inView();
      start();
      return;
    }
    const shown = poster.show(posterSVG, loader);
    if (poster.startOnClick) {
      status.textContent = "Press play to start the playground.";
      await poster.waitForPlay(playButton, await shown);
      status.textContent = "Starting…";
    } else {
      await posterFirst(shown);
      await inView();
    }
    start();
  }

  keepOfflineOnceDrawn();
  begin();
})();
