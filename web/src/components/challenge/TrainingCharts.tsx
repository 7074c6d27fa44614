'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { EpochPoint } from '@/editor/runner/trainProtocol';

// Module constants: the chart is built again whenever its options change, so they keep one identity across renders.
const pickLoss = (p: EpochPoint) => p.loss;
const pickAccuracy = (p: EpochPoint) => p.accuracy;
const accuracyRange: [number, number] = [0, 1];

/** Live loss and training-accuracy curves (uPlot: small, fast, redrawn at most once a frame). */
export function TrainingCharts({ points }: { points: EpochPoint[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="training-charts">
      <Curve title="Loss" points={points} pick={pickLoss} color="#b91c1c" />
      <Curve title="Training accuracy" points={points} pick={pickAccuracy} color="#1d4ed8" range={accuracyRange} />
    </div>
  );
}

function Curve({
  title,
  points,
  pick,
  color,
  range,
}: {
  title: string;
  points: EpochPoint[];
  pick: (p: EpochPoint) => number;
  color: string;
  range?: [number, number];
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const width = Math.max(240, host.current.clientWidth);
    chart.current = new uPlot(
      {
        title,
        width,
        height: 180,
        scales: { x: { time: false }, ...(range ? { y: { range } } : {}) },
        axes: [{ label: 'epoch' }, {}],
        series: [{ label: 'epoch' }, { label: title, stroke: color, width: 2, points: { show: false } }],
        legend: { show: false },
        cursor: { show: false },
      },
      [[], []],
      host.current,
    );
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [title, color, range]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      chart.current?.setData([
        points.map((p) => p.epoch),
        points.map((p) => (Number.isFinite(pick(p)) ? pick(p) : null)),
      ] as uPlot.AlignedData);
    });
    return () => cancelAnimationFrame(frame);
  }, [points, pick]);
  return <div ref={host} role="img" aria-label={`${title} by epoch`} className="min-h-[180px]" />;
}
