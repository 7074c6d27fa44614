'use client';

import { useMemo } from 'react';
import { Chart } from './Chart';

const bins = Array.from({ length: 10 }, (_, i) => (i === 9 ? '0.9–1' : `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`));

/** The per-exercise charts: attempts used, best scores and first scores. */
export function ExerciseCharts({
  attempts,
  scores,
  firstScores,
}: {
  attempts: { attempts: number; students: number }[];
  scores: number[];
  firstScores: number[];
}) {
  const attemptsConfig = useMemo(
    () => ({
      type: 'bar' as const,
      data: {
        labels: attempts.map((a) => String(a.attempts)),
        datasets: [{ label: 'Students', data: attempts.map((a) => a.students), backgroundColor: '#6366f1' }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { x: { title: { display: true, text: 'Attempts used' } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [attempts],
  );
  const scoresConfig = useMemo(
    () => ({
      type: 'bar' as const,
      data: {
        labels: bins,
        datasets: [
          { label: 'Best score', data: scores, backgroundColor: '#16a34a' },
          { label: 'First submission', data: firstScores, backgroundColor: '#f59e0b' },
        ],
      },
      options: { scales: { x: { title: { display: true, text: 'Score' } }, y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [scores, firstScores],
  );
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <figure className="card">
        <figcaption className="mb-2 text-sm font-medium">Attempts distribution</figcaption>
        <Chart config={attemptsConfig} label="Bar chart: students by attempts used" />
      </figure>
      <figure className="card">
        <figcaption className="mb-2 text-sm font-medium">Scores: best and first submission</figcaption>
        <Chart config={scoresConfig} label="Bar chart: students by best score and by first-submission score" />
      </figure>
    </div>
  );
}
