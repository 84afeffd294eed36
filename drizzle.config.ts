import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` turns src/store/schema/ changes into a new SQL migration (docs/store.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema/index.ts',
  out: './src/store/migrations',
});
