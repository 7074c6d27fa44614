import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '@/lib/format';

const srcDir = join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe('dates on every page go through one formatter', () => {
  it("no page or component formats a date with the browser's default locale (an unusual one throws: en-US@posix)", () => {
    const offenders = sources(srcDir).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\.toLocale(Date|Time)?String\(\s*(undefined\b|\))|\.toLocaleDateString\(|\.toLocaleTimeString\(/.test(line)
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('formats in a fixed locale on the course clock, naming the zone', () => {
    expect(formatDateTime('2026-03-08T23:59:00Z', 'UTC')).toBe('8 Mar 2026, 23:59 UTC');
    expect(formatDateTime(new Date('2026-03-08T23:59:00Z'), 'America/New_York')).toBe('8 Mar 2026, 19:59 America/New York');
    expect(formatDate('2026-03-08T23:59:00Z')).toBe('8 Mar 2026');
  });
});
