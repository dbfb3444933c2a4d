// Goroscope SVG flame graph: click a frame to zoom, Reset Zoom, Search (Ctrl-F or the button), Escape to undo.
// Everything about the frames is read from the document: their rectangles, and the first line of each <title>.
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var svg, group, boxes = [], details, matchedEl, resetEl, searchEl;
  var icicle, pad, full, charW, matchFill, base = 0, current = 0, term = "";

  function init() {
    svg = document.documentElement;
    group = document.getElementById("frames");
    details = document.getElementById("details");
    matchedEl = document.getElementById("matched");
    resetEl = document.getElementById("reset");
    searchEl = document.getElementById("search");
    icicle = svg.getAttribute("data-icicle") === "true";
    pad = +svg.getAttribute("data-pad");
    full = +svg.getAttribute("width") - 2 * pad;
    charW = +svg.getAttribute("data-font") * 0.59;
    matchFill = svg.getAttribute("data-match");
    term = svg.getAttribute("data-search") || "";
    base = current = +group.getAttribute("data-zoom");
    for (var g = group.firstElementChild; g; g = g.nextElementSibling) {
      var rect = g.getElementsByTagName("rect")[0];
      var title = g.getElementsByTagName("title")[0].textContent;
      var nl = title.indexOf("\n");
      var y = +rect.getAttribute("y");
      g.__box = boxes.length;
      boxes.push({
        g: g, rect: rect, text: g.getElementsByTagName("text")[0] || null,
        name: nl < 0 ? title : title.substring(0, nl), info: title.replace(/\n/g, "   "),
        x: +rect.getAttribute("x"), w: +rect.getAttribute("width"), key: icicle ? y : -y,
        fill: rect.getAttribute("data-fill") || rect.getAttribute("fill"), hit: false
      });
    }
    if (term) {
      var re = compile(term);
      for (var i = 0; re && i < boxes.length; i++) {
        boxes[i].hit = re.test(boxes[i].name);
      }
    }
    group.addEventListener("click", function (e) {
      var i = boxOf(e.target);
      if (i >= 0) { zoom(i); }
    });
    group.addEventListener("mouseover", function (e) {
      var i = boxOf(e.target);
      if (i >= 0) { details.textContent = boxes[i].info; }
    });
    group.addEventListener("mouseout", function () { details.textContent = " "; });
    resetEl.addEventListener("click", function () { zoom(base); });
    searchEl.addEventListener("click", function () { if (term) { clearSearch(); } else { ask(); } });
    matchedEl.addEventListener("click", clearSearch);
    window.addEventListener("keydown", function (e) {
      if ((e.ctrlKey || e.metaKey) && (e.key === "f" || e.keyCode === 70)) {
        e.preventDefault();
        ask();
      } else if (e.key === "Escape") {
        if (current !== base) { zoom(base); } else { clearSearch(); }
      }
    });
  }

  function boxOf(node) {
    while (node && node.parentNode !== group) { node = node.parentNode; }
    return node && node.__box !== undefined ? node.__box : -1;
  }

  function shortName(f) {
    var bracket = f.indexOf("["), slash = f.lastIndexOf("/");
    if (bracket >= 0 && bracket < slash) { slash = f.lastIndexOf("/", bracket); }
    return f.indexOf(".", slash + 1) < 0 ? f : f.substring(slash + 1);
  }

  function fit(name, w) {
    var chars = Math.floor((w - 6) / charW);
    if (chars < 3) { return ""; }
    var s = shortName(name);
    return s.length <= chars ? s : s.substring(0, chars - 2) + "..";
  }

  function place(b, x, w, ancestor) {
    b.g.style.display = "";
    b.g.setAttribute("class", ancestor ? "a" : "");
    b.rect.setAttribute("x", x.toFixed(1));
    b.rect.setAttribute("width", w.toFixed(1));
    var label = fit(b.name, w);
    if (!b.text && label) {
      b.text = document.createElementNS(SVG_NS, "text");
      b.text.setAttribute("y", (+b.rect.getAttribute("y") + 12).toFixed(1));
      b.g.appendChild(b.text);
    }
    if (b.text) {
      b.text.setAttribute("x", (x + 3).toFixed(1));
      b.text.textContent = label;
    }
  }

  // Boxes are in pre-order: a box's callees follow it while they are deeper; its nearest earlier shallower box is its caller.
  function zoom(i) {
    var t = boxes[i], scale = full / t.w, shown = new Array(boxes.length), k, key = t.key;
    for (k = i - 1; k >= 0; k--) {
      if (boxes[k].key < key) {
        key = boxes[k].key;
        place(boxes[k], pad, full, true);
        shown[k] = true;
      }
    }
    place(t, pad, full, false);
    shown[i] = true;
    for (k = i + 1; k < boxes.length && boxes[k].key > t.key; k++) {
      place(boxes[k], pad + (boxes[k].x - t.x) * scale, boxes[k].w * scale, false);
      shown[k] = true;
    }
    for (k = 0; k < boxes.length; k++) {
      if (!shown[k]) { boxes[k].g.style.display = "none"; }
    }
    current = i;
    resetEl.setAttribute("class", i === base ? "hide" : "");
    if (term) { showMatched(); }
  }

  function compile(t) {
    try {
      return new RegExp(t);
    } catch (e) {
      matchedEl.textContent = "Bad pattern: " + e.message;
      return null;
    }
  }

  function ask() {
    var t = window.prompt("Highlight functions matching (regular expression):", term);
    if (t === null) { return; }
    if (t === "") { clearSearch(); return; }
    var re = compile(t);
    if (!re) { return; }
    term = t;
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      b.hit = re.test(b.name);
      b.rect.setAttribute("fill", b.hit ? matchFill : b.fill);
    }
    searchEl.textContent = "Reset Search";
    showMatched();
  }

  // The share of the zoomed frame's width under a match, each stack counted once (a match's callees are skipped).
  function showMatched() {
    var t = boxes[current], sum = 0, k = current;
    while (k < boxes.length && (k === current || boxes[k].key > t.key)) {
      if (boxes[k].hit) {
        sum += boxes[k].w;
        var key = boxes[k].key;
        k++;
        while (k < boxes.length && boxes[k].key > key) { k++; }
      } else {
        k++;
      }
    }
    matchedEl.textContent = "Matched: " + (t.w > 0 ? 100 * sum / t.w : 0).toFixed(1) + "%";
  }

  function clearSearch() {
    term = "";
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].hit = false;
      boxes[i].rect.setAttribute("fill", boxes[i].fill);
    }
    matchedEl.textContent = " ";
    searchEl.textContent = "Search";
  }

  window.addEventListener("load", init);
})();
