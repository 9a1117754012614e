/**
 * A chart of the simulated workbook drawn as a small SVG, so that a report's
 * charts can be read in the playground: lines, stacked columns (a bridge on
 * its invisible base), or clustered columns (for every other type), with a
 * legend when the chart has one. Excel draws the real thing; this shows the
 * same numbers.
 */
import * as React from "react";
import { type ChartData, isStacked, stackSegments, valueRange } from "./chartView";

const COLOURS = ["#0f6cbd", "#c50f1f", "#107c41", "#8764b8", "#ca5010"];
const W = 340;
const H = 140;
const PAD = { left: 8, right: 8, top: 6, bottom: 22 };

export interface ChartViewProps {
  title: string;
  type: string;
  data: ChartData;
  /** false: no legend, as the chart has none. */
  legend?: boolean;
  /** Formats a value for the tooltip, e.g. "−119,3 Mkr". */
  format: (value: number) => string;
}

export function ChartView({ title, type, data, legend = true, format }: ChartViewProps) {
  const stacked = isStacked(type);
  const { min, max } = valueRange(data, stacked);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + ((max - v) / (max - min)) * plotH;
  const n = Math.max(1, data.categories.length);
  const band = plotW / n;
  const line = type === "Line";
  const marks: React.ReactNode[] = [];
  const colourOf = (si: number) => data.series[si].colour ?? COLOURS[si % COLOURS.length];
  const segments = stacked ? stackSegments(data) : [];
  data.series.forEach((s, si) => {
    const colour = colourOf(si);
    if (stacked) {
      // An invisible series (a bridge's base) takes its room in the stack but is not drawn.
      if (s.hidden) return;
      segments[si].forEach((seg, k) => {
        if (!seg || seg.from === seg.to) return;
        marks.push(
          <rect key={`s${si}-${k}`} x={PAD.left + band * k + band * 0.2} y={Math.min(y(seg.from), y(seg.to))} width={band * 0.6} height={Math.abs(y(seg.to) - y(seg.from))} fill={colour}>
            <title>{`${data.categories[k]}, ${s.name}: ${format(s.values[k]!)}`}</title>
          </rect>,
        );
      });
      return;
    }
    if (line) {
      const points = s.values.map((v, k) => (v === null ? null : `${PAD.left + band * (k + 0.5)},${y(v)}`)).filter(Boolean);
      marks.push(<polyline key={`l${si}`} points={points.join(" ")} fill="none" stroke={colour} strokeWidth={2} />);
      s.values.forEach((v, k) =>
        v === null ? null : marks.push(
          <circle key={`p${si}-${k}`} cx={PAD.left + band * (k + 0.5)} cy={y(v)} r={3} fill={colour}>
            <title>{`${data.categories[k]}, ${s.name}: ${format(v)}`}</title>
          </circle>,
        ),
      );
      return;
    }
    const barW = (band * 0.8) / Math.max(1, data.series.length);
    s.values.forEach((v, k) => {
      if (v === null) return;
      const x = PAD.left + band * k + band * 0.1 + barW * si;
      marks.push(
        <rect key={`b${si}-${k}`} x={x} y={Math.min(y(v), y(0))} width={barW} height={Math.abs(y(v) - y(0))} fill={colour}>
          <title>{`${data.categories[k]}, ${s.name}: ${format(v)}`}</title>
        </rect>,
      );
    });
  });
  const labelEvery = Math.ceil(n / 8);
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${title}: ${data.series.filter((s) => !s.hidden).map((s) => s.name).join(", ")}`}
      >
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#8a8a8a" />
        {marks}
        {data.categories.map((c, k) =>
          k % labelEvery === 0 ? (
            <text key={`c${k}`} x={PAD.left + band * (k + 0.5)} y={H - PAD.bottom + 14} fontSize={10} textAnchor="middle" fill="#424242">
              {c.length > 14 ? `${c.slice(0, 13)}…` : c}
            </text>
          ) : null,
        )}
      </svg>
      {legend ? (
        <ul className="legend">
          {data.series.map((s, si) =>
            s.hidden ? null : (
              <li key={si}>
                <span className="swatch" style={{ background: colourOf(si) }} aria-hidden="true" />
                {s.name}
              </li>
            ),
          )}
        </ul>
      ) : null}
    </figure>
  );
}
