// embed.js is the host side of embed.html: each button posts its action to
// the playground in the iframe, and every answer the playground sends back
// is printed in the log, so the page demonstrates the message protocol live.
"use strict";

(() => {
  const frame = document.getElementById("playground");
  const log = document.getElementById("host-log");
  // Old lines are dropped so a long session does not grow the page without end.
  const maxLogLines = 200;
  let logStarted = false;

  function append(line) {
    const time = new Date().toLocaleTimeString();
    const lines = logStarted ? log.textContent.split("\n") : [];
    logStarted = true;
    lines.push(`${time}  ${line}`);
    log.textContent = lines.slice(-maxLogLines).join("\n");
    log.scrollTop = log.scrollHeight;
  }

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
})();
