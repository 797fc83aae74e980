// ofsted-kg network view: sigma.js (WebGL) over a graphology graph. Positions are precomputed (seeded) by
// networkx, so nothing is laid out here. Colours, filters, the side panel and the tooltip are this file's;
// drawing, zoom, pan and label placement are sigma's.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes, edges = data.edges, visits = data.visits;
  var container = document.getElementById("graph"), tip = document.getElementById("tip");
  var panel = document.getElementById("panel"), finder = document.getElementById("find");
  var ui = {
    colourBy: document.getElementById("colour-by"), from: document.getElementById("year-from"),
    to: document.getElementById("year-to"), region: document.getElementById("region"),
    grade: document.getElementById("grade"), isolated: document.getElementById("show-isolated"),
    kinds: document.getElementById("kinds"), shown: document.getElementById("shown")
  };
  var GREY = "#cfcfcf", FADED = "#ececec";
  var adjacency = nodes.map(function () { return []; });
  edges.forEach(function (e, k) { adjacency[e[0]].push(k); adjacency[e[1]].push(k); });
  var maxDeg = 1;
  nodes.forEach(function (n) { if (n.degree > maxDeg) maxDeg = n.degree; });
  var byDegree = nodes.map(function (_, i) { return i; }).sort(function (a, b) { return nodes[b].degree - nodes[a].degree; });
  var state = { hover: -1, selected: -1, lit: null, mode: "kind" };
  var colours = [], nodeShown = [], edgeShown = [];

  document.getElementById("title").textContent = data.title;

  // --- the graph and its renderer ----------------------------------------------------------------------
  var graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  nodes.forEach(function (n, i) {
    graph.addNode(String(i), { x: n.x, y: -n.y, size: 2.5 + 9 * Math.sqrt(n.degree / maxDeg), label: n.label });
  });
  var edgeColours = edges.map(function (e) { return data.visitKinds[e[4]] ? data.visitKinds[e[4]].colour : "#9a9a9a"; });
  edges.forEach(function (e, k) {
    graph.addEdgeWithKey(String(k), String(e[0]), String(e[1]), { size: Math.min(1 + 0.7 * (e[2] - 1), 5) });
  });

  // the drawing starts below the title and controls, so they never cover a node
  container.style.top = (document.querySelector("header").getBoundingClientRect().bottom + 4) + "px";
  // big graphs: 1 px lines and point sprites are 3-6x cheaper per frame than sigma's quads and discs under
  // software WebGL (benchmarks/bench_viz.py), and past 20,000 edges the edges rest while the view moves
  var big = { lines: edges.length > 5000, points: nodes.length > 3000, hideEdges: edges.length > 20000 };
  var settings = {
    hideEdgesOnMove: big.hideEdges,
    zIndex: true,
    labelRenderedSizeThreshold: nodes.length <= 300 ? 0 : 6,  // small graphs: every label sigma can place
    labelDensity: 0.6,
    labelFont: "system-ui, sans-serif",
    labelSize: 12,
    defaultEdgeColor: "#aaaaaa",
    nodeReducer: function (key, attrs) {
      var i = +key, out = { x: attrs.x, y: attrs.y, size: attrs.size, label: attrs.label, color: colours[i] };
      if (!nodeShown[i]) { out.hidden = true; return out; }
      if (state.lit) {
        if (state.lit.nodes[i]) { out.forceLabel = true; out.zIndex = 2; out.highlighted = i === state.selected; }
        else { out.color = FADED; out.label = ""; out.zIndex = 0; }
      }
      return out;
    },
    edgeReducer: function (key, attrs) {
      var k = +key, out = { size: attrs.size, color: edgeColours[k] };
      if (!edgeShown[k]) { out.hidden = true; return out; }
      if (state.lit) {
        if (state.lit.edges[k]) { out.color = "#333333"; out.zIndex = 1; }
        else { out.color = FADED; out.zIndex = 0; }
      }
      return out;
    }
  };
  // sigma's own "line" edges are quads; its defaults stay unless the graph is big
  if (big.lines) settings.edgeProgramClasses = { line: Sigma.rendering.EdgeLineProgram };
  if (big.points) { settings.nodeProgramClasses = { point: Sigma.rendering.NodePointProgram }; settings.defaultNodeType = "point"; }
  var renderer = new Sigma(graph, container, settings);
  var camera = renderer.getCamera();

  // --- the cost of a pan frame (benchmarks/bench_viz.py --raf, traced in software WebGL) -------------------
  // Each of sigma's seven full-size layers that is cleared is read back and composited on every frame, and
  // each mousemove of a drag reads a pixel back from the picking buffer (a wait for the GPU) to find the
  // node under the pointer. So: the edge-label layer, which this page never draws on, is not displayed; the
  // hover layers are displayed only while a node is hovered or selected; during a drag no node is looked
  // up under the pointer and the picking pass is skipped; when the button is released sigma draws again,
  // picking included, so hovering and clicking find nodes where they now are.
  var layers = renderer.getCanvases(), captor = renderer.getMouseCaptor();
  layers.edgeLabels.style.display = "none";
  function hoverLayers() {
    var show = state.hover >= 0 || state.selected >= 0 ? "" : "none";
    if (layers.hovers.style.display !== show) { layers.hovers.style.display = show; layers.hoverNodes.style.display = show; }
  }
  var pickAt = renderer.getNodeAtPosition.bind(renderer);
  renderer.getNodeAtPosition = function (p) { return captor.isMouseDown && captor.draggedEvents > 0 ? null : pickAt(p); };
  Object.keys(renderer.nodePrograms || {}).forEach(function (type) {
    var program = renderer.nodePrograms[type], draw = program.render.bind(program);
    program.render = function (params) {
      if (!captor.isMouseDown || !program.pickProgram) return draw(params);
      var pick = program.pickProgram;
      program.pickProgram = null;
      try { return draw(params); } finally { program.pickProgram = pick; }
    };
  });

  // --- colours -------------------------------------------------------------------------------------------
  function colourOf(n) {
    if (state.mode === "grade") return n.kind === "authority" ? data.grades[n.grade || ""].colour : GREY;
    if (state.mode === "role") return n.kind === "inspector" && data.roles[n.role] ? data.roles[n.role].colour : GREY;
    return data.kinds[n.kind] ? data.kinds[n.kind].colour : "#888888";
  }
  function recolour() { colours = nodes.map(colourOf); buildLegend(); }

  // --- filters: a visit passes on its year, kind, its authority's region and latest grade ------------------
  var years = [], regions = {}, grades = {}, kindsPresent = {};
  visits.forEach(function (v) {
    if (v.start) years.push(+v.start.slice(0, 4));
    if (v.region) regions[v.region] = true;
    grades[v.authorityGrade || ""] = true;
    kindsPresent[v.kind || "other"] = true;
  });
  var minYear = years.length ? Math.min.apply(null, years) : 0, maxYear = years.length ? Math.max.apply(null, years) : 0;
  ui.from.value = minYear || ""; ui.to.value = maxYear || "";
  ui.from.min = ui.to.min = minYear; ui.from.max = ui.to.max = maxYear;
  Object.keys(regions).sort().forEach(function (r) { option(ui.region, r, r); });
  Object.keys(data.grades).forEach(function (g) { if (grades[g]) option(ui.grade, g, data.grades[g].name); });
  var kindBoxes = {};
  Object.keys(data.visitKinds).forEach(function (k) {
    if (!kindsPresent[k]) return;
    var label = document.createElement("label"), box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = k; kindBoxes[k] = box;
    label.appendChild(box); label.appendChild(document.createTextNode(" " + data.visitKinds[k].name));
    ui.kinds.appendChild(label);
    box.addEventListener("change", refilter);
  });
  function option(select, value, text) {
    var o = document.createElement("option"); o.value = value; o.textContent = text; select.appendChild(o);
  }
  function visitPasses(v) {
    var from = +ui.from.value || -Infinity, to = +ui.to.value || Infinity, year = v.start ? +v.start.slice(0, 4) : null;
    if (year !== null && (year < from || year > to)) return false;
    if (year === null && (from > minYear || to < maxYear)) return false;
    var box = kindBoxes[v.kind || "other"];
    if (box && !box.checked) return false;
    if (ui.region.value && v.region !== ui.region.value) return false;
    if (ui.grade.value !== "*" && (v.authorityGrade || "") !== ui.grade.value) return false;
    return true;
  }
  function applyFilters() {
    var passes = visits.map(visitPasses), shown = 0, hiddenIsolated = 0;
    function any(list) { return !list.length || list.some(function (x) { return passes[x]; }); }
    edgeShown = edges.map(function (e) { return any(e[5]); });
    nodeShown = nodes.map(function (n, i) {
      if (!adjacency[i].length) {
        if (!ui.isolated.checked) { hiddenIsolated++; return false; }
        return any(n.v);
      }
      return adjacency[i].some(function (k) { return edgeShown[k]; });
    });
    edgeShown = edgeShown.map(function (s, k) { return s && nodeShown[edges[k][0]] && nodeShown[edges[k][1]]; });
    nodeShown.forEach(function (s) { if (s) shown++; });
    ui.shown.textContent = shown + " of " + nodes.length + " shown" + (hiddenIsolated ? " (" + hiddenIsolated + " isolated hidden)" : "");
    document.body.setAttribute("data-drawn-nodes", String(shown));
    document.body.setAttribute("data-drawn-edges", String(edgeShown.filter(Boolean).length));
    document.body.setAttribute("data-hidden-isolated", String(hiddenIsolated));
    return shown;
  }
  // the camera frames the nodes shown, so the first view fills the screen
  function fit() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (n, i) {
      if (!nodeShown[i]) return;
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, -n.y); y1 = Math.max(y1, -n.y);
    });
    if (x0 === Infinity) { x0 = 0; x1 = 1; y0 = -1; y1 = 0; }
    // room for the labels, which sigma writes to the right of their nodes
    var w = Math.max(x1 - x0, y1 - y0, 0.05);
    renderer.setCustomBBox({ x: [x0 - 0.03 * w, x1 + 0.15 * w], y: [y0 - 0.04 * w, y1 + 0.04 * w] });
    camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }
  function refilter() {
    applyFilters();
    if (state.selected >= 0 && !nodeShown[state.selected]) select(-1);
    fit();
    renderer.refresh();
  }
  [ui.from, ui.to, ui.region, ui.grade, ui.isolated].forEach(function (el) { el.addEventListener("change", refilter); });
  ui.colourBy.addEventListener("change", function () { state.mode = ui.colourBy.value; recolour(); renderer.refresh(); });

  // --- legend ----------------------------------------------------------------------------------------------
  function buildLegend() {
    var legend = document.getElementById("legend"), present = {}, rows = [];
    legend.textContent = "";
    nodes.forEach(function (n) {
      var key = state.mode === "grade" ? (n.kind === "authority" ? "g:" + (n.grade || "") : "other")
        : state.mode === "role" ? (n.kind === "inspector" && n.role ? "r:" + n.role : "other") : "k:" + n.kind;
      present[key] = (present[key] || 0) + 1;
    });
    if (state.mode === "grade") Object.keys(data.grades).forEach(function (g) { rows.push(["g:" + g, data.grades[g]]); });
    else if (state.mode === "role") Object.keys(data.roles).forEach(function (r) { rows.push(["r:" + r, data.roles[r]]); });
    else data.kindOrder.forEach(function (k) { rows.push(["k:" + k, data.kinds[k]]); });
    if (state.mode !== "kind") rows.push(["other", { colour: GREY, name: "Other nodes" }]);
    rows.forEach(function (row) {
      if (!present[row[0]]) return;
      legendRow(legend, row[1].colour, row[1].name + " (" + present[row[0]] + ")", false);
    });
    var edgeKinds = {};
    edges.forEach(function (e) { edgeKinds[e[4]] = true; });
    Object.keys(data.visitKinds).forEach(function (k) {
      if (edgeKinds[k]) legendRow(legend, data.visitKinds[k].colour, data.visitKinds[k].name, true);
    });
    var note = document.createElement("small");
    note.textContent = "node size = number of links; lines coloured by visit kind";
    legend.appendChild(note);
  }
  function legendRow(legend, colour, text, line) {
    var row = document.createElement("div"), dot = document.createElement("i"), span = document.createElement("span");
    dot.style.background = colour; if (line) dot.className = "line";
    span.textContent = text; row.appendChild(dot); row.appendChild(span); legend.appendChild(row);
  }

  // --- selection, side panel, tooltip ----------------------------------------------------------------------
  function select(i) {
    state.selected = i;
    hoverLayers();
    if (i < 0) { state.lit = null; showPanel(-1); return; }
    var lit = { nodes: {}, edges: {} };
    lit.nodes[i] = true;
    adjacency[i].forEach(function (k) {
      if (!edgeShown[k]) return;
      lit.edges[k] = true; lit.nodes[edges[k][0]] = true; lit.nodes[edges[k][1]] = true;
    });
    state.lit = lit;
    showPanel(i);
  }
  function kindName(k) { return data.visitKinds[k] ? data.visitKinds[k].name : (k || "visit").replace(/_/g, " "); }
  function gradeName(g) { return data.grades[g] ? data.grades[g].name : g.replace(/_/g, " "); }
  function el(parent, tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function describe(n) {
    var parts = [data.kinds[n.kind] ? data.kinds[n.kind].name : n.kind];
    if (n.role && data.roles[n.role]) parts.push(data.roles[n.role].name);
    if (n.kind === "authority") parts.push("latest grade: " + (n.grade ? gradeName(n.grade) + " (" + n.gradeSource + ")" : "none stated"));
    if (n.region) parts.push(n.region);
    return parts.join(" · ");
  }
  function showPanel(i) {
    panel.textContent = "";
    if (i < 0) { panel.style.display = "none"; return; }
    var n = nodes[i];
    el(panel, "h2", n.label);
    el(panel, "div", describe(n) + " · " + n.degree + " link(s)", "meta");
    var mine = n.v.filter(function (x) { return visitPasses(visits[x]); })
      .sort(function (a, b) { return (visits[b].start || "").localeCompare(visits[a].start || ""); });
    if (!mine.length) el(panel, "div", "No visits with evidence in the graph for the filters chosen.", "meta");
    var list = el(panel, "ol");
    mine.forEach(function (x) {
      var v = visits[x], li = el(list, "li");
      li.setAttribute("data-visit", String(x));
      el(li, "b", (v.start || "(no date)") + " · " + kindName(v.kind) + (v.authority ? " · " + v.authority : ""));
      v.awarded.forEach(function (a) { el(li, "div", "Judged: " + a.area + ": " + gradeName(a.grade)); });
      v.restated.forEach(function (r) { el(li, "div", "Restates: " + gradeName(r.grade) + (r.date ? " (" + r.date + ")" : "")); });
      v.evidence.forEach(function (ev) {
        if (ev.fact === "inspector" && n.kind === "inspector" && ev.node !== n.id) return;
        var q = el(li, "blockquote", "\u201c" + ev.words + "\u201d");
        el(q, "span", " \u2014 " + ev.fact + (ev.page ? ", p. " + ev.page : ""));
      });
      var src = el(li, "div", "Source: ", "src");
      var a = el(src, "a", v.url || v.source);
      a.href = v.href; a.target = "_blank"; a.rel = "noopener";
    });
    panel.style.display = "block";
  }
  function showTip(i, px, py) {
    if (i < 0) { tip.style.display = "none"; return; }
    var n = nodes[i];
    tip.textContent = "";
    el(tip, "b", n.label);
    el(tip, "span", (data.kinds[n.kind] ? data.kinds[n.kind].name : n.kind) + " · " + n.degree + " link(s)" +
      (n.visits ? " · " + n.visits + " visit(s)" : ""));
    if (n.dates && n.dates.length) {
      var d = el(tip, "span", "Visits: " + (n.dates.length > 12 ? n.dates.slice(0, 12).join(", ") + ", …" : n.dates.join(", ")));
      d.style.display = "block";
    }
    var kinds = {};
    n.v.forEach(function (x) { var k = kindName(visits[x].kind); kinds[k] = (kinds[k] || 0) + 1; });
    var kindText = Object.keys(kinds).map(function (k) { return k + " \u00d7" + kinds[k]; }).join(", ");
    if (kindText) el(tip, "span", kindText).style.display = "block";
    if (n.kind === "authority" && n.grade) el(tip, "span", "Latest grade: " + gradeName(n.grade) + " (" + n.gradeSource + ")").style.display = "block";
    if (n.how) el(tip, "span", n.how === "restated" ? "Judgement restated by a later letter" : "Judgement awarded by a report").style.display = "block";
    if (n.areas && n.areas.length) el(tip, "span", "Area grades: " + n.areas.join("; ")).style.display = "block";
    tip.style.display = "block";
    var W = container.clientWidth, H = container.clientHeight;
    tip.style.left = Math.min(px + 14, W - tip.offsetWidth - 4) + "px";
    tip.style.top = Math.min(py + 14, H - tip.offsetHeight - 4) + "px";
  }
  // a label equal to the text, else the best-connected shown label containing it
  function find(text) {
    var q = text.trim().toLowerCase(), best = -1;
    if (!q) return -1;
    for (var j = 0; j < byDegree.length; j++) {
      var i = byDegree[j], l = nodes[i].label.toLowerCase();
      if (!nodeShown[i]) continue;
      if (l === q) return i;
      if (best < 0 && l.indexOf(q) >= 0) best = i;
    }
    return best;
  }
  function centre(i) {
    var d = renderer.getNodeDisplayData(String(i));
    camera.setState({ x: d.x, y: d.y });
  }

  // sigma draws the hovered node and its label itself
  renderer.on("enterNode", function (e) { state.hover = +e.node; hoverLayers(); showTip(state.hover, e.event.x, e.event.y); });
  renderer.on("leaveNode", function () { state.hover = -1; hoverLayers(); showTip(-1); });
  renderer.on("clickNode", function (e) { var i = +e.node; select(i === state.selected ? -1 : i); renderer.refresh(); });
  renderer.on("clickStage", function () { select(-1); renderer.refresh(); });
  renderer.on("downStage", function () { container.classList.add("dragging"); });
  renderer.on("downNode", function () { container.classList.add("dragging"); });
  window.addEventListener("mouseup", function () {
    if (container.classList.contains("dragging")) renderer.scheduleRender();  // picking buffer drawn again
    container.classList.remove("dragging");
  });
  camera.on("updated", function () { if (container.classList.contains("dragging")) { state.hover = -1; showTip(-1); } });
  container.addEventListener("mouseleave", function () { state.hover = -1; showTip(-1); });
  finder.addEventListener("change", function () {
    var i = find(finder.value);
    finder.classList.toggle("missing", i < 0 && finder.value.trim() !== "");
    if (i >= 0) { select(i); centre(i); renderer.refresh(); }
  });
  window.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { select(-1); renderer.refresh(); }
  });

  recolour();
  hoverLayers();
  var count = applyFilters();
  fit();
  renderer.refresh();
  document.body.setAttribute("data-nodes", String(nodes.length));
  document.body.setAttribute("data-first-frame-ms", performance.now().toFixed(1));
  document.title = data.title + " (" + count + " nodes)";
  // page.html#selftest or #bench: hand the live state to selftest.js
  if (/^#(selftest|bench|bench-raf)(=|$)/.test(window.location.hash)) {
    window.ofstedVizProbe = { nodes: nodes, big: big, renderer: renderer, layers: layers, camera: camera, container: container, tip: tip,
      panel: panel, finder: finder, ui: ui, refilter: refilter, nodeShown: function () { return nodeShown; },
      state: function () { return state; } };
  }
})();
