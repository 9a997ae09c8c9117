import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../strings';
import { time } from '../../strings/format';
import { useThemeVersion } from '../layout/useThemeVersion';
import type { RateSample } from '../../state/scan-progress-store';

const REDRAW_MS = 1000;

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/**
 * Requests/s and files/s over the last minute, drawn by uPlot on a canvas: one setData per
 * progress snapshot (at most ten a second), never a React render per point.
 */
export function RateChart({ samples }: { samples: RateSample[] }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(samples);
  latest.current = samples;
  const themeVersion = useThemeVersion();
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // (Re)create when the theme or width changes: colours come from the CSS variables.
  useEffect(() => {
    const element = host.current;
    if (!element || width < 50) return;
    const axis = {
      stroke: cssVar('--muted'),
      grid: { stroke: cssVar('--border'), width: 1 },
      ticks: { stroke: cssVar('--border') },
    };
    const options: uPlot.Options = {
      width,
      height: 180,
      // Series names only: the numbers are in the heading, and a live legend re-lays out on every hover.
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [
        { ...axis, space: 90, values: (_u, splits) => splits.map((v) => time(v * 1000)) },
        { ...axis, size: 50 },
      ],
      series: [
        {},
        {
          label: t.dashboard.requestsSeries,
          stroke: cssVar('--chart-1'),
          width: 2,
          value: (_u, v) => (v == null ? '—' : v.toFixed(1)),
        },
        {
          label: t.dashboard.filesSeries,
          stroke: cssVar('--chart-2'),
          width: 2,
          value: (_u, v) => (v == null ? '—' : v.toFixed(1)),
        },
      ],
    };
    plot.current = new uPlot(options, toColumns(latest.current), element);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [themeVersion, width]);

  // Redraw at most once a second: a minute-wide chart gains nothing from ten redraws a second,
  // and each redraw is a canvas raster the compositor must take before the next frame.
  const lastDraw = useRef(0);
  useEffect(() => {
    const wait = lastDraw.current + REDRAW_MS - performance.now();
    const draw = () => {
      lastDraw.current = performance.now();
      plot.current?.setData(toColumns(latest.current));
    };
    if (wait <= 0) return draw();
    const timer = window.setTimeout(draw, wait);
    return () => window.clearTimeout(timer);
  }, [samples]);

  return <div ref={host} className="rate-chart" role="img" aria-label={t.dashboard.rateChartLabel} />;
}

function toColumns(samples: RateSample[]): uPlot.AlignedData {
  return [samples.map((s) => s.time), samples.map((s) => s.requestsPerSecond), samples.map((s) => s.filesPerSecond)];
}
