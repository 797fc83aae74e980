// Frame timing, run only when the page is opened as page.html#bench (benchmarks/bench_viz.py). Synchronous,
// so the numbers are in <body> before the load event and Chromium's --dump-dom (no virtual time) reads them:
// data-bench-first-frame-ms is navigation start -> the first frame drawn and finished on the GPU (sigma's
// first render, a pixel read back); data-bench-frame-ms-* are per frame of a 120-step drag (a mousemove
// on sigma's captor, sigma's render, a pixel read back).
(function () {
  "use strict";
  var probe = window.ofstedVizProbe;
  if (!probe || !/^#bench$/.test(window.location.hash)) return;
  var body = document.body, renderer = probe.renderer, camera = probe.camera;
  var canvases = Array.prototype.slice.call(probe.container.querySelectorAll("canvas"));
  var contexts = canvases.map(function (c) { return c.getContext("webgl2") || c.getContext("webgl"); }).filter(Boolean);
  var pixel = new Uint8Array(4);
  function finish() { contexts.forEach(function (gl) { gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel); }); }
  finish();
  body.setAttribute("data-bench-first-frame-ms", performance.now().toFixed(1));
  body.setAttribute("data-bench-webgl", String(contexts.length));
  // a drag as a hand makes it: sigma's captor moves the camera on each mousemove, then its render runs (here
  // at once, rather than on the animation frame it scheduled) and the GPU finishes
  var mouse = renderer.getMouseCaptor().container, r = mouse.getBoundingClientRect();
  var cx = r.left + r.width / 2, cy = r.top + r.height / 2, times = [], frames = 120;
  function fire(type, x, y) {
    mouse.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0, buttons: 1 }));
  }
  fire("mousedown", cx, cy);
  for (var i = 1; i <= frames; i++) {
    var t0 = performance.now(), a = i / frames * 2 * Math.PI;
    fire("mousemove", cx + 200 * Math.sin(a), cy + 120 * (1 - Math.cos(a)));
    renderer.render();
    finish();
    times.push(performance.now() - t0);
  }
  fire("mouseup", cx, cy);
  body.setAttribute("data-bench-edges-hidden-on-move", String(renderer.getSetting("hideEdgesOnMove")));
  times.sort(function (a, b) { return a - b; });
  var mean = times.reduce(function (a, b) { return a + b; }, 0) / frames;
  body.setAttribute("data-bench-frames", String(frames));
  body.setAttribute("data-bench-frame-ms-mean", mean.toFixed(2));
  body.setAttribute("data-bench-frame-ms-median", times[frames >> 1].toFixed(2));
  body.setAttribute("data-bench-frame-ms-p95", times[Math.floor(frames * 0.95)].toFixed(2));
  body.setAttribute("data-bench-frame-ms-max", times[frames - 1].toFixed(2));
})();

// Frames as the browser paces them, run only when the page is opened as page.html#bench-raf and called by
// benchmarks/bench_viz.py over the DevTools protocol: window.ofstedBenchPan(frames, overrides) drags the
// view one step in each requestAnimationFrame callback (sigma renders on its own next animation frame, as in
// a real pan) and resolves with the intervals between successive animation frames, in ms. `overrides` are
// sigma settings set first (hideLabelsOnMove, labelRenderedSizeThreshold, ...), to compare their cost.
(function () {
  "use strict";
  var probe = window.ofstedVizProbe;
  if (!probe || !/^#bench-raf/.test(window.location.hash)) return;
  window.ofstedBenchPan = function (frames, overrides) {
    var renderer = probe.renderer;
    Object.keys(overrides || {}).forEach(function (k) { renderer.setSetting(k, overrides[k]); });
    var mouse = renderer.getMouseCaptor().container, r = mouse.getBoundingClientRect();
    var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    function fire(type, x, y) {
      mouse.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0, buttons: 1 }));
    }
    return new Promise(function (resolve) {
      var stamps = [], i = 0;
      fire("mousedown", cx, cy);
      function step(t) {
        stamps.push(t);
        if (i++ >= frames) {
          fire("mouseup", cx, cy);
          var gaps = [];
          for (var k = 1; k < stamps.length; k++) gaps.push(stamps[k] - stamps[k - 1]);
          resolve({ gaps: gaps, dpr: window.devicePixelRatio, hideEdgesOnMove: renderer.getSetting("hideEdgesOnMove"),
                    hideLabelsOnMove: renderer.getSetting("hideLabelsOnMove") });
          return;
        }
        var a = i / frames * 2 * Math.PI;
        fire("mousemove", cx + 200 * Math.sin(a), cy + 120 * (1 - Math.cos(a)));
        requestAnimationFrame(step);
      }
      requestAnimationFrame(step);
    });
  };
})();
