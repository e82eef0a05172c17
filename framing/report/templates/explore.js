/* framing: the interactive term plot and the concordance panel of its HTML pages.
   No library and no network: the data is in JSON script elements of the page.
   Every text that comes from an article reaches the screen through textContent, never as markup. */
(function () {
  "use strict";

  function h(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fixed(x, d) { return x === null || x === undefined ? "–" : Number(x).toFixed(d); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function readJSON(el) { return el ? JSON.parse(el.textContent) : null; }

  /* ---------------------------------------------------------------- the concordance panel */
  function Panel(root) {
    this.root = root;
    this.title = root.querySelector(".kwic-title");
    this.note = root.querySelector(".kwic-note");
    this.body = root.querySelector(".kwic-body");
    var self = this;
    root.querySelector(".kwic-close").addEventListener("click", function () { self.hide(); });
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") self.hide(); });
  }
  /* entry: {label, note, rows: [[article, left, match, right, note?], ...]}; articles: [[title, group, date], ...] */
  Panel.prototype.show = function (entry, articles) {
    this.title.textContent = entry.label;
    this.note.textContent = entry.note;
    var body = this.body;
    body.textContent = "";
    entry.rows.forEach(function (r) {
      var a = articles[r[0]] || ["", "", null];
      var tr = h("tr");
      tr.appendChild(h("td", "kwic-left", r[1]));
      tr.appendChild(h("td", "kwic-match", r[2]));
      tr.appendChild(h("td", "kwic-right", r[3]));
      var art = h("td", "kwic-article", a[0] + (a[2] ? " (" + a[2] + ")" : ""));
      if (r[4]) art.appendChild(h("em", null, r[4]));  /* whose words: a quotation, reported speech, negated */
      tr.appendChild(art);
      tr.appendChild(h("td", "kwic-group", a[1]));
      body.appendChild(tr);
    });
    if (!entry.rows.length) {
      var tr = h("tr"), td = h("td", "muted", "No use to show.");
      td.colSpan = 5;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    this.root.hidden = false;
    this.root.setAttribute("data-shown", entry.label);
  };
  Panel.prototype.hide = function () { this.root.hidden = true; };

  /* ---------------------------------------------------------------- the term plot */
  var COLOR_A = [178, 59, 43], COLOR_B = [47, 93, 138], GREY = [150, 158, 170];
  var PAD = { left: 58, right: 14, top: 14, bottom: 44 };

  function hash01(s) { /* a fixed number in [0, 1) for a term: jitter that is the same on every load */
    var x = 2166136261;
    for (var i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); }
    return ((x >>> 0) % 10007) / 10007;
  }

  function TermPlot(root, panel) {
    var d = readJSON(root.querySelector(".tp-data"));
    this.root = root; this.d = d; this.panel = panel;
    this.canvas = root.querySelector(".tp-canvas");
    this.tip = root.querySelector(".tp-tip");
    this.search = root.querySelector(".tp-search");
    this.count = root.querySelector(".tp-count");
    this.results = root.querySelector(".tp-results");
    this.selected = -1; this.hovered = -1; this.matches = null;
    this.index = {};
    var n = d.n_terms_counted, self = this;
    this.pts = d.terms.map(function (t, i) {
      self.index[t[0]] = i;
      var u = hash01(t[0]), v = hash01(t[0] + "\u0001");
      return {
        /* log10 of uses per 1,000 terms, jittered inside the count's rounding interval (never past the next count) */
        lx: t[2] > 0 ? Math.log10(1000 * (t[2] - 0.45 + 0.9 * u) / n[1]) : null,
        ly: t[1] > 0 ? Math.log10(1000 * (t[1] - 0.45 + 0.9 * v) / n[0]) : null,
        u: u, v: v, z: t[4]
      };
    });
    var xs = this.pts.filter(function (p) { return p.lx !== null; }).map(function (p) { return p.lx; });
    var ys = this.pts.filter(function (p) { return p.ly !== null; }).map(function (p) { return p.ly; });
    this.dx = [Math.min.apply(null, xs.concat([0])), Math.max.apply(null, xs.concat([0]))];
    this.dy = [Math.min.apply(null, ys.concat([0])), Math.max.apply(null, ys.concat([0]))];
    this.order = this.pts.map(function (_, i) { return i; }).sort(function (i, j) { return Math.abs(self.pts[i].z) - Math.abs(self.pts[j].z); });
    this.labels = this.pickLabels();

    root.querySelectorAll("[data-tp-term]").forEach(function (b) {
      b.addEventListener("click", function () { self.select(self.index[b.getAttribute("data-tp-term")]); });
    });
    this.search.addEventListener("input", function () { self.filter(self.search.value); });
    this.search.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && self.matches && self.matches.length) { ev.preventDefault(); self.select(self.matches[0]); }
    });
    this.canvas.addEventListener("mousemove", function (ev) { self.hover(ev); });
    this.canvas.addEventListener("mouseleave", function () { self.hovered = -1; self.tip.hidden = true; self.draw(); });
    this.canvas.addEventListener("click", function (ev) {
      var i = self.nearest(ev);
      if (i >= 0) self.select(i);
    });
    window.addEventListener("resize", function () { self.resize(); });
    this.resize();
    root.setAttribute("data-ready", "1");
  }

  TermPlot.prototype.pickLabels = function () {
    var t = this.d.terms, byZ = t.map(function (_, i) { return i; }).sort(function (i, j) { return t[j][4] - t[i][4]; });
    var out = byZ.slice(0, 14).concat(byZ.slice(-14)).concat([0, 1, 2, 3, 4, 5, 6, 7].filter(function (i) { return i < t.length; }));
    return out.filter(function (i, k) { return out.indexOf(i) === k; });
  };

  TermPlot.prototype.resize = function () {
    var wrap = this.canvas.parentNode, w = Math.max(320, wrap.clientWidth), hgt = Math.round(Math.min(640, Math.max(340, w * 0.68)));
    var r = window.devicePixelRatio || 1;
    this.w = w; this.h = hgt;
    this.canvas.width = Math.round(w * r); this.canvas.height = Math.round(hgt * r);
    this.canvas.style.width = w + "px"; this.canvas.style.height = hgt + "px";
    this.ctx = this.canvas.getContext("2d");
    this.ctx.setTransform(r, 0, 0, r, 0, 0);
    this.draw();
  };

  /* pixel position of point i: a band at the left (bottom) edge holds terms the other side never uses */
  TermPlot.prototype.xy = function (i) {
    var p = this.pts[i], band = 22;
    var x0 = PAD.left + band, x1 = this.w - PAD.right, y0 = this.h - PAD.bottom - band, y1 = PAD.top;
    var x = p.lx === null ? PAD.left + 4 + p.u * (band - 8) : x0 + (p.lx - this.dx[0]) / (this.dx[1] - this.dx[0] || 1) * (x1 - x0);
    var y = p.ly === null ? this.h - PAD.bottom - 4 - p.v * (band - 8) : y0 - (p.ly - this.dy[0]) / (this.dy[1] - this.dy[0] || 1) * (y0 - y1);
    return [x, y];
  };
  TermPlot.prototype.color = function (z, alpha) {
    var t = Math.min(1, Math.abs(z) / 6), c = z > 0 ? COLOR_A : COLOR_B;
    if (Math.abs(z) < 1.96) t = 0;
    var mix = function (k) { return Math.round(GREY[k] + (c[k] - GREY[k]) * (0.45 + 0.55 * t) * (t > 0 ? 1 : 0)); };
    return "rgba(" + mix(0) + "," + mix(1) + "," + mix(2) + "," + alpha + ")";
  };

  TermPlot.prototype.draw = function () {
    var ctx = this.ctx, w = this.w, hgt = this.h, self = this, d = this.d;
    ctx.clearRect(0, 0, w, hgt);
    ctx.font = "11px system-ui, sans-serif";
    ctx.strokeStyle = "#d9dde5"; ctx.fillStyle = "#5b6475"; ctx.lineWidth = 1;
    /* axes: uses per 1,000 terms, log scale, a tick per power of ten */
    var band = 22, x0 = PAD.left + band, x1 = w - PAD.right, y0 = hgt - PAD.bottom - band, y1 = PAD.top;
    var sx = function (lx) { return x0 + (lx - self.dx[0]) / (self.dx[1] - self.dx[0] || 1) * (x1 - x0); };
    var sy = function (ly) { return y0 - (ly - self.dy[0]) / (self.dy[1] - self.dy[0] || 1) * (y0 - y1); };
    ctx.beginPath();
    for (var e = Math.ceil(this.dx[0]); e <= this.dx[1]; e++) { ctx.moveTo(sx(e), y1); ctx.lineTo(sx(e), hgt - PAD.bottom); ctx.fillText(String(Math.pow(10, e)), sx(e) - 8, hgt - PAD.bottom + 14); }
    ctx.textAlign = "right";
    for (e = Math.ceil(this.dy[0]); e <= this.dy[1]; e++) { ctx.moveTo(PAD.left, sy(e)); ctx.lineTo(x1, sy(e)); ctx.fillText(String(Math.pow(10, e)), PAD.left - 4, sy(e) + 4); }
    ctx.fillText("0", PAD.left - 4, hgt - PAD.bottom - band / 2 + 4);
    ctx.textAlign = "left";
    ctx.stroke();
    ctx.fillText("0", PAD.left + band / 2 - 3, hgt - PAD.bottom + 14);
    ctx.fillText("uses per 1,000 terms in " + d.b + " →", x0, hgt - 8);
    ctx.save(); ctx.translate(12, y1 + 4); ctx.rotate(-Math.PI / 2); ctx.textAlign = "right"; ctx.fillText("in " + d.a + " →", 0, 0); ctx.restore();
    /* equal rates */
    var lo = Math.max(this.dx[0], this.dy[0]), hi = Math.min(this.dx[1], this.dy[1]);
    if (hi > lo) { ctx.setLineDash([4, 4]); ctx.strokeStyle = "#9aa3ad"; ctx.beginPath(); ctx.moveTo(sx(lo), sy(lo)); ctx.lineTo(sx(hi), sy(hi)); ctx.stroke(); ctx.setLineDash([]); }
    var m = this.matches, inMatch = null;
    if (m) { inMatch = {}; m.forEach(function (i) { inMatch[i] = true; }); }
    this.order.forEach(function (i) {
      var p = self.xy(i), faded = inMatch && !inMatch[i];
      ctx.fillStyle = self.color(self.pts[i].z, faded ? 0.12 : 0.75);
      ctx.beginPath(); ctx.arc(p[0], p[1], Math.abs(self.pts[i].z) >= 1.96 ? 3.2 : 2.4, 0, 2 * Math.PI); ctx.fill();
    });
    /* labels: the most distinctive of each side and the most frequent, or the search matches; none overlapping */
    var boxes = [], todo = m ? m.slice(0, 40) : this.labels;
    ctx.font = "12px system-ui, sans-serif";
    todo.forEach(function (i) {
      var p = self.xy(i), text = d.terms[i][0], tw = ctx.measureText(text).width, bx = p[0] + 5, by = p[1] - 7;
      if (bx + tw > w - 2) bx = p[0] - 5 - tw;
      var box = [bx - 1, by - 1, bx + tw + 1, by + 14];
      for (var k = 0; k < boxes.length; k++) { var o = boxes[k]; if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return; }
      boxes.push(box);
      ctx.fillStyle = "rgba(255,255,255,0.8)"; ctx.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
      ctx.fillStyle = self.color(self.pts[i].z, 1); ctx.fillText(text, bx, by + 10);
    });
    [this.hovered, this.selected].forEach(function (i, k) {
      if (i < 0) return;
      var p = self.xy(i);
      ctx.strokeStyle = k ? "#1d2330" : "#5b6475"; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.arc(p[0], p[1], 6, 0, 2 * Math.PI); ctx.stroke(); ctx.lineWidth = 1;
    });
  };

  TermPlot.prototype.nearest = function (ev) {
    var r = this.canvas.getBoundingClientRect(), x = ev.clientX - r.left, y = ev.clientY - r.top, best = -1, bd = 64;
    var m = this.matches;
    for (var i = 0; i < this.pts.length; i++) {
      var p = this.xy(i), dd = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y);
      if (dd < bd || (dd === bd && m && m.indexOf(i) >= 0)) { bd = dd; best = i; }
    }
    return best;
  };

  TermPlot.prototype.describe = function (i) {
    var t = this.d.terms[i], d = this.d, n = d.n_terms_counted;
    var side = t[4] >= 1.96 ? "more typical of " + d.a : t[4] <= -1.96 ? "more typical of " + d.b : "not distinctive of either side (|z| < 1.96)";
    return d.a + ": " + plural(t[1], "use", "uses") + " (" + fixed(1000 * t[1] / n[0], 3) + " per 1,000 terms); " +
      d.b + ": " + plural(t[2], "use", "uses") + " (" + fixed(1000 * t[2] / n[1], 3) + " per 1,000 terms). Log-odds " + fixed(t[3], 2) + ", z " + fixed(t[4], 2) + ": " + side + ".";
  };

  TermPlot.prototype.hover = function (ev) {
    var i = this.nearest(ev);
    if (i !== this.hovered) { this.hovered = i; this.draw(); }
    if (i < 0) { this.tip.hidden = true; this.canvas.style.cursor = "default"; return; }
    this.canvas.style.cursor = "pointer";
    var p = this.xy(i), t = this.d.terms[i];
    this.tip.textContent = "";
    this.tip.appendChild(h("b", null, t[0]));
    this.tip.appendChild(h("div", null, this.describe(i)));
    this.tip.appendChild(h("div", "muted", "Click for its uses in context."));
    this.tip.hidden = false;
    this.tip.style.left = Math.min(p[0] + 12, this.w - 260) + "px";
    this.tip.style.top = (p[1] + 12) + "px";
  };

  TermPlot.prototype.filter = function (q) {
    q = q.trim().toLowerCase();
    this.results.textContent = "";
    if (!q) { this.matches = null; this.count.textContent = ""; this.draw(); return; }
    var self = this, found = [];
    this.d.terms.forEach(function (t, i) { if (t[0].indexOf(q) >= 0) found.push(i); });
    found.sort(function (i, j) { return (self.d.terms[j][0] === q) - (self.d.terms[i][0] === q) || i - j; });
    this.matches = found;
    this.count.textContent = found.length ? plural(found.length, "term matches", "terms match") + (found.length > 30 ? " (the 30 most frequent listed)" : "") + "; Enter shows the first in context."
      : "No plotted term contains “" + q + "” (a term needs " + this.d.min_count + " uses on the two sides together to be plotted).";
    found.slice(0, 30).forEach(function (i) {
      var b = h("button", "kwic-link tp-result", self.d.terms[i][0]);
      b.type = "button";
      b.addEventListener("click", function () { self.select(i); });
      self.results.appendChild(b);
    });
    this.draw();
  };

  TermPlot.prototype.select = function (i) {
    if (i === undefined || i < 0) return;
    this.selected = i;
    this.draw();
    var t = this.d.terms[i], d = this.d;
    var shown = t[5].length + t[6].length;
    var note = this.describe(i) + " Showing " + shown + " of " + (t[1] + t[2]) + " uses: " + t[5].length + " of " + t[1] + " in " + d.a + ", " + t[6].length + " of " + t[2] + " in " + d.b +
      " (at most " + d.contexts + " per side, one per article).";
    this.panel.show({ label: t[0], note: note, rows: t[5].concat(t[6]) }, d.articles);
  };

  /* the client coordinates of a term's point (the browser tests click there) */
  TermPlot.prototype.position = function (term) {
    var i = this.index[term];
    if (i === undefined) return null;
    var r = this.canvas.getBoundingClientRect(), p = this.xy(i);
    return [r.left + p[0], r.top + p[1]];
  };

  /* ---------------------------------------------------------------- the report's concordance links */
  function Links(data, panel) {
    document.querySelectorAll("[data-kwic]").forEach(function (el) {
      var entry = data.entries[el.getAttribute("data-kwic")];
      if (!entry) return;
      el.classList.add("kwic-link");
      el.setAttribute("role", "button");
      el.setAttribute("tabindex", "0");
      el.setAttribute("title", (el.getAttribute("title") ? el.getAttribute("title") + ". " : "") + "Click for its uses in context");
      var open = function () {
        panel.show({ label: entry.label, note: "Showing " + entry.rows.length + " of " + plural(entry.total, "use", "uses") + (entry.total > entry.rows.length ? " (at most " + data.cap + ")" : "") + (entry.note ? ". " + entry.note : "") + ".", rows: entry.rows }, data.articles);
      };
      el.addEventListener("click", open);
      el.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
    });
  }

  function start() {
    var panelEl = document.querySelector(".kwic-panel");
    if (!panelEl) return;
    var panel = new Panel(panelEl);
    window.framingTermPlots = [];
    document.querySelectorAll(".termplot").forEach(function (root) { window.framingTermPlots.push(new TermPlot(root, panel)); });
    var kwic = readJSON(document.getElementById("kwic-data"));
    if (kwic) Links(kwic, panel);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
