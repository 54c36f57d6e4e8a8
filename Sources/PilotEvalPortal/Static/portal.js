// Enhancement only: every page works without it. Keeps deadline countdowns current.
(function () {
  "use strict";
  function update() {
    document.querySelectorAll(".countdown[data-deadline]").forEach(function (node) {
      var left = Math.floor((Date.parse(node.dataset.deadline) - Date.now()) / 1000);
      if (isNaN(left)) { return; }
      if (left < 0) { node.textContent = node.dataset.passed; return; }
      var text = node.dataset.template
        .replace("{0}", String(Math.floor(left / 86400)))
        .replace("{1}", String(Math.floor((left % 86400) / 3600)))
        .replace("{2}", String(Math.floor((left % 3600) / 60)));
      node.textContent = text;
    });
  }
  document.addEventListener("DOMContentLoaded", function () { update(); setInterval(update, 30000); });
})();
