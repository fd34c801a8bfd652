import { build } from 'esbuild';

/** Bundles a probe into one script that can be evaluated in a page or the service worker. */
export async function bundleProbe(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2022', minify: true, logLevel: 'error' });
  return result.outputFiles[0]!.text;
}
