import type { NextConfig } from 'next';
import { apiSecurityPolicy, securityHeaders } from './src/lib/securityPolicy';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source ("just-in-time" packages).
  transpilePackages: ['@deltalab/db', '@deltalab/exercises', '@deltalab/grader'],
  // Native addons, wasm and packages that read their own files at runtime must stay real Node modules.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'isolated-vm',
    'esbuild',
    'sucrase',
    'pg-boss',
    'postgres',
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-backend-wasm',
    'bcryptjs',
  ],
  // The loader reads exercise folders by path, so tracing lists their files; an exercise's own test
  // (exercises/content/<topic>/<slug>/exercise.test.ts) sits there but is no part of the site.
  outputFileTracingExcludes: { '*': ['../exercises/content/**/*.test.ts'] },
  // forbidden() renders app/forbidden.tsx with a real 403 for pages a role may not see.
  experimental: { authInterrupts: true },
  // Type errors are `npm run typecheck`'s job (tsc over web and the packages it imports): keeping them out of
  // `next build` makes the first `npm start` faster and not hostage to a type error in a package being edited.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiSecurityPolicy }] },
    ];
  },
  reactStrictMode: true,
};

export default nextConfig;
