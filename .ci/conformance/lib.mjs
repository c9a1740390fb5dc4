// Shared helpers for the conformance scripts. The Go tests in examples/*
// run these scripts with node; every script reads its request as JSON on
// stdin and writes its findings as JSON on stdout, and leaves the judging
// to the Go test. Nothing here downloads anything.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// tools returns a require function that resolves packages from
// $PORTFOLIO_TOOLS/node_modules, where .ci/run installs the pinned clients.
export function tools() {
  return createRequire(join(modules(), '_'));
}

// modules returns the node_modules directory of the pinned clients.
export function modules() {
  const dir = process.env.PORTFOLIO_TOOLS;
  if (!dir) throw new Error('PORTFOLIO_TOOLS is not set');
  return join(dir, 'node_modules');
}

// input reads the request the Go test wrote to stdin.
export async function input() {
  let s = '';
  for await (const chunk of process.stdin) s += chunk;
  return JSON.parse(s);
}

// output writes the findings for the Go test.
export function output(v) {
  process.stdout.write(JSON.stringify(v, null, 1) + '\n');
}

// version returns the version of an installed package.
export function version(name) {
  return JSON.parse(readFileSync(join(modules(), name, 'package.json'), 'utf8')).version;
}
