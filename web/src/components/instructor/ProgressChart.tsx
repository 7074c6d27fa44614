'use client';

import { useMemo } from 'react';
import { Chart } from './Chart';

const colours = ['#6366f1', '#16a34a', '#f59e0b', '#dc2626', '#0891b2', '#9333ea', '#65a30d', '#db2777'];

/** Class progress by topic over time: the share of (student, exercise) pairs solved by each day. */
export function ProgressChart({
  progress,
}: {
  progress: { topic: string; title: string; points: { day: string; solvedShare: number }[] }[];
}) {
  const config = useMemo(() => {
    const days = [...new Set(progress.flatMap((t) => t.points.map((p) => p.day)))].sort();
    return {
      type: 'line' as const,
      data: {
        labels: days,
        datasets: progress.map((topic, i) => {
          let last = 0;
          const byDay = new Map(topic.points.map((p) => [p.day, p.solvedShare]));
          return {
            label: topic.title,
            data: days.map((day) => (last = byDay.get(day) ?? last) * 100),
            borderColor: colours[i % colours.length],
            backgroundColor: colours[i % colours.length],
            tension: 0.2,
          };
        }),
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% solved' } } } },
    };
  }, [progress]);
  if (progress.every((t) => t.points.length === 0)) return <p className="text-sm text-slate-600">Nobody has solved an exercise yet.</p>;
  return <Chart config={config} label="Line chart: share of exercises solved per topic over time" height={260} />;
}
