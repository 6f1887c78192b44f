#!/usr/bin/env node
// Runs the CLI straight from the TypeScript sources (commands/*.ts, src/**/*.ts), no build:
// tsx is registered first, then oclif is pointed at commands/ instead of dist/commands/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { execute, settings } = await import('@oclif/core');
settings.enableAutoTranspile = false;
const root = fileURLToPath(new URL('..', import.meta.url));
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
pjson.oclif.commands.target = './commands';

await execute({ development: true, dir: import.meta.url, loadOptions: { root, pjson } });
