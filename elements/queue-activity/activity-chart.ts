import { html, svg, type TemplateResult } from 'lit';

/** One line of a chart: its name, the class that colours it, and a value per point (null: none). */
export interface ChartSeries {
  readonly name: string;
  readonly className: string;
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** Times of the points, oldest first, as ISO 8601. */
  readonly times: readonly string[];
  readonly series: readonly ChartSeries[];
  /** How a value reads, with its unit: "12.5/min", "1.2 s". */
  readonly format: (value: number) => string;
  /** Where the time axis starts and ends. */
  readonly from: string;
  readonly to: string;
  /** How a point's time reads in the table and on the axis. */
  readonly formatTime: (iso: string) => string;
  /** How long each point's stretch is: a stretch with no point leaves a gap in the lines. */
  readonly bucketSeconds: number;
}

const WIDTH = 600;
const HEIGHT = 120;

/**
 * A small line chart as inline SVG, for people who read it at a glance, with what it shows in
 * words (its label names each line's latest and highest value) and, for everyone else, the same
 * figures as a table under a disclosure.
 */
export function activityChart(spec: ChartSpec): TemplateResult {
  const from = Date.parse(spec.from);
  const span = Math.max(1, Date.parse(spec.to) - from);
  const values = spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const top = Math.max(...values, 0) || 1;
  const x = (iso: string) => ((Date.parse(iso) - from) / span) * WIDTH;
  const y = (value: number) => HEIGHT - (value / top) * HEIGHT;
  const summary = spec.series.map((series) => {
    const seen = series.values.filter((value): value is number => value !== null);
    return seen.length === 0 ? `${series.name}: none` : `${series.name}: latest ${spec.format(seen.at(-1)!)}, highest ${spec.format(Math.max(...seen))}`;
  }).join('; ');
  return html`<figure class="chart" aria-labelledby="${spec.id}-title">
    <figcaption id="${spec.id}-title">${spec.title}</figcaption>
    <ul class="legend" aria-hidden="true">${spec.series.map((series) => html`<li class=${series.className}><span class="swatch"></span>${series.name}</li>`)}</ul>
    <div class="plot">
      <span class="top" aria-hidden="true">${spec.format(top)}</span>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${spec.title}. ${summary}.">
        <line class="axis" x1="0" y1=${HEIGHT} x2=${WIDTH} y2=${HEIGHT}></line>
        ${spec.series.map((series) => svg`<path class="line ${series.className}" d=${pathOf(spec.times, series.values, x, y, spec.bucketSeconds * 1000)}></path>`)}
      </svg>
      <span class="from" aria-hidden="true">${spec.formatTime(spec.from)}</span>
      <span class="to" aria-hidden="true">${spec.formatTime(spec.to)}</span>
    </div>
    <details class="as-table">
      <summary>Show as a table</summary>
      <table>
        <caption class="visually-hidden">${spec.title}</caption>
        <thead><tr><th scope="col">Until</th>${spec.series.map((series) => html`<th scope="col">${series.name}</th>`)}</tr></thead>
        <tbody>${spec.times.map((time, index) => html`<tr>
          <th scope="row">${spec.formatTime(time)}</th>
          ${spec.series.map((series) => html`<td>${series.values[index] === null ? '—' : spec.format(series.values[index]!)}</td>`)}
        </tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}

/**
 * The line through the points that have a value, with a gap where one has none or a stretch went
 * unrecorded. A lone point is a dot.
 */
function pathOf(times: readonly string[], values: readonly (number | null)[], x: (iso: string) => number, y: (value: number) => number, bucketMs: number): string {
  const joined = (index: number) => index > 0 && values[index - 1] !== null && Date.parse(times[index]!) - Date.parse(times[index - 1]!) <= 1.5 * bucketMs;
  let path = '';
  values.forEach((value, index) => {
    if (value === null) return;
    const point = `${x(times[index]!).toFixed(1)} ${y(value).toFixed(1)}`;
    const alone = !joined(index) && !(index + 1 < values.length && values[index + 1] !== null && joined(index + 1));
    path += joined(index) ? ` L ${point}` : ` M ${point}${alone ? ' h 0.1' : ''}`;
  });
  return path.trim() || 'M 0 0';
}
