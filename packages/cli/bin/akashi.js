#!/usr/bin/env node
// The `akashi` command. The code lives in ../dist (built by `npm run build`, run at `npm ci`).
import { runCli } from '../dist/main.js';

// A closed pipe (`akashi verify x | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
