// Yingji's charts, drawn from the JSON the page carries (no inline scripts: CSP). The dashboard
// draws them light, the wall display dark. An element <div data-chart="map|trend|accidents|funnel"
// data-source="id of a json_script"> becomes a chart; a click opens the records behind a number.
(function () {
  "use strict";

  var PALETTES = {
    light: { alarm: ["#fdf0ef", "#b42318"], work: ["#eaf2fb", "#1c4f80"], rate: ["#f3faf5", "#1e6b34"] },
    dark: { alarm: ["#2c3550", "#ff5a4e"], work: ["#24345a", "#3fa7ff"], rate: ["#24345a", "#35d49a"] },
  };
  var FUNNEL_COLOURS = ["#2f7fd8", "#1f9d74", "#6b5bd2"]; // dark enough for white labels
  var STORED_INDICATOR = "yingji-map-indicator";
  var shapes = {}; // geo URL -> promise of its GeoJSON: fetched once per page, kept across redraws
  var charts = [];

  function data(element) {
    return JSON.parse(document.getElementById(element.dataset.source).textContent);
  }

  function open(url) {
    if (url) window.location.href = url;
  }

  function trend(chart, series) {
    chart.setOption({
      backgroundColor: "transparent",
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: series.months },
      yAxis: { type: "value", minInterval: 1 },
      series: series.series.map(function (s, i) {
        return { name: s.name, type: i === 0 ? "bar" : "line", data: s.data, smooth: true };
      }),
    });
  }

  function accidents(chart, rows) {
    chart.setOption({
      backgroundColor: "transparent",
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 36, right: 12, top: 36, bottom: 28 },
      xAxis: { type: "category", data: rows.categories },
      yAxis: { type: "value", minInterval: 1 },
      series: rows.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.data, barMaxWidth: 28, label: { show: true, position: "top" } };
      }),
    });
    chart.on("click", function (p) { open(rows.urls[p.dataIndex]); });
  }

  function funnel(chart, steps) {
    chart.setOption({
      backgroundColor: "transparent",
      tooltip: { trigger: "item", formatter: "{b}: {c}" },
      series: [{
        type: "funnel",
        sort: "none",
        top: 8, bottom: 8, left: "8%", width: "84%",
        min: 0,
        max: Math.max.apply(null, steps.map(function (s) { return s.value; }).concat([1])),
        minSize: "30%",
        gap: 4,
        label: { position: "inside", formatter: "{b}  {c}", fontSize: 16, color: "#ffffff" },
        itemStyle: { borderWidth: 0 },
        color: FUNNEL_COLOURS,
        data: steps,
      }],
    });
    chart.on("click", function (p) { open(p.data && p.data.url); });
  }

  function loadShapes(url) {
    if (!shapes[url]) {
      shapes[url] = fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("map shapes " + url + ": HTTP " + response.status);
          return response.json();
        });
    }
    return shapes[url];
  }

  function chosenIndicator(select, indicators) {
    var keys = indicators.map(function (i) { return i.key; });
    if (select) {
      var stored = window.sessionStorage.getItem(STORED_INDICATOR);
      if (stored && keys.indexOf(stored) >= 0) select.value = stored;
      return select.value;
    }
    return keys[0];
  }

  // On a small map "文艺路" says as much as "文艺路街道"; the tooltip keeps the full name.
  function label(name) {
    return (name || "").replace(/(街道|镇|乡)$/, "");
  }

  // Longitude and latitude extent of the shapes, and how much narrower a degree of longitude is
  // than one of latitude there (cos of the latitude): ECharts draws degrees, not kilometres.
  function extent(geojson) {
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    (function walk(c) {
      if (typeof c[0] === "number") {
        box = [Math.min(box[0], c[0]), Math.min(box[1], c[1]), Math.max(box[2], c[0]), Math.max(box[3], c[1])];
      } else c.forEach(walk);
    })(geojson.features.map(function (f) { return f.geometry.coordinates; }));
    var squeeze = Math.cos(((box[1] + box[3]) / 2) * Math.PI / 180);
    return { squeeze: squeeze, aspect: ((box[2] - box[0]) * squeeze) / (box[3] - box[1] || 1) };
  }

  // The largest size that fits the chart with a margin: ECharts' layoutSize is the longer side.
  function fit(chart, shape) {
    var width = chart.getWidth() * 0.9, height = chart.getHeight() * 0.88;
    var drawnWidth = Math.min(width, height * shape.aspect);
    return Math.max(drawnWidth, drawnWidth / shape.aspect);
  }

  // The map's colour scale runs from the smallest value shown to the largest (a rate to 100%):
  // starting at 0 would paint regions of 80 and 95 alike. One value alone, or none, still
  // gives a range ECharts can draw.
  function colourScale(values, unit) {
    var shown = values.filter(function (v) { return typeof v === "number" && isFinite(v); });
    if (!shown.length) return { min: 0, max: unit === "%" ? 100 : 1 };
    var low = Math.min.apply(null, shown);
    var high = unit === "%" ? 100 : Math.max.apply(null, shown);
    return { min: low, max: high > low ? high : low + 1 };
  }

  function map(chart, context, element, theme) {
    var select = document.getElementById(element.dataset.select);
    var names = {};
    context.regions.forEach(function (r) { names[r.code] = r.name; });
    var mapName = "yingji-" + context.region;
    var dark = theme === "dark";
    var shape = null;

    function paint() {
      if (chart.isDisposed()) {
        window.removeEventListener("resize", paint); // a wall display refreshes for weeks: no leak
        return;
      }
      if (!shape) return;
      var key = chosenIndicator(select, context.indicators);
      var indicator = context.indicators.filter(function (i) { return i.key === key; })[0];
      var unit = indicator.unit;
      var items = context.regions.map(function (r) {
        var value = r.values[key];
        return { name: r.code, value: value === null ? NaN : value, url: r.urls[key] };
      });
      var scale = colourScale(items.map(function (i) { return i.value; }), unit);
      chart.setOption({
        backgroundColor: "transparent",
        tooltip: {
          trigger: "item",
          formatter: function (p) {
            var piece = (indicator.pieces || []).filter(function (x) { return x.value === p.value; })[0];
            var shown = piece ? piece.label : isNaN(p.value) ? "—" : p.value + unit;
            return echarts.format.encodeHTML((names[p.name] || p.name) + " · " + indicator.label + " " + shown);
          },
        },
        visualMap: indicator.pieces ? {
          // Levels (a warning's 蓝黄橙红) in their own colours, not a scale.
          type: "piecewise",
          left: 8,
          bottom: 8,
          pieces: indicator.pieces,
          textStyle: { color: dark ? "#ffffff" : "#1f2933" },
        } : {
          type: "continuous",
          min: scale.min,
          max: scale.max,
          left: 8,
          bottom: 8,
          itemHeight: 90,
          calculable: false,
          text: [scale.max + unit, scale.min + unit],
          inRange: { color: PALETTES[theme][indicator.palette] },
        },
        series: [{
          type: "map",
          map: mapName,
          nameProperty: "code",
          selectedMode: false,
          aspectScale: shape.squeeze,
          layoutCenter: ["50%", "50%"],
          layoutSize: fit(chart, shape),
          label: {
            show: true,
            fontSize: dark ? 14 : 12,
            color: dark ? "#ffffff" : "#1f2933",
            textBorderColor: dark ? "#07101f" : "#ffffff",
            textBorderWidth: 2,
            formatter: function (p) { return label(names[p.name]); },
          },
          itemStyle: { borderColor: dark ? "#0b1426" : "#ffffff", areaColor: dark ? "#1b2640" : "#eef1f4" },
          emphasis: { label: { show: true }, itemStyle: { areaColor: "#f5a524" } },
          data: items,
        }],
      });
      element.dataset.indicator = key;
    }

    loadShapes(context.geo_url).then(function (geojson) {
      if (geojson.features.length) {
        if (!echarts.getMap(mapName)) echarts.registerMap(mapName, geojson);
        shape = extent(geojson);
        paint();
      }
      element.dataset.drawn = String(geojson.features.length); // for the browser journey
    });
    if (select) {
      select.addEventListener("change", function () {
        window.sessionStorage.setItem(STORED_INDICATOR, select.value);
        paint();
      });
    }
    window.addEventListener("resize", paint);
    chart.on("click", function (p) { open(p.data && p.data.url); });
  }

  var DRAW = { trend: trend, accidents: accidents, funnel: funnel, map: map };

  // `still`: no growing bars on a refresh, or a wall display would flicker every minute.
  function drawAll(root, theme, still) {
    theme = theme || "light";
    charts = charts.filter(function (c) { return !c.isDisposed() && document.body.contains(c.getDom()); });
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      var chart = echarts.init(element, theme === "dark" ? "dark" : null, { renderer: "svg" });
      if (still) chart.setOption({ animation: false });
      DRAW[element.dataset.chart](chart, data(element), element, theme);
      charts.push(chart);
    });
  }

  function disposeIn(root) {
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      var chart = echarts.getInstanceByDom(element);
      if (chart) chart.dispose();
    });
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { if (!c.isDisposed()) c.resize(); });
  });
  window.YingjiCharts = { drawAll: drawAll, disposeIn: disposeIn, colourScale: colourScale };
})();
