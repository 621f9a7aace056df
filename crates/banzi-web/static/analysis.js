// Draws the charts of the structure pages with ECharts (static/vendor/echarts.min.js).
// The numbers come from the page itself: each <script type="application/json"
// class="chart-data"> holds a list of charts {id, title, kind, categories, series: [{name,
// color, values, links}]}, drawn into the element #chart-{id}. The same numbers are in the
// tables beside the charts, so the page reads without this script. Clicking a bar opens the
// list it counts, as the table's link does.
(function () {
  "use strict";
  if (!window.echarts) {
    return;
  }

  function option(c) {
    var horizontal = c.kind === "hbar" || c.kind === "pyramid" || c.kind === "hstack";
    var stacked = c.kind === "hstack" || c.kind === "pyramid";
    var category = {
      type: "category",
      data: c.categories,
      // Every label shown; a long one (a rule's name, an ethnic group) wraps at a width the
      // grid makes room for (containLabel), rather than running off the chart's edge.
      axisLabel: {
        interval: 0,
        fontSize: 11,
        width: c.kind === "hstack" ? 200 : horizontal ? 110 : 72,
        overflow: "break"
      },
      axisTick: { alignWithLabel: true }
    };
    var value = { type: "value", minInterval: 1 };
    if (c.kind === "pyramid") {
      value.axisLabel = { formatter: function (v) { return Math.abs(v); } };
      // The age bands at the chart's left edge, not on the zero line where the men's bars
      // would cover them; room at both ends for the numbers beside the bars.
      category.axisLine = { onZero: false };
      value.boundaryGap = ["20%", "20%"];
    }
    if (!horizontal && c.categories.length > 6) {
      category.axisLabel.rotate = 30;
    }
    if (horizontal) {
      category.inverse = c.kind === "hbar" || c.kind === "hstack";
    }
    var series = c.series.map(function (s, i) {
      var left = c.kind === "pyramid" && i === 0;
      return {
        name: s.name,
        type: "bar",
        stack: stacked ? "all" : undefined,
        data: s.values.map(function (v, j) {
          return {
            value: left ? -v : v,
            cursor: s.links[j] ? "pointer" : "default"
          };
        }),
        itemStyle: s.color ? { color: s.color } : undefined,
        label: {
          show: c.kind !== "hstack",
          position: horizontal ? (left ? "left" : "right") : "top",
          fontSize: 10,
          formatter: function (p) { return p.value === 0 ? "" : Math.abs(p.value); }
        },
        barMaxWidth: 28
      };
    });
    return {
      animation: false,
      // Room beyond the axes for the numbers drawn at the bars' ends, which containLabel
      // does not count: at the right of horizontal bars, above vertical ones.
      grid: {
        left: c.kind === "pyramid" ? 32 : 8,
        right: horizontal ? 36 : 16,
        top: (c.series.length > 1 ? 28 : 12) + (horizontal ? 0 : 14),
        bottom: 8,
        containLabel: true
      },
      legend: c.series.length > 1 ? { top: 0, itemHeight: 10, textStyle: { fontSize: 11 } } : undefined,
      tooltip: {
        trigger: "item",
        valueFormatter: function (v) { return Math.abs(v); }
      },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    };
  }

  function draw(c) {
    var el = document.getElementById("chart-" + c.id);
    if (!el || !c.categories.length) {
      return;
    }
    if (c.kind === "hstack") {
      // One row per rule, tall enough for a name that wraps to two lines.
      el.style.height = Math.max(el.clientHeight, c.categories.length * 30 + 60) + "px";
    }
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option(c));
    chart.on("click", function (p) {
      var s = c.series[p.seriesIndex];
      var link = s && s.links[p.dataIndex];
      if (link) {
        window.location.href = link;
      }
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    var blocks = document.querySelectorAll("script.chart-data");
    Array.prototype.forEach.call(blocks, function (b) {
      var charts;
      try {
        charts = JSON.parse(b.textContent);
      } catch (e) {
        return;
      }
      charts.forEach(draw);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
