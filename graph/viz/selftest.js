// Self-test of the page's interactions, run only when the page is opened as page.html#selftest (or
// #selftest=<node label>; default: the best-connected node). It dispatches synthetic pointer, wheel and
// key events at the node's on-screen position and writes what the handlers did as data-st-* attributes on
// <body>, which tests/test_viz.py reads from headless Chromium. Without the fragment canvas.js sets no
// probe and this does nothing.
(function () {
  "use strict";
  var probe = window.ofstedVizProbe;
  if (!probe) return;
  var nodes = probe.nodes, view = probe.view, canvas = probe.canvas, body = document.body;

  function record(name, value) { body.setAttribute("data-st-" + name, String(value)); }
  function label(i) { return i >= 0 ? nodes[i].label : ""; }
  function labels(set) { return Object.keys(set || {}).map(function (i) { return nodes[i].label; }).sort().join("|"); }
  function target() {
    var wanted = decodeURIComponent(window.location.hash.replace(/^#selftest=?/, "")), best = 0;
    for (var i = 0; i < nodes.length; i++) {
      if (wanted ? nodes[i].label === wanted : nodes[i].degree > nodes[best].degree) best = i;
    }
    return best;
  }
  // a node's position in client coordinates, from the page's own view transform; rounded because Chromium
  // rounds a synthetic event's clientX and clientY
  function at(i) {
    var r = canvas.getBoundingClientRect(), n = nodes[i];
    return { x: Math.round(r.left + n.x * view.scale + view.tx), y: Math.round(r.top + n.y * view.scale + view.ty) };
  }
  function fire(type, p, extra) {
    var init = { clientX: p.x, clientY: p.y, bubbles: true, cancelable: true, pointerId: 1, isPrimary: true,
                 pointerType: "mouse" };
    Object.keys(extra || {}).forEach(function (k) { init[k] = extra[k]; });
    var ev = type === "wheel" ? new WheelEvent(type, init) : new PointerEvent(type, init);
    canvas.dispatchEvent(ev);
    return ev;
  }
  function click(p) { fire("pointerdown", p); fire("pointerup", p); }
  // labels of the nodes drawn faded: the alpha of the pixel at their centre is low. Draws now rather than
  // waiting for the frame the handler scheduled, which headless Chromium did not always run within the
  // virtual-time budget.
  function dimmed() {
    probe.draw();
    var pixels = probe.ctx.getImageData(0, 0, canvas.width, canvas.height), out = [];
    nodes.forEach(function (n, i) {
      var x = Math.round((n.x * view.scale + view.tx) * probe.dpr), y = Math.round((n.y * view.scale + view.ty) * probe.dpr);
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return;
      if (pixels.data[(y * canvas.width + x) * 4 + 3] < 128) out.push(n.label);
    });
    return out.sort().join("|");
  }

  function hover(t) {
    var p = at(t);
    fire("pointermove", p);
    record("hover", label(probe.state().hover));
    record("tip-display", probe.tip.style.display);
    record("tip-label", probe.tip.querySelector("b") ? probe.tip.querySelector("b").textContent : "");
    record("tip-text", probe.tip.textContent);
    record("tip-offset", [parseFloat(probe.tip.style.left) - (p.x - canvas.getBoundingClientRect().left),
                          parseFloat(probe.tip.style.top) - (p.y - canvas.getBoundingClientRect().top)].join(","));
    fire("pointerleave", p);
    record("leave-hover", label(probe.state().hover));
    record("leave-tip-display", probe.tip.style.display);
  }
  function select(t) {
    record("dimmed-before", dimmed());
    click(at(t));
    record("selected", label(probe.state().selected));
    record("lit", labels(probe.state().lit && probe.state().lit.nodes));
    record("redraw", probe.state().pending);
    record("dimmed", dimmed());
    click(at(t));
    record("toggled-selected", label(probe.state().selected));
    record("toggled-lit", labels(probe.state().lit && probe.state().lit.nodes));
    click(at(t));
    var r = canvas.getBoundingClientRect();
    click({ x: r.right - 3, y: r.bottom - 3 });  // empty space: below and right of the fitted square
    record("cleared-selected", label(probe.state().selected));
    record("cleared-lit", labels(probe.state().lit && probe.state().lit.nodes));
    record("dimmed-after", dimmed());
  }
  function pan(t) {
    click(at(t));
    var p = at(t), tx = view.tx, ty = view.ty;
    fire("pointermove", p);
    fire("pointerdown", p);
    var dragging = canvas.classList.contains("dragging");
    fire("pointermove", { x: p.x + 20, y: p.y + 10 });
    fire("pointermove", { x: p.x + 40, y: p.y + 25 });
    fire("pointerup", { x: p.x + 40, y: p.y + 25 });
    record("pan-shift", [view.tx - tx, view.ty - ty].join(","));
    record("pan-node-shift", [at(t).x - p.x, at(t).y - p.y].join(","));
    record("pan-dragging", [dragging, canvas.classList.contains("dragging")].join(","));
    record("pan-tip-display", probe.tip.style.display);
    record("pan-selected", label(probe.state().selected));
    click(at(t));
  }
  function zoom(t) {
    var p = at(t), scale = view.scale, r = canvas.getBoundingClientRect();
    var px = p.x - r.left, py = p.y - r.top, wx = (px - view.tx) / view.scale, wy = (py - view.ty) / view.scale;
    var ev = fire("wheel", p, { deltaY: -200, deltaMode: 0 });
    record("zoom-in", view.scale / scale);
    // the point of the graph under the pointer stays under it
    record("zoom-drift", Math.hypot(wx * view.scale + view.tx - px, wy * view.scale + view.ty - py));
    record("zoom-prevented", ev.defaultPrevented);
    fire("pointermove", p);
    record("zoom-hover", label(probe.state().hover));
    fire("pointerleave", p);
    fire("wheel", p, { deltaY: 200, deltaMode: 0 });
    record("zoom-back", view.scale / scale);
  }

  function search(t) {
    var finder = probe.finder, r = canvas.getBoundingClientRect();
    finder.value = "  " + nodes[t].label.slice(0, 6).toUpperCase();
    finder.dispatchEvent(new Event("change", { bubbles: true }));
    var p = at(t);
    record("find-selected", label(probe.state().selected));
    record("find-centred", Math.hypot(p.x - (r.left + r.width / 2), p.y - (r.top + r.height / 2)) <= 1);
    finder.value = "no such name";
    finder.dispatchEvent(new Event("change", { bubbles: true }));
    record("find-missing", [finder.classList.contains("missing"), label(probe.state().selected)].join(","));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    record("escape-selected", label(probe.state().selected));
    record("escape-lit", labels(probe.state().lit && probe.state().lit.nodes));
  }

  var t = target();
  record("target", label(t));
  try {
    hover(t);
    select(t);
    pan(t);
    zoom(t);
    search(t);
    record("done", "yes");
  } catch (e) {
    console.error("selftest: " + (e && e.stack || e));
  }
})();
