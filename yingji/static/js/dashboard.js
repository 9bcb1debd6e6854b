// Draws the dashboard's charts from the JSON the page carries (no inline scripts: CSP).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".chart[data-source]").forEach(function (element) {
    var data = JSON.parse(document.getElementById(element.dataset.source).textContent);
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: data.months },
      yAxis: { type: "value", minInterval: 1 },
      series: data.series.map(function (s, i) {
        return { name: s.name, type: i === 0 ? "bar" : "line", data: s.data, smooth: true };
      }),
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
