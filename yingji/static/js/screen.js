// The wall display: dark charts, a clock, and charts redrawn whenever htmx brings fresh panels.
(function () {
  "use strict";

  function tick(clock) {
    var now = new Date();
    var lang = document.documentElement.lang || "zh-CN";
    var zone = clock.dataset.timeZone;
    clock.querySelector(".date").textContent = now.toLocaleDateString(lang, {
      timeZone: zone, year: "numeric", month: "long", day: "numeric", weekday: "long",
    });
    clock.querySelector(".time").textContent = now.toLocaleTimeString(lang, { timeZone: zone, hour12: false });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var clock = document.getElementById("clock");
    tick(clock);
    window.setInterval(function () { tick(clock); }, 1000);
    window.YingjiCharts.drawAll(document, "dark");
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      window.YingjiCharts.disposeIn(event.detail.target);
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      window.YingjiCharts.drawAll(event.detail.target, "dark", true);
    });
  });
})();
