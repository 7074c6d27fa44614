'use client';

import { useEffect, useState } from 'react';

/**
 * The time, as state that moves on every `intervalMs`: a deadline passing while the page is open shows, and render
 * stays pure (no Date.now() in it).
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
