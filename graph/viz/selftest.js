// Self-test of the page's interactions, run only when the page is opened as page.html#selftest (or
// #selftest=<node label>; default: the best-connected node shown). It dispatches synthetic mouse, wheel and
// key events at the node's on-screen position, so sigma's own captors and this page's handlers run, and
// writes what happened as data-st-* attributes on <body>, which tests/test_viz.py reads from headless
// Chromium. Steps wait between them (sigma takes two clicks within 300 ms for a double click, and animates
// wheel zooms); the last writes data-st-done. Without the fragment view.js sets no probe and this does nothing.
(function () {
  "use strict";
  var probe = window.ofstedVizProbe;
  if (!probe || !/^#selftest/.test(window.location.hash)) return;
  var nodes = probe.nodes, renderer = probe.renderer, camera = probe.camera, body = document.body;
  var mouse = renderer.getMouseCaptor().container;  // the element sigma listens on

  function record(name, value) { body.setAttribute("data-st-" + name, String(value)); }
  function label(i) { return i >= 0 ? nodes[i].label : ""; }
  function labels(set) { return Object.keys(set || {}).map(function (i) { return nodes[i].label; }).sort().join("|"); }
  function target() {
    var wanted = decodeURIComponent(window.location.hash.replace(/^#selftest=?/, "")), best = -1, shown = probe.nodeShown();
    for (var i = 0; i < nodes.length; i++) {
      if (!shown[i]) continue;
      if (wanted ? nodes[i].label === wanted : best < 0 || nodes[i].degree > nodes[best].degree) best = i;
    }
    return best;
  }
  // a node's position in client coordinates, from sigma's own transform; rounded because Chromium rounds a
  // synthetic event's clientX and clientY
  function at(i) {
    var r = mouse.getBoundingClientRect(), a = renderer.getGraph().getNodeAttributes(String(i));
    var p = renderer.graphToViewport({ x: a.x, y: a.y });
    return { x: Math.round(r.left + p.x), y: Math.round(r.top + p.y) };
  }
  function empty() {  // a point with no node: the drawing's bottom-left corner, inside sigma's padding
    var r = mouse.getBoundingClientRect();
    return { x: Math.round(r.left + 4), y: Math.round(r.bottom - 4) };
  }
  function fire(type, p, extra) {
    var init = { clientX: p.x, clientY: p.y, bubbles: true, cancelable: true, button: 0, buttons: type === "mouseup" ? 0 : 1 };
    Object.keys(extra || {}).forEach(function (k) { init[k] = extra[k]; });
    var ev = type === "wheel" ? new WheelEvent(type, init) : new MouseEvent(type, init);
    mouse.dispatchEvent(ev);
    return ev;
  }
  function click(p) { fire("mousedown", p); fire("mouseup", p); fire("click", p); }
  function faded() {  // labels of the nodes sigma draws in the faded colour
    var out = [], shown = probe.nodeShown();
    nodes.forEach(function (n, i) {
      var d = renderer.getNodeDisplayData(String(i));
      if (shown[i] && d && d.color === "#ececec") out.push(n.label);
    });
    return out.sort().join("|");
  }
  function state() { return probe.state(); }

  var t = target(), steps = [];
  function step(fn, wait) { steps.push([fn, wait || 0]); }
  function run() {
    if (!steps.length) { record("done", "yes"); return; }
    var s = steps.shift();
    try { s[0](); } catch (e) { console.error("selftest: " + (e && e.stack || e)); return; }
    setTimeout(run, s[1]);
  }
  record("target", label(t));

  // hover: the node under the pointer, its tooltip beside the pointer; moving off it hides the tooltip
  step(function () {
    var p = at(t), r = probe.container.getBoundingClientRect();
    fire("mousemove", p);
    record("hover", label(state().hover));
    record("tip-display", probe.tip.style.display);
    record("tip-label", probe.tip.querySelector("b") ? probe.tip.querySelector("b").textContent : "");
    record("tip-text", probe.tip.textContent);
    record("hover-layers", [probe.layers.hovers.style.display, probe.layers.hoverNodes.style.display].join(","));
    record("edge-label-layer", probe.layers.edgeLabels.style.display);
    record("tip-offset", [parseFloat(probe.tip.style.left) - (p.x - r.left), parseFloat(probe.tip.style.top) - (p.y - r.top)].join(","));
    fire("mousemove", empty());
    record("leave-hover", label(state().hover));
    record("leave-tip-display", probe.tip.style.display);
    record("leave-hover-layers", [probe.layers.hovers.style.display, probe.layers.hoverNodes.style.display].join(","));
  });
  // click: the node and its neighbours lit, the others faded, the side panel lists its visits; a second
  // click, or a click on empty space, clears it
  step(function () {
    record("dimmed-before", faded());
    click(at(t));
    record("selected", label(state().selected));
    record("lit", labels(state().lit && state().lit.nodes));
    record("dimmed", faded());
    record("panel-display", probe.panel.style.display);
    record("panel-title", probe.panel.querySelector("h2") ? probe.panel.querySelector("h2").textContent : "");
    record("panel-visits", probe.panel.querySelectorAll("li[data-visit]").length);
    record("panel-text", probe.panel.textContent);
    record("panel-links", Array.prototype.map.call(probe.panel.querySelectorAll("a"), function (a) { return a.getAttribute("href"); }).join("|"));
  }, 350);
  step(function () {
    click(at(t));
    record("toggled-selected", label(state().selected));
    record("toggled-lit", labels(state().lit && state().lit.nodes));
    record("toggled-panel-display", probe.panel.style.display);
  }, 350);
  step(function () { click(at(t)); }, 350);
  step(function () {
    click(empty());
    record("cleared-selected", label(state().selected));
    record("cleared-lit", labels(state().lit && state().lit.nodes));
    record("dimmed-after", faded());
  }, 350);
  // drag: the view follows the pointer (sigma moves the camera on its next frame), the tooltip hides, and
  // the click that ends a drag selects nothing (the pointer rested before release: no inertia glide)
  var before;
  step(function () {
    var p = at(t);
    before = p;
    fire("mousemove", p);
    fire("mousedown", p);
    record("pan-dragging-down", probe.container.classList.contains("dragging"));
    for (var k = 1; k <= 5; k++) fire("mousemove", { x: p.x + 8 * k, y: p.y + 5 * k });  // a hand's drag: many moves
    record("pan-tip-display", probe.tip.style.display);
  }, 100);
  step(function () {
    var q = at(t), p = before;
    record("pan-node-shift", [q.x - p.x, q.y - p.y].join(","));
    fire("mouseup", { x: p.x + 40, y: p.y + 25 });
    fire("click", { x: p.x + 40, y: p.y + 25 });
    record("pan-dragging-up", probe.container.classList.contains("dragging"));
    record("pan-selected", label(state().selected));
  }, 600);
  // wheel: zooms in about the pointer (sigma animates it), the node stays under the pointer
  var ratio, p0;
  step(function () {
    p0 = at(t); ratio = camera.getState().ratio;
    record("pan-settled-shift", [p0.x - before.x, p0.y - before.y].join(","));
    fire("mousemove", p0);  // the picking drawn again after the drag: the node is found where it now is
    record("pan-after-hover", label(state().hover));
    record("zoom-prevented", fire("wheel", p0, { deltaY: -200, deltaMode: 0 }).defaultPrevented);
  }, 600);
  step(function () {
    var p = at(t);
    record("zoom-in", ratio / camera.getState().ratio);
    record("zoom-drift", Math.hypot(p.x - p0.x, p.y - p0.y));
    fire("mousemove", p);
    record("zoom-hover", label(state().hover));
    fire("wheel", p, { deltaY: 200, deltaMode: 0 });
  }, 600);
  step(function () { record("zoom-back", ratio / camera.getState().ratio); });
  // find: part of a name, any case, then Enter selects the node and centres it; an unknown name is marked
  // and changes nothing; Esc clears the highlight
  step(function () {
    var finder = probe.finder, r = mouse.getBoundingClientRect();
    finder.value = "  " + nodes[t].label.slice(0, 6).toUpperCase();
    finder.dispatchEvent(new Event("change", { bubbles: true }));
    var p = at(t);
    record("find-selected", label(state().selected));
    record("find-centred", Math.hypot(p.x - (r.left + r.width / 2), p.y - (r.top + r.height / 2)) <= 1);
    finder.value = "no such name";
    finder.dispatchEvent(new Event("change", { bubbles: true }));
    record("find-missing", [finder.classList.contains("missing"), label(state().selected)].join(","));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    record("escape-selected", label(state().selected));
    record("escape-lit", labels(state().lit && state().lit.nodes));
    record("escape-panel-display", probe.panel.style.display);
  });
  // filters and colours: no visit kind ticked hides every node with visits; isolated nodes on demand;
  // colouring by grade changes the legend
  step(function () {
    var ui = probe.ui, boxes = ui.kinds.querySelectorAll("input");
    function set(checked) {
      Array.prototype.forEach.call(boxes, function (b) { b.checked = checked; });
      ui.kinds.querySelector("input").dispatchEvent(new Event("change", { bubbles: true }));
    }
    record("shown", body.getAttribute("data-drawn-nodes"));
    set(false);
    record("no-kinds-shown", body.getAttribute("data-drawn-nodes"));
    set(true);
    ui.isolated.checked = true; ui.isolated.dispatchEvent(new Event("change", { bubbles: true }));
    record("isolated-shown", body.getAttribute("data-drawn-nodes"));
    ui.isolated.checked = false; ui.isolated.dispatchEvent(new Event("change", { bubbles: true }));
    ui.colourBy.value = "grade"; ui.colourBy.dispatchEvent(new Event("change", { bubbles: true }));
    record("legend-grade", document.getElementById("legend").textContent);
    record("colour-grade", renderer.getNodeDisplayData(String(t)).color);
    ui.colourBy.value = "role"; ui.colourBy.dispatchEvent(new Event("change", { bubbles: true }));
    record("legend-role", document.getElementById("legend").textContent);
    ui.colourBy.value = "kind"; ui.colourBy.dispatchEvent(new Event("change", { bubbles: true }));
  });
  setTimeout(run, 50);
})();
