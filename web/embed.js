// embed.js runs the embed builder (embed.html): it turns the form into the
// playground's URL parameters, keeps the preview and the <iframe> snippet in
// step with it, copies the snippet, and shows the postMessage protocol live:
// each button posts its action to the preview and every answer is logged.
"use strict";

(() => {
  const form = document.getElementById("builder");
  const frame = document.getElementById("playground");
  const snippet = document.getElementById("snippet");
  const copyStatus = document.getElementById("copy-status");
  const log = document.getElementById("host-log");
  // The playground's own defaults: a parameter at its default is left out,
  // so the snippet says only what the author chose.
  const defaults = { step: "1", nodes: "5", speed: "0.03", theme: "auto", motion: "auto", controls: "full", panels: "" };
  // The preview reloads this long after the last change, not on every key.
  const previewDelayMs = 400;
  // Old lines are dropped so a long session does not grow the page without end.
  const maxLogLines = 200;
  let logStarted = false;
  let previewTimer = 0;

  // playgroundURL is the address of the playground with the chosen
  // parameters, absolute so the snippet works on any other site.
  function playgroundURL() {
    const f = form.elements;
    const q = new URLSearchParams();
    if (f.scenario.value) {
      q.set("scenario", f.scenario.value);
      if (f.step.value !== defaults.step) {
        q.set("step", f.step.value);
      }
    }
    // A story runs the seed it was written for: a seed in its snippet
    // would say something the playground does not do.
    f.seed.disabled = Boolean(f.scenario.value);
    if (!f.scenario.value) {
      q.set("seed", f.seed.value);
    }
    for (const name of ["nodes", "speed", "theme", "motion", "controls", "panels"]) {
      const value = f[name].value.trim();
      if (value !== defaults[name]) {
        q.set(name, value);
      }
    }
    if (f.paused.checked) {
      q.set("paused", "true");
    }
    if (f.start.checked) {
      q.set("start", "click");
    }
    return new URL("index.html?" + q.toString(), location.href).href;
  }

  // escapeAttr makes text safe inside a double-quoted HTML attribute.
  function escapeAttr(text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function size(name) {
    return String(Math.round(Number(form.elements[name].value)) || Number(form.elements[name].defaultValue));
  }

  function update() {
    const src = playgroundURL();
    const width = size("width");
    const height = size("height");
    // loading="lazy": a playground further down the page downloads
    // nothing until the reader scrolls near it.
    snippet.value = `<iframe src="${escapeAttr(src)}"\n        width="${width}" height="${height}" style="border:0" loading="lazy"\n        title="raftplay: a Raft playground"></iframe>`;
    frame.width = width;
    frame.height = height;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      if (frame.src !== src) {
        frame.src = src;
      }
    }, previewDelayMs);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet.value);
      copyStatus.textContent = "Copied.";
    } catch (err) {
      // The clipboard API needs a secure context; selecting the text lets
      // the author copy it by hand.
      snippet.select();
      copyStatus.textContent = "Selected: press Ctrl-C (⌘C) to copy.";
    }
  }

  function append(line) {
    const time = new Date().toLocaleTimeString();
    const lines = logStarted ? log.textContent.split("\n") : [];
    logStarted = true;
    lines.push(`${time}  ${line}`);
    log.textContent = lines.slice(-maxLogLines).join("\n");
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("copy").addEventListener("click", copy);

  for (const button of document.querySelectorAll("button[data-action]")) {
    button.addEventListener("click", () => {
      const message = { raftplay: JSON.parse(button.dataset.action) };
      // "*" because the playground may be served from another origin than
      // this page; the message carries nothing secret.
      frame.contentWindow.postMessage(message, "*");
      append(`sent     ${JSON.stringify(message)}`);
    });
  }

  window.addEventListener("message", (event) => {
    // Only answers from our own iframe count; other frames and extensions
    // post messages to this window too.
    if (event.source !== frame.contentWindow) {
      return;
    }
    if (event.data && event.data.raftplay === "result") {
      append(`received ${JSON.stringify(event.data)}`);
    }
  });

  update();
})();
