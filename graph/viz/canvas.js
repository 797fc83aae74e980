// ofsted-kg network renderer: one canvas, positions precomputed (seeded) by networkx, no dependencies.
// Nodes are batched into one path per colour and edges into one path per width, so thousands stay smooth.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes, edges = data.edges, kinds = data.kinds;
  var canvas = document.getElementById("graph"), ctx = canvas.getContext("2d");
  var tip = document.getElementById("tip"), finder = document.getElementById("find");
  var view = { scale: 1, tx: 0, ty: 0 }, dpr = window.devicePixelRatio || 1;
  var W = 0, H = 0, hover = -1, selected = -1, lit = null, pending = false;
  var adjacency = nodes.map(function () { return []; });
  edges.forEach(function (e, k) { adjacency[e[0]].push(k); adjacency[e[1]].push(k); });
  var maxDeg = 1;
  nodes.forEach(function (n) { if (n.degree > maxDeg) maxDeg = n.degree; });
  var byLabelOrder = nodes.map(function (_, i) { return i; }).sort(function (a, b) { return nodes[b].degree - nodes[a].degree; });

  document.getElementById("title").textContent = data.title;
  buildLegend();

  function radius(n) { return 3 + 9 * Math.sqrt(n.degree / maxDeg); }
  function sx(n) { return n.x * view.scale + view.tx; }
  function sy(n) { return n.y * view.scale + view.ty; }

  function resize() {
    W = canvas.clientWidth || window.innerWidth; H = canvas.clientHeight || window.innerHeight;
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
  }
  function fit() {
    var side = Math.max(Math.min(W - 80, H - 120), 50);
    view.scale = side; view.tx = (W - side) / 2; view.ty = (H - side) / 2 + 30;
  }

  function draw() {
    pending = false;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var widths = {}, litWidths = {}, k, e, w, bucket;
    for (k = 0; k < edges.length; k++) {
      e = edges[k];
      w = Math.min(1 + (e[2] - 1) * 0.8, 5);
      bucket = (lit && lit.edges[k]) ? litWidths : widths;
      (bucket[w] = bucket[w] || []).push(e);
    }
    strokeEdges(widths, lit ? "rgba(150,150,150,0.12)" : "rgba(120,120,120,0.45)");
    strokeEdges(litWidths, "rgba(40,40,40,0.85)");
    var drawn = 0, byColour = {}, dim = {}, i, n, x, y, r;
    for (i = 0; i < nodes.length; i++) {
      n = nodes[i]; x = sx(n); y = sy(n); r = radius(n);
      if (x < -r || y < -r || x > W + r || y > H + r) continue;
      drawn++;
      var colour = kinds[n.kind] ? kinds[n.kind].colour : "#888888";
      var target = (lit && !lit.nodes[i]) ? dim : byColour;
      (target[colour] = target[colour] || []).push([x, y, r]);
    }
    fillNodes(dim, 0.18);
    fillNodes(byColour, 1);
    drawLabels();
    if (hover >= 0) ring(hover, "#222");
    if (selected >= 0) ring(selected, "#d00");
    return drawn;
  }
  function strokeEdges(buckets, style) {
    ctx.strokeStyle = style;
    Object.keys(buckets).forEach(function (w) {
      ctx.lineWidth = Number(w); ctx.beginPath();
      buckets[w].forEach(function (e) {
        var a = nodes[e[0]], b = nodes[e[1]];
        ctx.moveTo(sx(a), sy(a)); ctx.lineTo(sx(b), sy(b));
      });
      ctx.stroke();
    });
  }
  function fillNodes(groups, alpha) {
    ctx.globalAlpha = alpha; ctx.strokeStyle = "#ffffff"; ctx.lineWidth = 1;
    Object.keys(groups).forEach(function (colour) {
      ctx.fillStyle = colour; ctx.beginPath();
      groups[colour].forEach(function (p) { ctx.moveTo(p[0] + p[2], p[1]); ctx.arc(p[0], p[1], p[2], 0, 2 * Math.PI); });
      ctx.fill(); ctx.stroke();
    });
    ctx.globalAlpha = 1;
  }
  function drawLabels() {
    // the best-connected nodes first, skipping any label that would overlap one already drawn;
    // the highlighted nodes' labels always
    var budget = Math.min(400, Math.floor(view.scale / 3)), shown = 0, taken = {}, i, n;
    ctx.font = "11px system-ui, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.fillStyle = "#222";
    for (var j = 0; j < byLabelOrder.length && shown < budget + 50; j++) {
      i = byLabelOrder[j]; n = nodes[i];
      var always = lit && lit.nodes[i];
      if (!always && (shown >= budget || lit)) continue;
      var x = sx(n), y = sy(n) + radius(n) + 2;
      if (x < 0 || y < 0 || x > W || y > H) continue;
      var half = ctx.measureText(n.label).width / 2 + 2;
      if (!always && overlaps(taken, x - half, y, x + half, y + 13)) continue;
      claim(taken, x - half, y, x + half, y + 13);
      ctx.strokeText(n.label, x, y); ctx.fillText(n.label, x, y); shown++;
    }
  }
  // labels' boxes in a coarse grid of 64 x 16 px cells
  function cells(x0, y0, x1, y1, fn) {
    for (var cx = Math.floor(x0 / 64); cx <= Math.floor(x1 / 64); cx++)
      for (var cy = Math.floor(y0 / 16); cy <= Math.floor(y1 / 16); cy++)
        if (fn(cx + ":" + cy)) return true;
    return false;
  }
  function overlaps(taken, x0, y0, x1, y1) {
    return cells(x0, y0, x1, y1, function (key) {
      return (taken[key] || []).some(function (b) { return x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1; });
    });
  }
  function claim(taken, x0, y0, x1, y1) {
    cells(x0, y0, x1, y1, function (key) { (taken[key] = taken[key] || []).push([x0, y0, x1, y1]); return false; });
  }
  function ring(i, colour) {
    var n = nodes[i];
    ctx.beginPath(); ctx.arc(sx(n), sy(n), radius(n) + 2.5, 0, 2 * Math.PI);
    ctx.strokeStyle = colour; ctx.lineWidth = 2; ctx.stroke();
  }
  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(draw); }
  }

  function nodeAt(px, py) {
    var best = -1, bestD = Infinity;
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], dx = sx(n) - px, dy = sy(n) - py, d = dx * dx + dy * dy, r = radius(n) + 3;
      if (d <= r * r && d < bestD) { best = i; bestD = d; }
    }
    return best;
  }
  function highlight(i) {
    selected = i;
    if (i < 0) { lit = null; return; }
    lit = { nodes: {}, edges: {} };
    lit.nodes[i] = true;
    adjacency[i].forEach(function (k) { lit.edges[k] = true; lit.nodes[edges[k][0]] = true; lit.nodes[edges[k][1]] = true; });
  }
  function showTip(i, px, py) {
    if (i < 0) { tip.style.display = "none"; return; }
    var n = nodes[i];
    tip.textContent = "";
    var b = document.createElement("b"); b.textContent = n.label; tip.appendChild(b);
    var kind = document.createElement("span");
    kind.textContent = (kinds[n.kind] ? kinds[n.kind].name : n.kind) + " · " + n.degree + " link(s)" +
      (n.visits ? " · " + n.visits + " visit(s)" : "");
    tip.appendChild(kind);
    if (n.dates && n.dates.length) {
      var d = document.createElement("span"); d.style.display = "block";
      d.textContent = "Visits: " + (n.dates.length > 12 ? n.dates.slice(0, 12).join(", ") + ", …" : n.dates.join(", "));
      tip.appendChild(d);
    }
    tip.style.display = "block";
    tip.style.left = Math.min(px + 14, W - tip.offsetWidth - 4) + "px";
    tip.style.top = Math.min(py + 14, H - tip.offsetHeight - 4) + "px";
  }
  // a label equal to the text, else the best-connected label containing it
  function find(text) {
    var q = text.trim().toLowerCase(), best = -1;
    if (!q) return -1;
    for (var j = 0; j < byLabelOrder.length; j++) {
      var i = byLabelOrder[j], l = nodes[i].label.toLowerCase();
      if (l === q) return i;
      if (best < 0 && l.indexOf(q) >= 0) best = i;
    }
    return best;
  }
  function centre(i) { view.tx = W / 2 - nodes[i].x * view.scale; view.ty = H / 2 - nodes[i].y * view.scale; }
  function buildLegend() {
    var legend = document.getElementById("legend"), present = {};
    nodes.forEach(function (n) { present[n.kind] = (present[n.kind] || 0) + 1; });
    data.kindOrder.forEach(function (k) {
      if (!present[k]) return;
      var row = document.createElement("div"), dot = document.createElement("i"), text = document.createElement("span");
      dot.style.background = kinds[k].colour; text.textContent = kinds[k].name + " (" + present[k] + ")";
      row.appendChild(dot); row.appendChild(text); legend.appendChild(row);
    });
    var note = document.createElement("small"); note.textContent = "size = number of links";
    legend.appendChild(note);
  }

  var drag = null;
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var f = Math.exp(-ev.deltaY * 0.0015), r = canvas.getBoundingClientRect();
    var px = ev.clientX - r.left, py = ev.clientY - r.top;
    view.tx = px - (px - view.tx) * f; view.ty = py - (py - view.ty) * f; view.scale *= f;
    schedule();
  }, { passive: false });
  canvas.addEventListener("pointerdown", function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, tx: view.tx, ty: view.ty, moved: false };
    canvas.classList.add("dragging");
  });
  window.addEventListener("pointerup", function (ev) {
    if (drag && !drag.moved) {
      var r = canvas.getBoundingClientRect();
      var i = nodeAt(ev.clientX - r.left, ev.clientY - r.top);
      highlight(i === selected ? -1 : i);
      schedule();
    }
    drag = null; canvas.classList.remove("dragging");
  });
  canvas.addEventListener("pointermove", function (ev) {
    var r = canvas.getBoundingClientRect(), px = ev.clientX - r.left, py = ev.clientY - r.top;
    if (drag) {
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
      view.tx = drag.tx + ev.clientX - drag.x; view.ty = drag.ty + ev.clientY - drag.y;
      showTip(-1); schedule(); return;
    }
    var i = nodeAt(px, py);
    if (i !== hover) { hover = i; schedule(); }
    showTip(i, px, py);
  });
  canvas.addEventListener("pointerleave", function () { hover = -1; showTip(-1); schedule(); });
  finder.addEventListener("change", function () {
    var i = find(finder.value);
    finder.classList.toggle("missing", i < 0 && finder.value.trim() !== "");
    if (i >= 0) { highlight(i); centre(i); schedule(); }
  });
  window.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { highlight(-1); schedule(); }
  });
  window.addEventListener("resize", function () { resize(); fit(); schedule(); });

  resize(); fit();
  var count = draw();
  document.body.setAttribute("data-drawn-nodes", String(count));
  document.body.setAttribute("data-drawn-edges", String(edges.length));
  document.title = data.title + " (" + count + " nodes)";
  // page.html#selftest: hand the live state to selftest.js, which drives the handlers above
  if (/^#selftest(=|$)/.test(window.location.hash)) {
    window.ofstedVizProbe = { nodes: nodes, view: view, canvas: canvas, ctx: ctx, tip: tip, finder: finder, dpr: dpr, draw: draw,
      state: function () { return { hover: hover, selected: selected, lit: lit, pending: pending }; } };
  }
})();
