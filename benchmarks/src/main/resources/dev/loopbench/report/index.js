// index.html's charts and table. The figures come computed from the page's JSON (PageData):
// this script draws and sorts them, and derives nothing of the model.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const drawn = document.getElementById('drawn');
  const hash = new URLSearchParams(location.hash.slice(1));
  const MODEL_DASH = [8, 5];
  const CONTROL_DASH = [3, 3];

  const fmt = v => v == null || !isFinite(v) ? '—' : Math.abs(v) >= 1 ? v.toFixed(1) : v.toPrecision(2);
  const record = (name, value) => { drawn.dataset[name] = JSON.stringify(value); };

  // one x axis for every line: the union of their N, so that lines measured at different N share it
  const xsOf = lines => [...new Set(lines.flatMap(l => l.cells.map(c => c.n)))].sort((a, b) => a - b);
  const column = (line, xs, field) => {
    const byN = new Map(line.cells.map(c => [c.n, c]));
    return xs.map(n => (byN.has(n) && byN.get(n)[field] != null ? byN.get(n)[field] : null));
  };
  const any = values => values.some(v => v != null);
  const lineWidth = line => Math.max(1.5, line.width * 0.55);

  function measured(line, xs, field, label, extra) {
    return Object.assign({
      label: label, kind: 'measured', stroke: line.colour, width: lineWidth(line),
      dash: line.control ? CONTROL_DASH : undefined, values: column(line, xs, field)
    }, extra || {});
  }

  function model(line, xs, field, label) {
    return {label: label, kind: 'model', stroke: line.colour, width: 1.5, dash: MODEL_DASH,
      values: column(line, xs, field)};
  }

  // log axes cannot show zero or less: such a value is left out there, never moved
  const positive = values => values.map(v => (v != null && v > 0 ? v : null));

  function errorBars(spec, logY) {
    return u => {
      const ctx = u.ctx;
      const ratio = window.devicePixelRatio || 1;
      ctx.save();
      ctx.setLineDash([]); // the last series' dash is still set
      ctx.beginPath();
      ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      ctx.clip();
      spec.series.forEach((s, i) => {
        if (!s.errors || !u.series[i + 1].show) return;
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = 1.5 * ratio;
        u.data[i + 1].forEach((v, idx) => {
          const e = s.errors[idx];
          if (v == null || e == null || !(e > 0)) return;
          const x = u.valToPos(u.data[0][idx], 'x', true);
          // an interval that reaches zero runs off a log axis: drawn to its bottom, not shortened
          const low = logY && v - e <= 0 ? u.scales.y.min : v - e;
          const top = u.valToPos(v + e, 'y', true);
          const bottom = u.valToPos(low, 'y', true);
          const cap = 4 * ratio;
          ctx.beginPath();
          ctx.moveTo(x, top); ctx.lineTo(x, bottom);
          ctx.moveTo(x - cap, top); ctx.lineTo(x + cap, top);
          ctx.moveTo(x - cap, bottom); ctx.lineTo(x + cap, bottom);
          ctx.stroke();
        });
      });
      ctx.restore();
    };
  }

  // A chart with its own log/linear switches; switching rebuilds it and keeps the hidden series hidden.
  function chart(spec) {
    const box = document.getElementById(spec.id);
    const tools = document.createElement('div');
    tools.className = 'tools';
    const plot = document.createElement('div');
    box.replaceChildren(tools, plot);
    const state = {logX: spec.logX !== false, logY: spec.logY !== false, shown: spec.series.map(() => true)};
    const toggles = spec.fixedX ? ['logY'] : ['logY', 'logX'];
    toggles.forEach(key => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = state[key];
      box.addEventListener('change', () => { state[key] = box.checked; draw(); });
      label.append(box, key === 'logY' ? ' log y' : ' log x');
      tools.append(label);
    });
    let u = null;
    function draw() {
      if (u) u.destroy();
      const logX = !spec.linearX && (spec.fixedX || state.logX);
      const xs = logX ? positive(spec.x) : spec.x;
      const series = spec.series.map((s, i) => ({
        label: s.label, stroke: s.stroke, width: s.width, dash: s.dash, show: state.shown[i], spanGaps: true,
        // a model is a hollow marker, so that a model of one cell, which has no line, still shows
        points: s.kind === 'model' ? {show: true, size: 7, width: 1.5, fill: '#ffffff'}
          : {show: true, size: 4 + s.width * 1.2, fill: s.stroke},
        paths: s.line === false ? () => null : undefined,
        value: (self, v, si, idx) => v == null ? '—'
          : fmt(v) + (s.errors && idx != null && s.errors[idx] != null ? ' ± ' + fmt(s.errors[idx]) : '')
      }));
      const opts = {
        title: spec.title,
        width: box.clientWidth || 560,
        height: spec.height || 360,
        scales: {x: {time: false, distr: logX ? 3 : 1}, y: {distr: state.logY ? 3 : 1}},
        axes: [
          {label: spec.xLabel, values: spec.xValues, splits: spec.xSplits},
          {label: spec.yLabel, size: 62}
        ],
        series: [{label: spec.xName || 'N', value: (self, v) => v == null ? '—' : (spec.xFormat || fmt)(v)}]
          .concat(series),
        hooks: {
          draw: [errorBars(spec, state.logY)],
          setSeries: [(self, si) => { if (si != null) state.shown[si - 1] = self.series[si].show; }]
        }
      };
      const values = [xs].concat(spec.series.map(s => (state.logY ? positive(s.values) : s.values)));
      u = new uPlot(opts, values, plot);
      record(spec.key, counts(spec, u));
    }
    draw();
  }

  // what the chart holds, read back from uPlot: the test compares it with the cells of the run
  function counts(spec, u) {
    const count = kind => spec.series.reduce((sum, s, i) => s.kind !== kind ? sum
      : sum + u.data[i + 1].filter(v => v != null).length, 0);
    return {series: spec.series.filter(s => s.kind === 'measured').length, measured: count('measured'),
      model: count('model')};
  }

  const lines = data.lines;

  function lessonChart() {
    const withBystanders = lines.filter(l => l.cells.some(c => c.bystanderP99Ms != null));
    const xs = xsOf(withBystanders);
    const series = [];
    withBystanders.forEach(l => {
      series.push(measured(l, xs, 'bystanderP99Ms', l.name + ' p99'));
      series.push(measured(l, xs, 'bystanderP50Ms', l.name + ' p50', {line: false, width: 1}));
      const wait = column(l, xs, 'bystanderModelMs');
      if (l.holdsLoop && any(wait)) series.push(model(l, xs, 'bystanderModelMs', l.name + ' model'));
    });
    return {id: 'chart-lesson', key: 'lesson', title: 'Bystander wait (GET /health) against N', xLabel: 'concurrency N',
      yLabel: 'bystander wait, ms', x: xs, series: series, height: 420};
  }

  function lagChart() {
    const withLag = lines.filter(l => l.cells.some(c => c.loopLagMaxMs != null));
    const xs = xsOf(withLag);
    return {id: 'chart-lag', key: 'lag', title: 'Event-loop lag, max', xLabel: 'concurrency N', yLabel: 'loop lag max, ms',
      x: xs, series: withLag.map(l => measured(l, xs, 'loopLagMaxMs', l.name)), height: 420};
  }

  function waveChart() {
    const xs = xsOf(lines);
    const series = [];
    lines.forEach(l => {
      series.push(measured(l, xs, 'scoreMs', l.name, {errors: column(l, xs, 'errorMs')}));
      if (!l.control && any(column(l, xs, 'modelMs'))) series.push(model(l, xs, 'modelMs', l.name + ' model'));
    });
    return {id: 'chart-wave', key: 'wave', title: 'Wave time against N', xLabel: 'concurrency N', yLabel: 'wave time, ms',
      x: xs, series: series};
  }

  function parallelismChart() {
    const withP = lines.filter(l => l.cells.some(c => c.p != null));
    const xs = xsOf(withP);
    const series = [];
    withP.forEach(l => {
      series.push(measured(l, xs, 'p', l.name));
      if (any(column(l, xs, 'modelP'))) series.push(model(l, xs, 'modelP', l.name + ' model'));
    });
    return {id: 'chart-parallelism', key: 'parallelism', title: 'Effective parallelism P = N × D / T', xLabel: 'concurrency N',
      yLabel: 'P, lanes', x: xs, series: series};
  }

  [lessonChart(), lagChart(), waveChart(), parallelismChart()].forEach(spec => {
    if (spec.series.length) {
      chart(spec);
    } else {
      document.getElementById(spec.id).textContent = 'Nothing to draw: no cell of this run has these figures.';
      record(spec.key, {series: 0, measured: 0, model: 0});
    }
  });

  // The percentile spectrum: x = 1/(1-q) on a log axis, labelled as the percentile it stands for.
  // x is log10(1/(1-q)) on a linear axis, so that the ticks sit on whole decades: 0%, 90%, 99%, 99.9%...
  const percentileLabel = x => {
    const p = 100 * (1 - Math.pow(10, -x));
    return p <= 0 ? '0%' : (p >= 99 ? String(Number(p.toPrecision(Math.max(3, Math.ceil(x) + 1)))) : p.toFixed(0)) + '%';
  };
  const decades = (self, axis, min, max) => {
    const ticks = [];
    for (let d = Math.ceil(min); d <= max; d++) ticks.push(d);
    if (max - min < 3) ticks.push(Math.log10(2), Math.log10(4)); // 50% and 75%, for a cell of few requests
    return ticks.filter(t => t >= min && t <= max).sort((a, b) => a - b);
  };
  const spectrumNote = document.getElementById('spectrum-note');
  const rows = [...document.querySelectorAll('#summary tr[data-row]')];

  function showSpectrum(index) {
    rows.forEach(r => r.classList.toggle('selected', Number(r.dataset.row) === index));
    const row = data.rows[index] || {};
    const box = document.getElementById('chart-spectrum');
    const parts = row.spectra ? ['requests', 'bystanders'].filter(k => row.spectra[k] && row.spectra[k].length) : [];
    if (!parts.length) {
      box.replaceChildren();
      spectrumNote.textContent = (row.cell || 'This row') + ': no latency log beside the results, so no spectrum.';
      record('spectrum', {cell: row.cell || null, series: 0, points: 0});
      return;
    }
    spectrumNote.textContent = row.cell + ': latency at each percentile of every measured request'
      + ' (and bystander), all forks and iterations merged.';
    const tables = parts.map(k => [row.spectra[k].map(p => -Math.log10(1 - p[0] / 100)), row.spectra[k].map(p => p[1])]);
    const joined = uPlot.join(tables);
    const colours = {requests: '#222222', bystanders: '#1f77b4'};
    chart({id: 'chart-spectrum', key: 'spectrumChart', title: 'Percentile spectrum of ' + row.cell, xLabel: 'percentile',
      yLabel: 'latency, ms', fixedX: true, linearX: true, xName: 'percentile', xFormat: percentileLabel,
      xSplits: decades, xValues: (self, splits) => splits.map(percentileLabel), x: joined[0],
      series: parts.map((k, i) => ({label: k, kind: 'measured', stroke: colours[k], width: 2, values: joined[i + 1]})),
      height: 320});
    const points = parts.reduce((sum, k) => sum + row.spectra[k].length, 0);
    record('spectrum', {cell: row.cell, series: parts.length, points: points});
    if (box.scrollIntoView) box.scrollIntoView({block: 'nearest'});
  }

  // The table: sorted by a click on a header, filtered by the text box; #filter=..&sort=..&desc&cell=.. on load.
  const table = document.getElementById('summary');
  const headers = [...table.querySelectorAll('th')];
  const filter = document.getElementById('filter');
  const sortKey = text => {
    const number = parseFloat(text);
    return isNaN(number) ? text : number;
  };
  let sorted = {column: -1, descending: false};

  function sortBy(column, descending) {
    sorted = {column: column, descending: descending};
    const body = rows[0] ? rows[0].parentNode : null;
    const keyed = rows.map(r => ({row: r, key: sortKey(r.cells[column] ? r.cells[column].textContent.trim() : '')}));
    keyed.sort((a, b) => {
      const blankA = a.key === '' || a.key === '?';
      const blankB = b.key === '' || b.key === '?';
      if (blankA || blankB) return blankA - blankB; // cells without a figure go last either way
      const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key
        : String(a.key).localeCompare(String(b.key));
      return descending ? -order : order;
    });
    keyed.forEach(k => body.appendChild(k.row));
    headers.forEach((h, i) => { h.dataset.sorted = i === column ? (descending ? 'desc' : 'asc') : ''; });
    record('table', tableState());
  }

  function applyFilter(text) {
    const words = text.toLowerCase().split(/\s+/).filter(w => w);
    rows.forEach(r => { r.hidden = !words.every(w => r.textContent.toLowerCase().includes(w)); });
    record('table', tableState());
  }

  const tableState = () => ({
    visible: rows.filter(r => !r.hidden).length, rows: rows.length, sortedBy: sorted.column,
    descending: sorted.descending,
    order: [...table.querySelectorAll('tr[data-row]')].filter(r => !r.hidden).map(r => Number(r.dataset.row))
  });

  headers.forEach((h, i) => h.addEventListener('click', () => sortBy(i, sorted.column === i && !sorted.descending)));
  filter.addEventListener('input', () => applyFilter(filter.value));
  rows.forEach(r => r.addEventListener('click', e => {
    if (e.target.closest('a')) return; // the log link opens the file
    showSpectrum(Number(r.dataset.row));
  }));

  if (!data.rows.some(r => r.spectra)) {
    spectrumNote.textContent = 'No latency/*.hlog beside this run\'s results: the table has no spectra.';
  }
  record('table', tableState());
  if (hash.has('filter')) {
    filter.value = hash.get('filter');
    applyFilter(filter.value);
  }
  if (hash.has('sort')) {
    const wanted = hash.get('sort');
    const column = /^\d+$/.test(wanted) ? Number(wanted) : headers.findIndex(h => h.textContent.trim() === wanted);
    if (column >= 0 && column < headers.length) sortBy(column, hash.has('desc'));
  }
  if (hash.has('cell')) {
    const index = data.rows.findIndex(r => r.cell === hash.get('cell'));
    if (index >= 0) showSpectrum(index);
  }
  drawn.dataset.done = 'true';
})();
