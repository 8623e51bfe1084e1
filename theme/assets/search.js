// Vinh Danh search client: static, no dependencies. Fetches only the index shards a
// query needs (see Sources/VinhDanh/Output/SearchIndex.swift for the file format).
(function () {
  "use strict";
  var form = document.getElementById("tim-kiem");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-index");
  var input = document.getElementById("q");
  var list = document.getElementById("ket-qua");
  var status = document.getElementById("so-ket-qua");
  var more = document.getElementById("xem-them");
  var FILTERS = ["dia-ban", "phong-trao", "khen-thuong", "nam", "doi-tuong"];
  var PAGE = 20;
  var cache = {};
  var stats = window.__vinhdanhSearch = { bytes: 0, requests: 0, lastMs: 0, lastQuery: "" };
  var meta = null, shown = 0, current = [], generation = 0;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path);
        return r.text();
      }).then(function (text) {
        stats.bytes += text.length; stats.requests += 1;
        return JSON.parse(text);
      });
    }
    return cache[path];
  }
  function undelta(list) {
    var out = new Array(list.length), sum = 0;
    for (var i = 0; i < list.length; i++) { sum += list[i]; out[i] = sum; }
    return out;
  }
  // Fold as the build does: lowercase, no diacritics, đ -> d.
  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đð]/g, "d").toLowerCase();
  }
  function words(text) {
    return text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function matchWord(word) {
    var key = fold(word).replace(/[^a-z0-9]/g, "");
    var typedMarks = key !== word;  // the user typed diacritics (or đ)
    var shards = meta.shards.filter(function (k) { return k.indexOf(key) === 0 || key.indexOf(k) === 0; });
    return Promise.all(shards.map(function (k) { return load("s/" + k + ".json"); })).then(function (parts) {
      var scores = new Map();
      parts.forEach(function (shard) {
        Object.keys(shard).forEach(function (token) {
          if (token.indexOf(key) !== 0) return;
          var whole = token === key;
          var forms = shard[token];
          Object.keys(forms).forEach(function (form) {
            var exact = typedMarks && (whole ? form === word : form.indexOf(word) === 0);
            var bonus = (whole ? 3 : 1) + (exact ? 4 : 0);
            [[forms[form][0], 10], [forms[form][1], 3]].forEach(function (pair) {
              undelta(pair[0]).forEach(function (id) {
                var score = pair[1] + bonus;
                if ((scores.get(id) || 0) < score) scores.set(id, score);
              });
            });
          });
        });
      });
      return scores;
    });
  }

  function filterSets(params) {
    var active = FILTERS.filter(function (f) { return params.get(f); });
    return Promise.all(active.map(function (f) {
      return load("f/" + f + "/" + params.get(f) + ".json").then(function (ids) { return new Set(undelta(ids)); },
        function () { return new Set(); });
    }));
  }

  function search(params) {
    var q = params.get("q") || "";
    var terms = words(q);
    var started = performance.now();
    var run = ++generation;
    return Promise.all([Promise.all(terms.map(matchWord)), filterSets(params)]).then(function (found) {
      if (run !== generation) return;
      var perWord = found[0], sets = found[1];
      var results = [];
      if (perWord.length) {
        perWord[0].forEach(function (score, id) {
          var total = score;
          for (var i = 1; i < perWord.length; i++) {
            var s = perWord[i].get(id);
            if (s === undefined) return;
            total += s;
          }
          results.push([id, total]);
        });
      } else if (sets.length) {
        sets[0].forEach(function (id) { results.push([id, 0]); });
      }
      results = results.filter(function (r) { return sets.every(function (s) { return s.has(r[0]); }); });
      results.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      current = results.map(function (r) { return r[0]; });
      shown = 0;
      list.textContent = "";
      if (!terms.length && !sets.length) { status.textContent = ""; more.hidden = true; return; }
      status.textContent = current.length ? "Tìm thấy " + current.length.toLocaleString("vi-VN") + " hồ sơ." : "Không tìm thấy hồ sơ nào.";
      return showMore().then(function () {
        stats.lastMs = performance.now() - started; stats.lastQuery = q;
        if (!stats.firstResultAt && current.length) stats.firstResultAt = performance.now();
      });
    });
  }

  function showMore() {
    var ids = current.slice(shown, shown + PAGE);
    shown += ids.length;
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return load("d/" + c + ".json").then(function (rows) { return [Number(c), rows]; });
    })).then(function (loaded) {
      var rows = {};
      loaded.forEach(function (pair) { rows[pair[0]] = pair[1]; });
      ids.forEach(function (id) {
        var row = rows[Math.floor(id / meta.chunk)][id % meta.chunk];
        var li = document.createElement("li");
        li.className = "card";
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = meta.root + "ho-so/" + row[1] + "/";
        a.textContent = row[0];
        h.appendChild(a);
        var p = document.createElement("p");
        p.className = "meta";
        var facts = [meta.kinds[row[2]][1], meta.districts[row[3]][1]];
        if (row[4] >= 0) facts.push(meta.awards[row[4]][1]);
        p.textContent = facts.join(" · ");
        li.appendChild(h);
        li.appendChild(p);
        list.appendChild(li);
      });
      more.hidden = shown >= current.length;
    });
  }

  function params() {
    var p = new URLSearchParams();
    if (input.value.trim()) p.set("q", input.value.trim());
    FILTERS.forEach(function (f) {
      var el = form.elements[f];
      if (el && el.value) p.set(f, el.value);
    });
    return p;
  }
  var timer = null;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var p = params();
      var query = p.toString();
      history.replaceState(null, "", query ? "?" + query : location.pathname);
      search(p);
    }, 120);
  }

  load("meta.json").then(function (m) {
    meta = m;
    var initial = new URLSearchParams(location.search);
    input.value = initial.get("q") || "";
    FILTERS.forEach(function (f) {
      var el = form.elements[f];
      if (el && initial.get(f)) el.value = initial.get(f);
    });
    input.addEventListener("input", update);
    FILTERS.forEach(function (f) { if (form.elements[f]) form.elements[f].addEventListener("change", update); });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    more.addEventListener("click", function () { showMore(); });
    search(initial);
  });
})();
