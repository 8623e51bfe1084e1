/// The editor's stylesheet and script, served from memory under `/_bien-tap/tai-nguyen/`.
/// The pages work without the script: it only adds accent-insensitive suggestions, rows,
/// and the live preview.
enum EditorAssets {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
        .bar{background:#7a0c0c}.bar nav{max-width:64rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem}
        .bar a{color:#fff;font-weight:600}
        main{max-width:64rem;margin:0 auto;padding:1rem}
        a{color:#0b4f8a}
        :focus-visible{outline:3px solid #c26a00;outline-offset:2px}
        fieldset{border:1px solid #888;margin:1rem 0;padding:.5rem 1rem 1rem}
        legend{font-weight:700;padding:0 .25rem}
        .truong{margin:.75rem 0;display:flex;flex-direction:column;gap:.25rem}
        label{font-weight:600}
        input[type=text],input[type=search],select,textarea{font:inherit;padding:.4rem;border:1px solid #555;border-radius:3px;max-width:100%}
        textarea{width:100%}
        .goi-y{color:#444;font-size:.9rem}
        .an{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem;border-bottom:1px solid #ccc;vertical-align:top}
        .khen-thuong input{width:100%}
        .dong{list-style:none;padding:0;margin:0;display:grid;gap:.4rem}
        .van-de{margin:.25rem 0;padding-left:1.2rem}.van-de .loi{color:#a00000}.van-de .luu-y{color:#5a4500}
        .tom-tat-loi{border:2px solid #a00000;padding:.5rem 1rem;margin:1rem 0}
        .thong-bao{background:#e6f4ea;border-left:4px solid #1e7b34;padding:.5rem 1rem}
        .xung-dot{border:2px solid #8a5a00;padding:.5rem 1rem;margin:1rem 0;background:#fff8e6}
        .xung-dot dt{font-weight:700}.xung-dot dd{margin:0 0 .4rem 1rem}
        .xem-truoc{border:1px dashed #888;padding:.5rem 1rem;margin:1rem 0}
        button,.nut-chinh{font:inherit;font-weight:600;padding:.5rem 1rem;border:0;border-radius:3px;background:#0b4f8a;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
        button.phu{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
        button.nguy-hiem{background:#a00000}
        .goi-y-danh-sach{list-style:none;margin:0;padding:0;border:1px solid #555;max-height:14rem;overflow:auto;background:#fff}
        .goi-y-danh-sach li{padding:.3rem .5rem;cursor:pointer}.goi-y-danh-sach [aria-selected=true]{background:#0b4f8a;color:#fff}
        .trang a{margin-right:1rem}
        """

    static let js = """
        "use strict";
        (function () {
          function fold(s) {
            return s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\\s+/g, " ").trim();
          }
          var serial = 0;
          // Accent-insensitive suggestions from the field's datalist (key, name).
          function suggest(input) {
            var list = document.getElementById(input.getAttribute("list"));
            if (!list) return;
            var options = Array.prototype.map.call(list.options, function (o) { return { key: o.value, name: o.textContent || o.value }; });
            input.removeAttribute("list");
            var box = document.createElement("ul");
            box.className = "goi-y-danh-sach";
            box.id = "goi-y-" + (++serial);
            box.setAttribute("role", "listbox");
            box.hidden = true;
            input.setAttribute("role", "combobox");
            input.setAttribute("aria-autocomplete", "list");
            input.setAttribute("aria-expanded", "false");
            input.setAttribute("aria-controls", box.id);
            input.parentNode.appendChild(box);
            var shown = [], active = -1;
            function close() { box.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; }
            function pick(i) { input.value = shown[i].key; close(); }
            function mark(i) {
              active = i;
              Array.prototype.forEach.call(box.children, function (li, n) { li.setAttribute("aria-selected", n === i ? "true" : "false"); });
              if (i >= 0) { input.setAttribute("aria-activedescendant", box.children[i].id); box.children[i].scrollIntoView({ block: "nearest" }); }
            }
            input.addEventListener("input", function () {
              var q = fold(input.value);
              box.textContent = "";
              shown = q ? options.filter(function (o) { return fold(o.name).indexOf(q) >= 0 || o.key.indexOf(q.replace(/ /g, "-")) >= 0; }).slice(0, 12) : [];
              shown.forEach(function (o, n) {
                var li = document.createElement("li");
                li.id = box.id + "-" + n;
                li.setAttribute("role", "option");
                li.textContent = o.name;
                li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(n); });
                box.appendChild(li);
              });
              box.hidden = shown.length === 0;
              input.setAttribute("aria-expanded", shown.length ? "true" : "false");
              active = -1;
            });
            input.addEventListener("keydown", function (e) {
              if (box.hidden) return;
              if (e.key === "ArrowDown") { e.preventDefault(); mark(Math.min(active + 1, shown.length - 1)); }
              else if (e.key === "ArrowUp") { e.preventDefault(); mark(Math.max(active - 1, 0)); }
              else if (e.key === "Enter" && active >= 0) { e.preventDefault(); pick(active); }
              else if (e.key === "Escape") { close(); }
            });
            input.addEventListener("blur", close);
          }
          // A button that adds a row like the last one, empty.
          function adder(container, rowSelector, label) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "phu them-dong";
            button.textContent = label;
            button.addEventListener("click", function () {
              var rows = container.querySelectorAll(rowSelector);
              var last = rows[rows.length - 1];
              var row = last.cloneNode(true);
              var n = rows.length;
              row.querySelectorAll("input").forEach(function (input) {
                input.value = "";
                input.id = input.id.replace(/-\\d+$/, "-" + n);
              });
              row.querySelectorAll("label").forEach(function (l) {
                l.htmlFor = l.htmlFor.replace(/-\\d+$/, "-" + n);
                l.textContent = l.textContent.replace(/\\d+$/, String(n + 1));
              });
              row.querySelectorAll(".goi-y-danh-sach").forEach(function (b) { b.remove(); });
              last.parentNode.appendChild(row);
              row.querySelectorAll("[data-goi-y]").forEach(function (input) {
                input.setAttribute("list", input.dataset.goiY === "phong-trao" ? "goi-y-phong-trao" : "goi-y-khen-thuong");
                suggest(input);
              });
              row.querySelector("input").focus();
            });
            container.appendChild(button);
          }
          document.addEventListener("DOMContentLoaded", function () {
            document.querySelectorAll("[data-goi-y]").forEach(suggest);
            var movements = document.querySelector("fieldset.phong-trao");
            if (movements) adder(movements, ".dong li", "Thêm phong trào");
            var awards = document.querySelector("fieldset.khen-thuong");
            if (awards) adder(awards, "tbody tr", "Thêm dòng khen thưởng");
            var body = document.getElementById("body"), preview = document.getElementById("xem-truoc");
            var form = body && body.form;
            if (body && preview && form) {
              var timer = null;
              var refresh = function () {
                var data = new FormData();
                data.append("token", form.elements.token.value);
                data.append("body", body.value);
                data.append("ket-thuc", "1");
                fetch("/_bien-tap/xem-truoc", { method: "POST", body: data, credentials: "same-origin" })
                  .then(function (r) { return r.ok ? r.text() : null; })
                  .then(function (html) { if (html !== null) preview.innerHTML = html; });
              };
              body.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 400); });
              refresh();
            }
          });
        })();
        """
}
