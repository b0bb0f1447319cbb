// Builds the browser pages into web/dist (served by src/server/routes/web.ts): `vite build --config web/vite.config.ts`.
// `vite --config web/vite.config.ts` serves them for development, forwarding /api to a server on port 8080.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
