/* threadgraph page behaviour: search, filters, focus, legend, findings, evidence panel.
 *
 * Thread text (names, sentences, authors, explanations) only ever reaches the DOM
 * through textContent / createTextNode / option.value: never innerHTML.
 * Globals from the template: vis, nodes, edges (vis.DataSet), network (vis.Network).
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("tg-data").textContent);
  var NODES = DATA.nodes, EDGES = DATA.edges, ASSERTIONS = DATA.assertions;
  var FINDINGS = {};
  DATA.findings.forEach(function (f) { FINDINGS[f.id] = f; });

  // Per node: its edge ids; and every name (preferred and alias) to node ids, for search.
  var incident = {};
  Object.keys(NODES).forEach(function (id) { incident[id] = []; });
  Object.keys(EDGES).forEach(function (eid) {
    var e = EDGES[eid];
    incident[e.from].push(eid);
    if (e.to !== e.from) { incident[e.to].push(eid); }
  });
  var nameIndex = [];
  Object.keys(NODES).forEach(function (id) {
    var n = NODES[id];
    [n.label].concat(n.aliases || []).forEach(function (name) {
      nameIndex.push({ name: name, key: norm(name), id: id });
    });
  });

  var state = {
    hiddenCategories: {}, hiddenKinds: {}, hiddenStatuses: {},
    minConfidence: 0, hideUnlinked: false, focus: null, selected: null
  };
  var hidden = { nodes: {}, edges: {} };

  function norm(s) { return String(s || "").replace(/\s+/g, " ").trim().toLowerCase(); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function fmtConf(c) { return (c === null || c === undefined) ? "n/a" : Number(c).toFixed(2); }

  function kindLabel(kind) { return (DATA.relationLabels && DATA.relationLabels[kind]) || kind; }

  function label(id) { return NODES[id] ? NODES[id].label : id; }

  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------------ filters and focus

  function edgePassesFilters(eid) {
    var e = EDGES[eid];
    if (state.hiddenKinds[e.kind]) { return false; }
    if (state.hiddenStatuses[e.status]) { return false; }
    var c = (e.confidence === null || e.confidence === undefined) ? 1 : e.confidence;
    if (c + 1e-9 < state.minConfidence) { return false; }
    if (state.hiddenCategories[NODES[e.from].category] || state.hiddenCategories[NODES[e.to].category]) { return false; }
    return true;
  }

  function computeVisibility() {
    var nodeOn = {}, edgeOn = {};
    Object.keys(NODES).forEach(function (id) { nodeOn[id] = !state.hiddenCategories[NODES[id].category]; });
    Object.keys(EDGES).forEach(function (eid) { edgeOn[eid] = edgePassesFilters(eid); });
    // An entity drawn only for its links goes when all of its links are filtered out.
    Object.keys(NODES).forEach(function (id) {
      if (nodeOn[id] && (incident[id].length || state.hideUnlinked) &&
          !incident[id].some(function (eid) { return edgeOn[eid]; })) {
        nodeOn[id] = false;
      }
    });
    if (state.focus && NODES[state.focus.id]) {
      var keep = {}, frontier = [state.focus.id];
      keep[state.focus.id] = true;
      nodeOn[state.focus.id] = true;
      for (var hop = 0; hop < state.focus.hops && frontier.length; hop++) {
        var next = [];
        frontier.forEach(function (id) {
          incident[id].forEach(function (eid) {
            if (!edgeOn[eid]) { return; }
            var e = EDGES[eid], other = e.from === id ? e.to : e.from;
            if (!keep[other] && nodeOn[other]) { keep[other] = true; next.push(other); }
          });
        });
        frontier = next;
      }
      Object.keys(NODES).forEach(function (id) { if (!keep[id]) { nodeOn[id] = false; } });
    }
    Object.keys(EDGES).forEach(function (eid) {
      var e = EDGES[eid];
      if (!nodeOn[e.from] || !nodeOn[e.to]) { edgeOn[eid] = false; }
    });
    return { nodes: nodeOn, edges: edgeOn };
  }

  function applyFilters() {
    var vis = computeVisibility();
    var nodeUpdates = [], edgeUpdates = [];
    Object.keys(vis.nodes).forEach(function (id) {
      var h = !vis.nodes[id];
      if (!!hidden.nodes[id] !== h) { nodeUpdates.push({ id: id, hidden: h }); hidden.nodes[id] = h; }
    });
    Object.keys(vis.edges).forEach(function (eid) {
      var h = !vis.edges[eid];
      if (!!hidden.edges[eid] !== h) { edgeUpdates.push({ id: eid, hidden: h }); hidden.edges[eid] = h; }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    updateCounts();
  }

  function visibleCounts() {
    var n = 0, e = 0;
    Object.keys(NODES).forEach(function (id) { if (!hidden.nodes[id]) { n++; } });
    Object.keys(EDGES).forEach(function (eid) { if (!hidden.edges[eid]) { e++; } });
    return { nodes: n, edges: e };
  }

  function updateCounts() {
    var c = visibleCounts(), nTot = Object.keys(NODES).length, eTot = Object.keys(EDGES).length;
    $("counts").textContent = c.nodes + " of " + nTot + " entities · " + c.edges + " of " + eTot +
      " links · " + DATA.findings.length + " findings";
  }

  function fitVisible() {
    var ids = Object.keys(NODES).filter(function (id) { return !hidden.nodes[id]; });
    network.fit({ nodes: ids, animation: false });
  }

  function setFocus(id, hops) {
    state.focus = id ? { id: id, hops: Math.max(1, hops | 0) } : null;
    applyFilters();
    $("focus-status").textContent = id ? ("Showing " + label(id) + " and " + state.focus.hops + " hop(s) around it.") : "";
    if (id) { fitVisible(); select("node", id); }
  }

  // ------------------------------------------------------------------ legend and filter controls

  function checkbox(parent, item, swatch, onToggle) {
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.key = item.key;
    box.addEventListener("change", function () { onToggle(item.key, !box.checked); applyFilters(); });
    lab.appendChild(box);
    lab.appendChild(swatch);
    lab.appendChild(el("span", null, item.label));
    lab.appendChild(el("span", "count", item.count));
    parent.appendChild(lab);
  }

  function buildControls() {
    DATA.categories.forEach(function (c) {
      var sw = el("span", "swatch " + c.shape);
      sw.style.setProperty("--c", c.color);
      if (c.shape !== "triangle" && c.shape !== "triangleDown") { sw.style.background = c.color; }
      checkbox($("type-filters"), c, sw, function (k, h) { state.hiddenCategories[k] = h; });
    });
    DATA.kinds.forEach(function (k) {
      var sw = el("span", "line" + (k.key === "conflict_of_interest" ? " finding" : ""));
      sw.style.setProperty("--c", k.color);
      checkbox($("kind-filters"), k, sw, function (key, h) { state.hiddenKinds[key] = h; });
    });
    [["", "asserted / reported"], ["dashed", "hedged or questioned"], ["dotted", "denied"],
     ["finding", "conflict-of-interest finding"]].forEach(function (s) {
      var lab = el("label");
      var sw = el("span", "line " + s[0]);
      sw.style.setProperty("--c", s[0] === "finding" ? "#d62728" : "#555");
      lab.appendChild(sw);
      lab.appendChild(el("span", null, s[1]));
      $("line-legend").appendChild(lab);
    });
    ["hedged", "questioned", "denied"].forEach(function (s) {
      $("hide-" + s).addEventListener("change", function (ev) {
        state.hiddenStatuses[s] = ev.target.checked; applyFilters();
      });
    });
    $("hide-unlinked").addEventListener("change", function (ev) {
      state.hideUnlinked = ev.target.checked; applyFilters(); fitVisible();
    });
    $("fit-btn").addEventListener("click", function () { fitVisible(); });
    $("min-conf").addEventListener("input", function (ev) {
      state.minConfidence = parseFloat(ev.target.value) || 0;
      $("min-conf-value").textContent = state.minConfidence.toFixed(2);
      applyFilters();
    });
    $("focus-btn").addEventListener("click", function () {
      if (!state.selected || state.selected.type !== "node") {
        $("focus-status").textContent = "Select an entity first (click it or search for it).";
        return;
      }
      setFocus(state.selected.id, parseInt($("hops").value, 10) || 1);
    });
    $("unfocus-btn").addEventListener("click", function () { setFocus(null); fitVisible(); });

    var names = $("names"), seen = {};
    nameIndex.slice().sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; })
      .forEach(function (x) {
        if (seen[x.name]) { return; }
        seen[x.name] = true;
        var o = document.createElement("option");
        o.value = x.name;
        names.appendChild(o);
      });
    var search = $("search");
    search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); runSearch(search.value); } });
    search.addEventListener("change", function () { if (search.value) { runSearch(search.value); } });
  }

  // ------------------------------------------------------------------ search

  function findNode(query) {
    var q = norm(query);
    if (!q) { return null; }
    var tests = [
      function (x) { return x.key === q; },
      function (x) { return x.key.indexOf(q) === 0; },
      function (x) { return x.key.indexOf(q) !== -1; }
    ];
    for (var i = 0; i < tests.length; i++) {
      var hits = nameIndex.filter(tests[i]);
      if (hits.length) {
        hits.sort(function (a, b) { return NODES[b.id].degree - NODES[a.id].degree; });
        return hits[0].id;
      }
    }
    return null;
  }

  function runSearch(query) {
    var id = findNode(query);
    if (!id) { $("search-status").textContent = "No entity called \u201c" + query + "\u201d."; return null; }
    if (hidden.nodes[id]) {
      $("search-status").textContent = label(id) + " is hidden by the filters or focus.";
      showNode(id);
      return id;
    }
    $("search-status").textContent = "";
    select("node", id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    return id;
  }

  // ------------------------------------------------------------------ selection and the panel

  function select(type, id) {
    if (type === "node" && !hidden.nodes[id]) { network.selectNodes([id], false); }
    if (type === "edge" && EDGES[id] && !hidden.edges[id]) { network.setSelection({ nodes: [], edges: [id] }); }
    if (type === "node") { showNode(id); } else if (type === "edge") { showEdge(id); } else { showFinding(id); }
  }

  function panel(title, subtitle) {
    var body = $("panel-body");
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(el("h1", null, title));
    if (subtitle) { body.appendChild(el("div", "sub", subtitle)); }
    return body;
  }

  function defs(parent, rows) {
    var dl = el("dl");
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === "") { return; }
      dl.appendChild(el("dt", null, r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) { dd.appendChild(r[1]); } else { dd.textContent = String(r[1]); }
      dl.appendChild(dd);
    });
    parent.appendChild(dl);
  }

  function nodeLink(id) {
    if (!NODES[id]) { return document.createTextNode(id); }
    var b = el("button", "link", label(id));
    b.type = "button";
    b.addEventListener("click", function () { select("node", id); });
    return b;
  }

  function evidence(aid) {
    var a = ASSERTIONS[aid];
    var box = el("div", "evidence st-" + (a ? a.status : "asserted"));
    if (!a) { box.appendChild(el("div", "muted", "Evidence not found in the graph: " + aid)); return box; }
    var q = el("blockquote", "sentence");
    q.appendChild(document.createTextNode(a.before));
    q.appendChild(el("mark", null, a.quote));
    q.appendChild(document.createTextNode(a.after));
    box.appendChild(q);
    var where = a.is_post ? "the article" : ("comment " + (a.message || "?"));
    var who = (a.author || "author not given") + (a.created ? ", " + a.created : "");
    box.appendChild(el("div", "meta", "\u2014 " + who + " \u00b7 " + where + (a.thread ? " of \u201c" + a.thread + "\u201d" : "")));
    var m = el("div", "meta");
    m.appendChild(el("span", "badge", "confidence " + fmtConf(a.confidence)));
    m.appendChild(el("span", "badge st-" + a.status, a.status));
    if (a.rule) { m.appendChild(el("span", "badge", a.rule)); }
    (a.details || []).forEach(function (d) { m.appendChild(el("span", "badge", d[0] + ": " + d[1])); });
    box.appendChild(m);
    return box;
  }

  function factBlock(eid, withHead) {
    var e = EDGES[eid];
    var div = el("div", "fact");
    if (withHead) {
      var head = el("div", "fact-head");
      head.appendChild(document.createTextNode(label(e.from) + " \u2014 "));
      var b = el("button", null, e.label);
      b.type = "button";
      b.addEventListener("click", function () { select("edge", eid); });
      head.appendChild(b);
      head.appendChild(document.createTextNode(" \u2014 " + label(e.to)));
      div.appendChild(head);
    }
    if (e.finding) {
      var f = FINDINGS[e.finding];
      div.appendChild(el("div", null, "Conflict-of-interest finding" + (f && f.basis ? " (" + f.basis + ")" : "") +
        ", confidence " + fmtConf(e.confidence)));
      return div;
    }
    var meta = el("div", "meta");
    meta.appendChild(el("span", "badge", "confidence " + fmtConf(e.confidence)));
    meta.appendChild(el("span", "badge st-" + e.status, e.status));
    meta.appendChild(el("span", "badge", e.assertions.length + " evidence span(s)"));
    div.appendChild(meta);
    e.assertions.forEach(function (aid) { div.appendChild(evidence(aid)); });
    return div;
  }

  function showNode(id) {
    var n = NODES[id];
    state.selected = { type: "node", id: id };
    var cat = DATA.categories.filter(function (c) { return c.key === n.category; })[0];
    var body = panel(n.label, (cat ? cat.label : n.category) + (n.kind && n.kind !== "other" && n.kind !== n.category ? " (" + n.kind + ")" : ""));
    defs(body, [["also called", (n.aliases || []).join("; ")], ["mentions", n.mentions || ""], ["links", n.degree]]);
    var mine = DATA.findings.filter(function (f) {
      return Object.keys(f.parties).some(function (r) { return f.parties[r].id === id; });
    });
    if (mine.length) {
      body.appendChild(el("h2", null, "Findings"));
      mine.forEach(function (f) { body.appendChild(findingButton(f)); });
    }
    body.appendChild(el("h2", null, "Facts"));
    if (!incident[id].length) { body.appendChild(el("p", "muted", "No facts link this entity to another.")); }
    incident[id].forEach(function (eid) { body.appendChild(factBlock(eid, true)); });
    if ((n.seen || []).length) {
      body.appendChild(el("h2", null, "Named in" + (n.mentions > n.seen.length ? " (first " + n.seen.length + " of " + n.mentions + " messages)" : "")));
      n.seen.forEach(function (m) {
        var box = el("div", "evidence mention");
        var q = el("blockquote", "sentence");
        q.appendChild(document.createTextNode(m.before));
        q.appendChild(el("mark", null, m.quote));
        q.appendChild(document.createTextNode(m.after));
        box.appendChild(q);
        var where = m.message === "post" ? "the article" : ("comment " + (m.message || "?"));
        box.appendChild(el("div", "meta", "\u2014 " + (m.author || "author not given") + (m.created ? ", " + m.created : "") +
          " \u00b7 " + where + (m.thread ? " of \u201c" + m.thread + "\u201d" : "")));
        body.appendChild(box);
      });
    }
  }

  function showEdge(eid) {
    var e = EDGES[eid];
    if (e.finding && FINDINGS[e.finding]) { showFinding(e.finding); state.selected = { type: "edge", id: eid }; return; }
    state.selected = { type: "edge", id: eid };
    var body = panel(label(e.from) + " \u2014 " + e.label + " \u2014 " + label(e.to), "relation: " + kindLabel(e.kind));
    var ends = el("div");
    ends.appendChild(nodeLink(e.from));
    ends.appendChild(document.createTextNode(" \u2192 "));
    ends.appendChild(nodeLink(e.to));
    body.appendChild(ends);
    body.appendChild(factBlock(eid, false));
  }

  function showFinding(fid) {
    var f = FINDINGS[fid];
    state.selected = { type: "finding", id: fid };
    var p = f.parties;
    var title = (p.official ? p.official.label : "?") + " \u2194 " + (p.counterparty ? p.counterparty.label : "?");
    var body = panel(title, "Conflict of interest \u00b7 " + (f.kind || "finding") + (f.rule ? " \u00b7 rule " + f.rule : ""));
    var badge = el("span", "badge finding", "confidence " + fmtConf(f.confidence));
    body.appendChild(badge);
    if (f.review) { body.appendChild(el("span", "badge", f.review)); }
    function party(role) { return p[role] ? nodeLink(p[role].id) : null; }
    defs(body, [["official", party("official")], ["public body", party("publicBody")], ["duty", f.duty],
                ["connector", party("connector")], ["counterparty", party("counterparty")],
                ["contract", party("contract")], ["basis", f.basis]]);
    if (f.explanation) {
      body.appendChild(el("h2", null, "Explanation"));
      body.appendChild(el("div", "explanation", f.explanation));
    }
    body.appendChild(el("h2", null, "Chain of evidence"));
    var ol = el("ol", "chain");
    f.steps.forEach(function (aid) {
      var li = el("li");
      var a = ASSERTIONS[aid];
      if (a) { li.appendChild(el("div", "fact-head", a.subject + " \u2014 " + kindLabel(a.kind) + " \u2014 " + a.object)); }
      li.appendChild(evidence(aid));
      ol.appendChild(li);
    });
    body.appendChild(ol);
  }

  function findingButton(f) {
    var b = el("button");
    b.type = "button";
    b.dataset.finding = f.id;
    var p = f.parties;
    b.appendChild(el("div", "fact-head", (p.official ? p.official.label : "?") + " \u2194 " +
      (p.counterparty ? p.counterparty.label : "?")));
    b.appendChild(el("div", "meta", [f.basis || f.kind, "confidence " + fmtConf(f.confidence), f.review]
      .filter(Boolean).join(" \u00b7 ")));
    b.addEventListener("click", function () {
      if (f.edge && !hidden.edges[f.edge]) {
        network.setSelection({ nodes: [], edges: [f.edge] });
        network.focus(EDGES[f.edge].from, { scale: Math.max(network.getScale(), 0.8), animation: false });
      }
      showFinding(f.id);
    });
    return b;
  }

  function buildFindings() {
    $("findings-count").textContent = "(" + DATA.findings.length + ")";
    var ol = $("findings");
    if (!DATA.findings.length) { ol.appendChild(el("li", "muted", "none")); }
    DATA.findings.forEach(function (f) { var li = el("li"); li.appendChild(findingButton(f)); ol.appendChild(li); });
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  buildControls();
  buildFindings();
  applyFilters();

  // For tests and the console: what is drawn, and the same actions the controls take.
  window.threadgraph = {
    data: DATA,
    network: network,
    visibleCounts: visibleCounts,
    drawnCounts: function () {
      var b = network.body, n = 0, e = 0;
      b.nodeIndices.forEach(function (id) { if (!b.nodes[id].options.hidden) { n++; } });
      b.edgeIndices.forEach(function (id) {
        var x = b.edges[id];
        if (!x.options.hidden && x.connected && !x.from.options.hidden && !x.to.options.hidden) { e++; }
      });
      return { nodes: n, edges: e };
    },
    search: runSearch,
    focus: setFocus,
    selected: function () { return state.selected; },
    applyFilters: applyFilters
  };
  document.body.dataset.ready = "1";
})();
