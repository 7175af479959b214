package dev.loopbench.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code history.html}: self-contained, the history's JSON embedded and drawn by the page's own
 * script as SVG (no library, no network): one chart per benchmark, handler and metric, one line
 * per parameter set, JMH's confidence interval as error bars, regressions ringed in red, the x-axis
 * in run order labelled with date and commit (a link when the repository URL is known).
 */
public final class HistoryPage {

    private HistoryPage() {}

    public static void write(History history, Path directory) throws IOException {
        String json = history.toJson().encodePrettily();
        Files.writeString(directory.resolve("history.json"), json + "\n", StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("history.html"), html(json), StandardCharsets.UTF_8);
    }

    static String html(String json) {
        return TEMPLATE.replace("@DATA@", json.replace("</", "<\\/"));
    }

    private static final String TEMPLATE =
            """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>loopbench: history</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1200px; color: #222; }
              h1 { font-size: 1.5rem; } h2 { font-size: 1.05rem; margin: 0.2rem 0; }
              .sub { color: #555; } .chart { display: inline-block; vertical-align: top; margin: 0.6rem; }
              .legend span { margin-right: 0.8rem; font-size: 0.8rem; cursor: pointer; }
              .legend span.off { opacity: 0.3; }
              .bad { color: #c62828; font-weight: 600; }
              #filter { font-size: 1rem; padding: 0.3rem; width: 22rem; }
              table { border-collapse: collapse; font-size: 0.85rem; }
              td, th { padding: 0.2rem 0.5rem; border-bottom: 1px solid #e5e5e5; text-align: left; }
              svg text { font-size: 10px; fill: #444; } svg { overflow: visible; }
  svg a text { fill: #1565c0; text-decoration: underline; }
            </style>
            </head>
            <body>
            <h1>loopbench: history</h1>
            <p class="sub" id="explain"></p>
            <p><input id="filter" type="search" placeholder="filter charts: handler, metric, N=64 ...">
              <label><input id="log" type="checkbox"> log scale</label>
              <a id="download" href="#" download="history.json">download history.json</a></p>
            <div id="regressions"></div>
            <div id="changes"></div>
            <div id="charts"></div>
            <h2>Runs</h2>
            <table id="runs"></table>
            <pre id="data-summary" hidden></pre>
            <script type="application/json" id="history-data">@DATA@</script>
            <script>
            (function () {
              const raw = document.getElementById('history-data').textContent;
              const data = JSON.parse(raw);
              const runs = data.runs;
              const palette = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#9e9d24', '#455a64'];
              const esc = s => String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
              const runLabel = r => r.time.substring(0, 16).replace('T', ' ') + ' ' + (r.commit ? r.commit.substring(0, 7) + (r.dirty ? '+' : '') : '(no commit)');
              document.getElementById('explain').textContent = runs.length + ' runs in run order. Each point is'
                + ' JMH\\'s score with its confidence interval; a red ring marks a regression against the trailing'
                + ' baseline (the cell\\'s last ' + data.baselineRuns + ' runs before it, pooled): worse by more than '
                + data.thresholds.failPercent + '% and significant (Welch, p < ' + data.thresholds.alpha + '), the'
                + ' rule of compare; which way is worse follows the unit. Click a legend entry to hide or show a line.';
              document.getElementById('download').addEventListener('click', e => {
                e.currentTarget.href = URL.createObjectURL(new Blob([raw], {type: 'application/json'}));
              });
              const charts = new Map();
              data.series.forEach(s => { if (!charts.has(s.chart)) charts.set(s.chart, []); charts.get(s.chart).push(s); });
              const regressions = [];
              data.series.forEach(s => s.points.forEach(p => { if (p.regression) regressions.push([s, p]); }));
              document.getElementById('regressions').innerHTML = regressions.length === 0
                ? '<p>No regression against the trailing baseline.</p>'
                : '<p class="bad">' + regressions.length + ' regression' + (regressions.length === 1 ? '' : 's') + ':</p><ul>'
                  + regressions.map(([s, p]) => '<li class="bad">' + esc(s.chart + ' ' + s.line) + ' in run ' + p.run
                    + ' (' + esc(runLabel(runs[p.run])) + '): ' + p.worsePercent.toFixed(1) + '% worse, p = '
                    + p.pValue.toPrecision(2) + '</li>').join('') + '</ul>';
              const changes = data.appearedOrVanished;
              document.getElementById('changes').innerHTML = changes.length === 0 ? ''
                : '<p>Cells that appear or vanish between runs:</p><ul>' + changes.map(c => '<li>' + esc(c.cell) + ': '
                  + ('appears' in c ? 'first in run ' + c.appears : 'missing' in c ? 'missing in run ' + c.missing
                    : 'last in run ' + c.vanishesAfter) + '</li>').join('') + '</ul>';
              const W = 580, H = 320, L = 60, R = 90, T = 10, B = 80;
              const container = document.getElementById('charts');
              const summary = [];
              const redraws = [];
              const logScale = document.getElementById('log');
              logScale.checked = /[#&]log\\b/.test(location.hash); // history.html#log&filter=...
              logScale.addEventListener('change', () => redraws.forEach(draw => draw()));
              charts.forEach((series, name) => {
                const div = document.createElement('div');
                div.className = 'chart';
                div.dataset.search = (name + ' ' + series.map(s => s.line).join(' ')).toLowerCase();
                const hidden = new Set();
                const draw = () => {
                  const shown = series.filter(s => !hidden.has(s.line));
                  // the scale follows the scores: an interval wider than the chart (3 noisy iterations) is cut at its edge
                  const values = shown.flatMap(s => s.points.map(p => p.score)).filter(v => v !== null);
                  const log = logScale.checked && values.every(v => v > 0);
                  const f = v => log ? Math.log10(v) : v, unf = v => log ? Math.pow(10, v) : v;
                  let lo = Math.min(...values.map(f)), hi = Math.max(...values.map(f));
                  if (!isFinite(lo)) { lo = 0; hi = 1; }
                  if (lo === hi) { lo -= 1; hi += 1; }
                  const pad = (hi - lo) * 0.15; lo -= pad; hi += pad;
                  const x = i => L + (runs.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (runs.length - 1));
                  const y = v => T + (hi - (log ? (v > 0 ? Math.log10(v) : lo - 1) : v)) / (hi - lo) * (H - T - B);
                  let svg = '<svg width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + ' ' + H + '">';
                  svg += '<rect x="' + L + '" y="' + T + '" width="' + (W - L - R) + '" height="' + (H - T - B) + '" fill="none" stroke="#ccc"/>';
                  for (let k = 0; k <= 4; k++) {
                    const v = unf(lo + (hi - lo) * k / 4);
                    svg += '<text x="' + (L - 4) + '" y="' + (y(v) + 3) + '" text-anchor="end">' + v.toPrecision(3) + '</text>';
                  }
                  runs.forEach((r, i) => {
                    const label = '<text transform="translate(' + x(i) + ',' + (H - B + 12) + ') rotate(30)">' + esc(runLabel(r)) + '</text>';
                    svg += r.commitUrl ? '<a href="' + esc(r.commitUrl) + '">' + label + '</a>' : label;
                  });
                  series.forEach((s, si) => {
                    if (hidden.has(s.line)) return;
                    const colour = palette[si % palette.length];
                    const path = s.points.filter(p => p.score !== null).map((p, k) => (k ? 'L' : 'M') + x(p.run) + ' ' + y(p.score)).join(' ');
                    svg += '<path d="' + path + '" fill="none" stroke="' + colour + '" stroke-width="1.5"/>';
                    s.points.forEach(p => {
                      if (p.score === null) return;
                      if (p.low !== null && p.high !== null) {
                        const clip = v => Math.max(T, Math.min(H - B, y(v)));
                        svg += '<line x1="' + x(p.run) + '" x2="' + x(p.run) + '" y1="' + clip(p.low) + '" y2="' + clip(p.high) + '" stroke="' + colour + '" stroke-opacity="0.6"/>';
                      }
                      const tip = s.line + ' run ' + p.run + ': ' + p.score.toPrecision(4) + ' ' + s.unit
                        + (p.low !== null ? ' [' + p.low.toPrecision(4) + ', ' + p.high.toPrecision(4) + ']' : '')
                        + (p.verdict ? '; against the baseline: ' + p.verdict + ' (' + p.worsePercent.toFixed(1) + '% worse)' : '');
                      svg += '<circle class="point" cx="' + x(p.run) + '" cy="' + y(p.score) + '" r="3" fill="' + colour + '"><title>' + esc(tip) + '</title></circle>';
                      if (p.regression) {
                        svg += '<circle class="regression" cx="' + x(p.run) + '" cy="' + y(p.score) + '" r="8" fill="none" stroke="#c62828" stroke-width="2.5"/>';
                      }
                    });
                  });
                  svg += '</svg>';
                  const better = series[0].better;
                  div.innerHTML = '<h2>' + esc(name) + ' <small>(' + esc(series[0].unit) + ', ' + better + ' is better' + (log ? ', log' : '') + ')</small></h2>' + svg
                    + '<div class="legend">' + series.map((s, si) => '<span data-line="' + esc(s.line) + '" class="' + (hidden.has(s.line) ? 'off' : '')
                      + '" style="color:' + palette[si % palette.length] + '">&#9632; ' + esc(s.line) + '</span>').join('') + '</div>';
                  div.querySelectorAll('.legend span').forEach(span => span.addEventListener('click', () => {
                    const line = span.dataset.line;
                    if (hidden.has(line)) hidden.delete(line); else hidden.add(line);
                    draw();
                  }));
                };
                draw();
                redraws.push(draw);
                container.appendChild(div);
                summary.push(name + ': ' + series.reduce((n, s) => n + s.points.length, 0) + ' points, '
                  + series.reduce((n, s) => n + s.points.filter(p => p.regression).length, 0) + ' regressions');
              });
              const filter = document.getElementById('filter');
              const applyFilter = () => {
                const words = filter.value.toLowerCase().split(/\\s+/).filter(w => w);
                container.querySelectorAll('.chart').forEach(c => {
                  c.style.display = words.every(w => c.dataset.search.includes(w)) ? '' : 'none';
                });
              };
              filter.addEventListener('input', applyFilter);
              // history.html#filter=timer%20score opens with the filter typed in
              const given = /[#&]filter=([^&]*)/.exec(location.hash);
              if (given) {
                filter.value = decodeURIComponent(given[1]);
                applyFilter();
              }
              document.getElementById('runs').innerHTML = '<tr><th>run</th><th>time</th><th>commit</th><th>machine</th><th>cells</th><th>source</th></tr>'
                + runs.map(r => '<tr><td>' + r.index + '</td><td>' + esc(r.time) + (r.metadataRecorded ? '' : ' (file time: no run.json)')
                  + '</td><td>' + (r.commitUrl ? '<a href="' + esc(r.commitUrl) + '">' + esc(r.commit.substring(0, 9)) + '</a>' : esc(r.commit.substring(0, 9)))
                  + (r.dirty ? ' +changes' : '') + '</td><td>' + (r.machine.cores > 0 ? r.machine.cores + ' cores, '
                  + (r.machine.memoryBytes / 1073741824).toFixed(1) + ' GiB, ' + esc(r.machine.jdk) : '') + '</td><td>' + r.cells
                  + '</td><td>' + esc(r.source) + '</td></tr>').join('');
              const el = document.getElementById('data-summary');
              el.textContent = 'runs=' + runs.length + '\\ncharts=' + charts.size + '\\npoints=' + data.series.reduce((n, s) => n + s.points.length, 0)
                + '\\nregressions=' + regressions.length + '\\n' + summary.join('\\n');
              el.dataset.points = String(document.querySelectorAll('circle.point').length);
              document.body.dataset.ready = 'true';
            })();
            </script>
            </body>
            </html>
            """;
}
