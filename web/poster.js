// poster.js draws the poster: the ring of nodes where the playground's first
// frame will draw it, at the page's size and in its theme, while the wasm
// downloads. The places come from the build (cmd/poster writes
// poster-N-CONTROLS.json from the scene's own layout code), so the canvas
// takes the poster's place without a jump. With start=click the page shows
// the poster and a play button and downloads the program only once it is
// pressed, for pages that embed many playgrounds.
"use strict";

window.raftplayPoster = (() => {
  const params = new URLSearchParams(location.search);
  const svgNS = "http://www.w3.org/2000/svg";

  // posterFile names the places for the first frame the URL asks for, or
  // returns "" for one the build has no poster of: a story's (its caption
  // panel moves the ring), a shared run's, or chosen panels.
  function posterFile() {
    if (params.has("scenario") || params.has("run") || params.has("panels")) {
      return "";
    }
    // Invalid values fall back to the defaults, as the wasm's parameters do
    // (cmd/wasm/params.go).
    let nodes = 5;
    const n = params.get("nodes");
    if (n !== null && /^\+?\d+$/.test(n) && Number(n) >= 3 && Number(n) <= 9) {
      nodes = Number(n);
    }
    const controls = params.get("controls") === "minimal" ? "minimal" : "full";
    // A touch screen's first frame has finger-wide targets (the wasm's
    // Options.Touch reads the same query).
    const coarse = typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches;
    return `poster-${nodes}-${controls}${coarse ? "-touch" : ""}.json`;
  }

  // themeName resolves the theme parameter as the wasm does
  // (cmd/wasm/page_js.go): "auto" follows prefers-color-scheme, with the
  // colour-blind palette where the system asks for more contrast.
  function themeName() {
    const theme = params.get("theme");
    if (["light", "dark", "colorblind", "colorblind-dark"].includes(theme)) {
      return theme;
    }
    const prefers = (q) => typeof matchMedia === "function" && matchMedia(q).matches;
    const base = prefers("(prefers-color-scheme: dark)") ? "dark" : "light";
    if (prefers("(prefers-contrast: more)")) {
      return base === "dark" ? "colorblind-dark" : "colorblind";
    }
    return base;
  }

  // unfold turns each plane's rows back into values: each row is its first
  // value, its first step and then each step's change (cmd/poster).
  function unfold(poster) {
    return poster.Planes.map((plane) => {
      const values = new Float64Array(plane.length);
      for (let row = 0; row < plane.length; row += poster.Cols) {
        let step = 0;
        for (let c = 0; c < poster.Cols; c++) {
          const i = row + c;
          if (c === 0) {
            values[i] = plane[i];
            continue;
          }
          step = c === 1 ? plane[i] : step + plane[i];
          values[i] = values[i - 1] + step;
        }
      }
      return values;
    });
  }

  // kinkTenths is how much two neighbouring steps along a row or column
  // may differ, in tenths of a pixel, and still count as one straight
  // stretch: more is rounding's work.
  const kinkTenths = 1.5;

  // sampler returns, for a page of w×h CSS pixels, a function giving a
  // plane's value there in CSS pixels. It starts from the nearest point of
  // the grid and goes on along each axis by the slope of the grid's step
  // towards the page's size, or, where the layout bends or jumps within
  // that step (a panel comes or goes, the toolbar wraps), by the step on
  // the other side, which is where the nearest point's own layout lies.
  // Beyond the grid's edges it carries on along the last steps' slope.
  function sampler(poster, w, h) {
    const fx = (w - poster.MinW) / poster.StepW;
    const fy = (h - poster.MinH) / poster.StepH;
    const c = Math.min(Math.max(Math.round(fx), 0), poster.Cols - 1);
    const r = Math.min(Math.max(Math.round(fy), 0), poster.Rows - 1);
    // slope is the change per grid step, along one axis, of the values
    // get(i) gives, at index i of n, measured on the side dir (+1 or -1).
    const slope = (get, i, n, dir) => {
      const step = (from, to) => (from >= 0 && to >= 0 && from < n && to < n ? (get(to) - get(from)) * dir : NaN);
      const ahead = step(i, i + dir);
      const behind = step(i - dir, i);
      if (Number.isNaN(ahead)) {
        return Number.isNaN(behind) ? 0 : behind;
      }
      if (Number.isNaN(behind) || Math.abs(ahead - behind) <= kinkTenths) {
        return ahead;
      }
      // A bend within a step on either side: the side that runs on
      // straight past it is the one without the bend.
      const further = step(i + dir, i + 2 * dir);
      return !Number.isNaN(further) && Math.abs(further - ahead) <= kinkTenths ? ahead : behind;
    };
    const dx = fx - c;
    const dy = fy - r;
    return (values) => {
      const at = (row, col) => values[row * poster.Cols + col];
      const sx = slope((i) => at(r, i), c, poster.Cols, dx < 0 ? -1 : 1);
      const sy = slope((i) => at(i, c), r, poster.Rows, dy < 0 ? -1 : 1);
      return (at(r, c) + sx * dx + sy * dy) / 10;
    };
  }

  // planesBefore is how many planes come before the nodes' centres.
  const planesBefore = 3;

  // place returns the ring for a page of w×h CSS pixels: the nodes' radius,
  // their timers', their names' size and each node's centre.
  function place(poster, planes, w, h) {
    const value = sampler(poster, w, h);
    return {
      r: value(planes[0]),
      timerR: value(planes[1]),
      nameSize: value(planes[2]),
      nodes: poster.Names.map((name, i) => ({
        name,
        x: value(planes[planesBefore + 2 * i]),
        y: value(planes[planesBefore + 2 * i + 1]),
      })),
    };
  }

  function element(name, attrs, text) {
    const el = document.createElementNS(svgNS, name);
    for (const [k, v] of Object.entries(attrs)) {
      el.setAttribute(k, v);
    }
    if (text) {
      el.textContent = text;
    }
    return el;
  }

  // draw puts ring into svg in theme's colours as the first frame draws a
  // cluster before anything happened: a faint link between every two
  // nodes, then each node's timer track, its follower's body and its name.
  function draw(svg, ring, theme) {
    svg.replaceChildren();
    const nodes = ring.nodes;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        svg.append(element("line", {
          x1: nodes[i].x, y1: nodes[i].y, x2: nodes[j].x, y2: nodes[j].y, stroke: theme.Track, "stroke-width": 1.2,
        }));
      }
    }
    for (const n of nodes) {
      svg.append(
        element("circle", { cx: n.x, cy: n.y, r: ring.timerR, fill: theme.Background, stroke: theme.Track, "stroke-width": 3 }),
        element("circle", { cx: n.x, cy: n.y, r: ring.r, fill: theme.Node }),
        element("text", {
          x: n.x, y: n.y, fill: theme.Name, "font-size": ring.nameSize,
          "text-anchor": "middle", "dominant-baseline": "central",
        }, n.name));
    }
  }

  // centre is the middle of the ring.
  function centre(ring) {
    const sum = ring.nodes.reduce((s, n) => ({ x: s.x + n.x, y: s.y + n.y }), { x: 0, y: 0 });
    return { x: sum.x / ring.nodes.length, y: sum.y / ring.nodes.length };
  }

  // readPlaces fetches the places for this page, or resolves to null when
  // there are none or they cannot be read.
  async function readPlaces() {
    const file = posterFile();
    if (!file) {
      return null;
    }
    try {
      const response = await fetch(file);
      return response.ok ? await response.json() : null;
    } catch (err) {
      return null;
    }
  }

  // places are asked for as soon as this script runs, which is before the
  // loader's: the poster is what the page shows first.
  const places = readPlaces();

  // show draws the poster into svg, which covers the page, in place of
  // backdrop's plain background, and keeps it at the page's size. It
  // returns a function giving the ring's centre as drawn now, or null when
  // there is no poster for this page or it could not be read: the loader
  // carries on without.
  async function show(svg, backdrop) {
    const poster = await places;
    if (!poster) {
      return null;
    }
    const theme = poster.Themes[themeName()];
    const planes = unfold(poster);
    const ring = () => place(poster, planes, window.innerWidth, window.innerHeight);
    backdrop.style.background = theme.Background;
    backdrop.style.color = theme.Text;
    draw(svg, ring(), theme);
    svg.removeAttribute("hidden");
    // The start-up benchmark (cmd/serve) times the poster by this mark.
    performance.mark("raftplay:poster");
    window.addEventListener("resize", () => draw(svg, ring(), theme));
    return () => centre(ring());
  }

  // waitForPlay shows button, at the ring's centre when there is a poster
  // (ringCentre from show), and resolves once it is pressed.
  function waitForPlay(button, ringCentre) {
    const put = () => {
      if (ringCentre) {
        const c = ringCentre();
        button.style.position = "fixed";
        button.style.left = `${c.x}px`;
        button.style.top = `${c.y}px`;
      }
    };
    put();
    window.addEventListener("resize", put);
    button.hidden = false;
    button.focus({ preventScroll: true });
    return new Promise((resolve) => {
      button.addEventListener("click", () => {
        window.removeEventListener("resize", put);
        button.remove();
        resolve();
      }, { once: true });
    });
  }

  return {
    show,
    waitForPlay,
    // startOnClick is set by start=click: the program downloads only once
    // the play button is pressed.
    startOnClick: params.get("start") === "click",
  };
})();
