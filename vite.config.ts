import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  server: { fs: { allow: ['..'] } },
  build: { outDir: '../dist-web', emptyOutDir: true },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 120000,
  },
});
