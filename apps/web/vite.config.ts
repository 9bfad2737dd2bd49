import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const libs = fileURLToPath(new URL('../../libs', import.meta.url));
const api = process.env.PARAGRAF_API_URL ?? 'http://localhost:3000';

// No @vitejs/plugin-react: Vite's own transform handles JSX (automatic runtime); the plugin's
// peer chain does not resolve with this tree's Babel, and fast refresh is all it would add.
export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The page shares single domain modules that import nothing heavy (who serves: '@app/domain/serving');
  // the libraries' index files are imported for types only (apps/web/tsconfig.json maps both).
  resolve: {
    alias: [{ find: /^@app\/domain\/(.+)$/, replacement: `${libs}/domain/src/$1.ts` }],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  // `npm run dev:web`: the API's paths go to a running API, the rest is the app.
  server: {
    proxy: Object.fromEntries(
      ['/meetings', '/paragraphs', '/health', '/docs', '/me', '/house-styles', '/bodies', '/attachments'].map(
        (p) => [p, api],
      ),
    ),
  },
});
