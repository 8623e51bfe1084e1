/// The small script every page served by the preview server gets (never the pages in
/// `public/`): it listens to the event stream, reloads after a rebuild (or goes to the
/// profile just saved), refreshes only the stylesheet after a CSS change, and shows build
/// errors in an overlay that disappears when they are fixed.
enum ReloadScript {
    static let path = "/__vinhdanh/reload.js"
    static let events = "/__vinhdanh/events"

    /// The tag injected before `</body>`.
    static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = """
    (function () {
      "use strict";
      if (!window.EventSource) return;
      var source = new EventSource("\(events)");
      function overlay(lines) {
        var box = document.getElementById("vinhdanh-loi");
        if (!lines) { if (box) box.remove(); return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "vinhdanh-loi";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:99999;" +
            "background:#fff3f3;color:#600;border-top:4px solid #a00;padding:1rem;font:14px/1.5 monospace;white-space:pre-wrap";
          document.body.appendChild(box);
        }
        box.textContent = "Không xây dựng được trang (trang đang xem là bản cũ):\\n\\n" + lines.join("\\n");
      }
      source.addEventListener("reload", function (e) {
        overlay(null);
        var target = e.data;
        if (target && target !== location.pathname) { location.href = target; } else { location.reload(); }
      });
      source.addEventListener("css", function () {
        overlay(null);
        document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
          var url = new URL(link.href);
          url.searchParams.set("v", Date.now());
          link.href = url.toString();
        });
      });
      source.addEventListener("error", function (e) {
        if (e.data) overlay(JSON.parse(e.data));
      });
    })();
    """
}
