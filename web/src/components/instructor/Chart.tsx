'use client';

import { useEffect, useRef, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';

/**
 * A chart drawn by Chart.js (a maintained library). Its code is a chunk of its own, imported when an instructor page
 * first draws a chart: no student page ever loads it. The data also sits in a table beside each chart for screen
 * readers and for copying.
 */
export function Chart({ config, label, height = 220 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let active = true;
    import('chart.js/auto').then(
      ({ default: ChartJs }) => {
        if (!active || !canvas.current) return;
        chart = new ChartJs(canvas.current, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      active = false;
      chart?.destroy();
    };
  }, [config]);
  if (failed) return <p className="text-sm text-red-800">The chart failed to load: {failed}</p>;
  return (
    <div style={{ height }} className="relative">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
