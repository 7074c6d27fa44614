import { defineConfig } from 'drizzle-kit';

// `npm run generate -w @deltalab/db` writes a new migration after a schema change; commit it.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
