import { useCallback, useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import { ACCESS_LEVELS, type AccessLevel } from '../../../../common/scan/access-level';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { formatNumber } from '../dashboard/format';
import { useThemeVersion } from '../layout/useThemeVersion';

type Counts = Record<AccessLevel, number>;

/** How many files sit at each access level: one counting query per level (limit 1 each). */
export function useAccessCounts() {
  const bridge = useBridge();
  const [byLevel, setByLevel] = useState<Counts | null>(null);
  const [all, setAll] = useState<number | null>(null);
  const refresh = useCallback(() => {
    void Promise.all([
      bridge.listFindings({ limit: 1 }),
      ...ACCESS_LEVELS.map((level) => bridge.listFindings({ accessLevels: [level], limit: 1 })),
    ])
      .then(([everything, ...levels]) => {
        setAll(everything!.total);
        setByLevel(Object.fromEntries(ACCESS_LEVELS.map((level, i) => [level, levels[i]!.total])) as Counts);
      })
      .catch(() => undefined); // the table reports a broken store
  }, [bridge]);
  useEffect(refresh, [refresh]);
  return { byLevel, all, refresh };
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** The chart's options, in the theme's colours as they are now. */
function chartOptions(hostWidth: number): uPlot.Options {
  const axis = {
    stroke: cssVar('--muted'),
    grid: { stroke: cssVar('--border'), width: 1 },
    ticks: { show: false },
    font: '11px system-ui',
  };
  // Horizontal bars (the category scale drawn top to bottom): the level names are too long to
  // sit side by side under five bars in this narrow panel, but fit one per line on the left.
  return {
    width: Math.max(160, hostWidth),
    height: 170,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, ori: 1, dir: -1, range: [-0.5, ACCESS_LEVELS.length - 0.5] },
      y: { ori: 0, range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] },
    },
    axes: [
      {
        ...axis,
        side: 3,
        grid: { show: false },
        size: 96,
        values: (_u, splits) => splits.map((v) => ACCESS_LEVELS[v] ?? ''),
        splits: () => ACCESS_LEVELS.map((_, i) => i),
      },
      { ...axis, side: 2, size: 28, space: 60, values: (_u, splits) => splits.map((v) => formatNumber(v)) },
    ],
    series: [
      {},
      {
        stroke: cssVar('--accent'),
        fill: cssVar('--accent'),
        paths: uPlot.paths.bars!({ size: [0.7, 40] }),
        points: { show: false },
      },
    ],
  };
}

/** A bar chart (uPlot) of files per access level, with the numbers as buttons that filter. */
export function AccessBreakdown({
  counts,
  selected,
  onToggle,
}: {
  counts: Counts | null;
  selected: AccessLevel[];
  onToggle(level: AccessLevel): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const themeVersion = useThemeVersion();
  const values = ACCESS_LEVELS.map((level) => counts?.[level] ?? 0);
  const latest = useRef(values);
  latest.current = values;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    plot.current = new uPlot(
      chartOptions(element.clientWidth),
      [ACCESS_LEVELS.map((_, i) => i), latest.current],
      element,
    );
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [themeVersion]);

  const key = values.join(',');
  useEffect(() => {
    plot.current?.setData([ACCESS_LEVELS.map((_, i) => i), latest.current]);
  }, [key]);

  return (
    <aside className="panel breakdown" aria-labelledby="breakdown-heading">
      <h3 id="breakdown-heading">{t.findings.breakdown}</h3>
      <div ref={host} role="img" aria-label={t.findings.breakdownLabel} />
      <ul className="breakdown-list" data-testid="access-breakdown">
        {ACCESS_LEVELS.map((level, i) => (
          <li key={level}>
            <button
              type="button"
              className="link"
              aria-pressed={selected.includes(level)}
              onClick={() => onToggle(level)}
            >
              {level}
            </button>
            <span className="num" data-testid={`access-count-${level}`}>
              {formatNumber(values[i] ?? 0)}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
