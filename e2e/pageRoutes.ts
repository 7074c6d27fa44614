import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { repoRoot } from './server';

const appDir = join(repoRoot, 'web', 'src', 'app');

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesNamed(path, name);
    return entry === name ? [path] : [];
  });
}

/** The site's route patterns as the App Router sees them, from its files: '/', '/exercises/[slug]', … */
function routesOf(fileName: string): string[] {
  return filesNamed(appDir, fileName)
    .map(
      (file) =>
        '/' +
        relative(appDir, file)
          .split(sep)
          .slice(0, -1)
          .filter((part) => !/^\(.*\)$/.test(part))
          .join('/'),
    )
    .sort();
}

/** Every page route (page.tsx). */
export const pageRoutes = (): string[] => routesOf('page.tsx');
/** Every API route (route.ts), e.g. '/api/submissions/[id]'. */
export const apiRoutes = (): string[] => routesOf('route.ts');
