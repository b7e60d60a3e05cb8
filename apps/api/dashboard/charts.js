// Charts and their data tables. uPlot comes from /dashboard/uplot.js, a classic script the page
// loads before this module; charts are canvases, so every one has a table with the same numbers.
const COLORS = { blue: '#0b5cad', red: '#b3261e', green: '#1e6b3a', ink: '#1a1d21', grid: '#e3e6ea' };
const HEIGHT = 260;
const charts = new Map();

/** Creates an element with attributes and children (text is never parsed as HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Fills a table body; each row is `{ attrs, cells: [[column, value], …] }`, the first cell its header. */
export function fillTable(table, rows) {
  const cell = ([col, value], i) =>
    el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', 'data-col': col } : { 'data-col': col }, String(value));
  table.tBodies[0].replaceChildren(...rows.map(({ attrs, cells }) => el('tr', attrs, ...cells.map(cell))));
}

/** Draws (or redraws) a chart in `container` at its current width. */
function draw(container, options, data) {
  charts.get(container)?.destroy();
  container.replaceChildren();
  const width = Math.max(280, container.clientWidth);
  const legend = { live: false };
  charts.set(container, new globalThis.uPlot({ width, height: HEIGHT, legend, ...options }, data, container));
  // The plotted series, for tests and tools; people get the same numbers in the data table.
  container.dataset.points = JSON.stringify(data);
}

/** Fits every chart to its container's width again. */
export function resizeCharts() {
  for (const [container, chart] of charts)
    chart.setSize({ width: Math.max(280, container.clientWidth), height: HEIGHT });
}

const axis = (extra = {}) => ({
  stroke: COLORS.ink,
  grid: { stroke: COLORS.grid, width: 1 },
  ticks: { stroke: COLORS.grid },
  ...extra,
});
const fromZero = (least) => (_u, _min, max) => [0, Math.max(least, Math.ceil(max * 1.1))];
/** `+4`, `0`, `-3`: how offsets from the key date read. */
export const signed = (v) => (v > 0 ? `+${v}` : `${v}`);

/** Step lines of listings by name and announced by count, both cumulative, over effective dates. */
export function exportControlsChart(container, days) {
  const stepped = globalThis.uPlot.paths.stepped({ align: 1 });
  const line = (label, stroke, dash) => ({ label, stroke, dash, width: 2, paths: stepped, points: { size: 6 } });
  draw(
    container,
    {
      scales: { x: { time: true }, y: { range: fromZero(5) } },
      axes: [axis(), axis({ label: 'Listings' })],
      series: [
        { label: 'Effective date' },
        line('Listed by name', COLORS.blue),
        line('Announced by count', COLORS.red, [6, 4]),
      ],
    },
    [
      days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000),
      days.map((d) => d.cumulative),
      days.map((d) => d.announcedCumulative),
    ],
  );
}

/** Marks the key date (offset 0) with a dashed vertical rule. */
function keyDateRule(u) {
  const x = Math.round(u.valToPos(0, 'x', true));
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = COLORS.ink;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(x, bbox.top);
  ctx.lineTo(x, bbox.top + bbox.height);
  ctx.stroke();
  ctx.restore();
}

/** Bars of aircraft and vessels per day around the key date, and the escalation index on its own axis. */
export function escalationChart(container, days) {
  const bars = (label, stroke, fill, align) => ({
    label,
    stroke,
    fill,
    paths: globalThis.uPlot.paths.bars({ size: [0.4, 40], align }),
    points: { show: false },
  });
  draw(
    container,
    {
      hooks: { draw: [keyDateRule] },
      scales: {
        x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] },
        y: { range: fromZero(10) },
        index: { range: fromZero(5) },
      },
      axes: [
        axis({
          label: 'Days from the key date',
          values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? signed(t) : '')),
        }),
        axis({ label: 'Aircraft, vessels' }),
        axis({ side: 1, scale: 'index', label: 'Escalation index', grid: { show: false } }),
      ],
      series: [
        { label: 'Day' },
        bars('Aircraft', COLORS.blue, 'rgba(11, 92, 173, 0.8)', -1),
        bars('Vessels', COLORS.green, 'rgba(30, 107, 58, 0.8)', 1),
        { label: 'Escalation index', scale: 'index', stroke: COLORS.red, width: 2, dash: [6, 4], points: { size: 5 } },
      ],
    },
    [
      days.map((d) => d.offset),
      days.map((d) => d.aircraft),
      days.map((d) => d.vessels),
      days.map((d) => d.escalationIndex),
    ],
  );
}
