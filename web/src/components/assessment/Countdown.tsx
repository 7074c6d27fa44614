'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { formatTimeLeft } from '@/lib/assessmentRules';

/**
 * An exam's time left, counted down every second from the server's clock: `serverNow` is the server's time when the
 * page was made, so a browser clock that is off does not move the end. When it reaches zero the page refreshes (the
 * server then shows the instance closed); the server, not this countdown, decides what is accepted.
 */
export function Countdown({ endsAt, serverNow }: { endsAt: string; serverNow: number }) {
  const router = useRouter();
  const [offset] = useState(() => serverNow - Date.now());
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  const left = new Date(endsAt).getTime() - now;
  useEffect(() => {
    if (left <= 0) router.refresh();
  }, [left <= 0, router]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <span
      role="timer"
      aria-live="off"
      data-testid="exam-countdown"
      className={left < 60_000 ? 'font-semibold text-red-700' : 'font-semibold'}
    >
      {left > 0 ? `${formatTimeLeft(left)} left` : 'Time is up'}
    </span>
  );
}
