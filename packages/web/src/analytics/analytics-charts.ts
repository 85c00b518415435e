/**
 * Charts drawn on the server as SVG (no library, no script): a column chart of months with one or
 * two series side by side, and a horizontal bar chart of named values. Each is an image for
 * assistive technology (`role="img"`, a `<title>` and a `<desc>` that read out every number); the
 * page puts the same numbers in a table beside it.
 *
 * Each chart is drawn twice, for a wide column and for a phone (fewer month labels, shorter
 * names), and the style sheet shows one of them (the hidden one is hidden from screen readers
 * too). Each scales to its column through its `viewBox`, so its text stays readable.
 */
import { html, type SafeHtml } from '../kit/html.js';
import type { Language } from '../kit/language.js';
import { formatCount, shortMonthLabel, yearLabel } from './analytics-types.js';

export interface ChartSeries {
  /** A class of the bars (`bar-issued`, `bar-revoked`, `bar-verified`) for their colour. */
  readonly className: string;
  readonly label: string;
  readonly values: readonly number[];
}

export interface ChartText {
  /** Unique in the page: the ids of the title and description. */
  readonly id: string;
  readonly title: string;
  /** Every number, in words. */
  readonly description: string;
}

/** The drawing's width in `viewBox` units, for a wide column and for a phone. */
export const WIDE = 560;
export const COMPACT = 340;

/** A top value for the axis and its step: 1, 2 or 5 × 10ⁿ, four steps or fewer. */
export const niceScale = (max: number): { top: number; step: number } => {
  if (max <= 4) return { top: Math.max(1, Math.ceil(max)), step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { top: Math.ceil(max / step) * step, step };
};

const round = (value: number): string => String(Math.round(value * 10) / 10);

const GRAPHEMES = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** About how wide `label` is drawn, in em: Latin letters and digits are narrower than kanji. */
export const textWidth = (label: string): number =>
  Array.from(GRAPHEMES.segment(label)).reduce(
    (sum, { segment }) => sum + (/^[\x20-\x7e]$/.test(segment) ? 0.6 : 1),
    0,
  );

/** `label` cut (with an ellipsis) to about `em` ems. */
export const truncate = (label: string, em: number): string => {
  if (textWidth(label) <= em) return label;
  let out = '';
  for (const { segment } of GRAPHEMES.segment(label)) {
    if (textWidth(`${out}${segment}`) > em - 1) break;
    out += segment;
  }
  return `${out}…`;
};

/** The `<svg>` element: an image named by its title, every number in its description. */
const svgFrame = (text: ChartText, width: number, height: number, content: SafeHtml): SafeHtml =>
  html`<svg
    class="chart-svg"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="${text.id}-title ${text.id}-desc"
    focusable="false"
  >
    <title id="${text.id}-title">${text.title}</title>
    <desc id="${text.id}-desc">${text.description}</desc>
    ${content}
  </svg>`;

/** A chart drawn for a wide column and for a phone; the style sheet shows one. */
export const bothSizes = (
  text: ChartText,
  draw: (text: ChartText, width: number) => SafeHtml,
): SafeHtml =>
  html`<div class="chart-wide">${draw({ ...text, id: `${text.id}-wide` }, WIDE)}</div>
    <div class="chart-compact">${draw({ ...text, id: `${text.id}-compact` }, COMPACT)}</div>`;

const AXIS_FONT = 11;

/** Columns per month, the series of a month side by side, values above the bars. */
export const renderMonthChart = (
  text: ChartText,
  width: number,
  months: readonly string[],
  series: readonly ChartSeries[],
  language: Language,
): SafeHtml => {
  const height = 240;
  const left = 40;
  const right = 6;
  const top = 18;
  const bottom = 44;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const scale = niceScale(max);
  const band = plotWidth / Math.max(1, months.length);
  const group = band * 0.72;
  const barWidth = group / Math.max(1, series.length);
  const widestLabel = Math.max(...months.map((m) => textWidth(shortMonthLabel(m, language))));
  const labelEvery = Math.max(1, Math.ceil(((widestLabel + 0.8) * AXIS_FONT) / band));
  const ticks = Array.from({ length: scale.top / scale.step + 1 }, (_, i) => i * scale.step);
  const y = (value: number) => top + plotHeight - (value / scale.top) * plotHeight;
  const valueFits = (value: number) =>
    textWidth(formatCount(value, language)) * AXIS_FONT <= barWidth + band - group;

  const bars = (i: number, x0: number) =>
    series.map((s, k) => {
      const value = s.values[i] ?? 0;
      const x = x0 + k * barWidth;
      return html`<rect
          class="${s.className}"
          x="${round(x + 0.5)}"
          y="${round(y(value))}"
          width="${round(Math.max(1, barWidth - 1))}"
          height="${round(y(0) - y(value))}"
        />${
          value > 0 &&
          valueFits(value) &&
          html`<text
            class="chart-value"
            x="${round(x + barWidth / 2)}"
            y="${round(y(value) - 4)}"
            text-anchor="middle"
          >
            ${formatCount(value, language)}
          </text>`
        }`;
    });

  const labels = (i: number, month: string) => {
    if (i % labelEvery !== 0) return '';
    const x = round(left + i * band + band / 2);
    const withYear = i === 0 || month.slice(0, 4) !== (months[i - labelEvery] ?? '').slice(0, 4);
    return html`<text class="chart-axis" x="${x}" y="${height - bottom + 16}" text-anchor="middle">
        ${shortMonthLabel(month, language)}
      </text>
      ${
        withYear &&
        html`<text
          class="chart-axis chart-year"
          x="${x}"
          y="${height - bottom + 32}"
          text-anchor="middle"
        >
          ${yearLabel(month, language)}
        </text>`
      }`;
  };

  return svgFrame(
    text,
    width,
    height,
    html`<g class="chart-grid">
        ${ticks.map(
          (tick) =>
            html`<line
                x1="${left}"
                x2="${width - right}"
                y1="${round(y(tick))}"
                y2="${round(y(tick))}"
              />
              <text class="chart-axis" x="${left - 5}" y="${round(y(tick) + 4)}" text-anchor="end">
                ${formatCount(tick, language)}
              </text>`,
        )}
      </g>
      ${months.map(
        (month, i) =>
          html`<g>${bars(i, left + i * band + (band - group) / 2)}${labels(i, month)}</g>`,
      )}
      <line class="chart-baseline" x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" />`,
  );
};

const LABEL_FONT = 13;

/** One row per item: its name above a bar, the value at the bar's end. */
export const renderBarChart = (
  text: ChartText,
  width: number,
  items: readonly { readonly label: string; readonly value: number }[],
  className: string,
  language: Language,
): SafeHtml => {
  const row = 46;
  const top = 6;
  const left = 2;
  const right = 52;
  const height = top + items.length * row + 4;
  const max = Math.max(1, ...items.map((item) => item.value));
  const barRoom = width - left - right;
  return svgFrame(
    text,
    width,
    height,
    html`${items.map((item, i) => {
      const y0 = top + i * row;
      const w = Math.max(item.value > 0 ? 2 : 0, (item.value / max) * barRoom);
      return html`<g>
        <text class="chart-label" x="${left}" y="${y0 + 15}">
          ${truncate(item.label, (width - left) / LABEL_FONT)}
        </text>
        <rect class="${className}" x="${left}" y="${y0 + 22}" width="${round(w)}" height="16" />
        <text class="chart-value" x="${round(left + w + 5)}" y="${y0 + 35}">
          ${formatCount(item.value, language)}
        </text>
      </g>`;
    })}`,
  );
};

/** The legend under a chart: a swatch and a word for each series. */
export const renderLegend = (heading: string, series: readonly ChartSeries[]): SafeHtml =>
  html`<ul class="chart-legend" aria-label="${heading}">
    ${series.map(
      (s) =>
        html`<li><span class="swatch ${s.className}" aria-hidden="true"></span>${s.label}</li>`,
    )}
  </ul>`;
