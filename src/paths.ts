import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of lakeshift's own package.json, whether this code runs from src/ (tsx) or from
 * dist/src/ (the build): templates/ and examples/ sit beside it.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'lakeshift') {
      root = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error('lakeshift: cannot find the package root');
  }
}

export function templatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

export function examplesDir(): string {
  return path.join(packageRoot(), 'examples');
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
