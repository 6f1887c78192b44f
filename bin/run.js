#!/usr/bin/env node
// The built CLI: runs the compiled commands in dist/ (npm run build).
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
// A database driver can keep a socket to a dead endpoint open long after the command gave up
// on it; once the command is done and its output written, the CLI ends.
await new Promise((resolve) => process.stdout.write('', resolve));
process.exit();
