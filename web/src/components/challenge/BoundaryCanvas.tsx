'use client';

import { useEffect, useRef } from 'react';

export type Bounds = { xMin: number; xMax: number; yMin: number; yMax: number };

/** Class colours (TensorFlow Playground's orange and blue, then green). */
const COLOURS = [
  [245, 147, 34],
  [8, 119, 189],
  [34, 160, 80],
  [150, 60, 160],
] as const;

/**
 * The decision boundary (a class per grid cell, shaded by confidence) under the points, as TensorFlow Playground
 * draws it. Grid cells run row by row from the top.
 */
export function BoundaryCanvas({
  bounds,
  gridSize,
  classes,
  confidence,
  points,
  label,
  size = 320,
}: {
  bounds: Bounds;
  gridSize: number;
  classes: ArrayLike<number> | null;
  confidence?: ArrayLike<number> | null;
  points: { x: number[][]; y: number[] };
  label: string;
  size?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, size, size);
    context.fillStyle = '#f8fafc';
    context.fillRect(0, 0, size, size);
    if (classes && classes.length === gridSize * gridSize) {
      const cell = size / gridSize;
      for (let row = 0; row < gridSize; row++) {
        for (let col = 0; col < gridSize; col++) {
          const i = row * gridSize + col;
          const [r, g, b] = COLOURS[Number(classes[i]) % COLOURS.length]!;
          const sure = confidence ? Math.min(1, Math.max(0, (Number(confidence[i]) - 0.4) / 0.6)) : 0.6;
          context.fillStyle = `rgba(${r}, ${g}, ${b}, ${0.12 + 0.4 * sure})`;
          context.fillRect(col * cell, row * cell, Math.ceil(cell), Math.ceil(cell));
        }
      }
    }
    const toX = (v: number) => ((v - bounds.xMin) / (bounds.xMax - bounds.xMin)) * size;
    const toY = (v: number) => ((bounds.yMax - v) / (bounds.yMax - bounds.yMin)) * size;
    for (let i = 0; i < points.x.length; i++) {
      const [r, g, b] = COLOURS[points.y[i]! % COLOURS.length]!;
      context.beginPath();
      context.arc(toX(points.x[i]![0]!), toY(points.x[i]![1]!), 2.6, 0, 2 * Math.PI);
      context.fillStyle = `rgb(${r}, ${g}, ${b})`;
      context.fill();
      context.lineWidth = 0.8;
      context.strokeStyle = '#ffffff';
      context.stroke();
    }
  }, [bounds, gridSize, classes, confidence, points, size]);
  return (
    <canvas
      ref={canvas}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      className="h-auto max-w-full rounded-md border border-slate-300"
    />
  );
}

/** The grid the boundary is drawn on: cell centres, row by row from the top (the server uses the same layout). */
export function gridPoints(bounds: Bounds, gridSize: number): number[][] {
  const points: number[][] = [];
  for (let row = 0; row < gridSize; row++) {
    const y = bounds.yMax - ((row + 0.5) / gridSize) * (bounds.yMax - bounds.yMin);
    for (let col = 0; col < gridSize; col++) points.push([bounds.xMin + ((col + 0.5) / gridSize) * (bounds.xMax - bounds.xMin), y]);
  }
  return points;
}
