import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Herald's process (src/main.ts) as one ES module, for `npm run start:built`. A restarted gateway is back
 * sooner: no TypeScript compiler loads, and discord.js and the rest come from one file instead of hundreds.
 * The file runs inside this checkout, which still holds config/, commands/ (bundled, but listed at start),
 * the migrations, and SQLite's native module, which cannot be bundled.
 */
export async function buildHerald(outfile = 'dist/main.mjs'): Promise<void> {
  await build({
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints: ['src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['sqlite3', '@keyv/sqlite'],
    // CommonJS packages bundled into an ES module still call require for Node's own modules.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildHerald();
