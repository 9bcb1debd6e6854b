// Draws the dashboard's charts (charts.js) once the page is there.
document.addEventListener("DOMContentLoaded", function () {
  window.YingjiCharts.drawAll(document, "light");
});
