import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/** The portal is built into dist/web (WEB_DIR), which the API process serves at `/` beside `/api`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: process.env.WEB_BUILD_DIR ?? resolve(import.meta.dirname, '..', '..', 'dist', 'web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // Mantine marks its files "use client" for React Server Components; a browser-only bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
