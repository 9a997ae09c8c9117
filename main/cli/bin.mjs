#!/usr/bin/env node
// Entry of the `box-companion` command. The CLI is TypeScript run through tsx, so the command
// always runs the same source the tests check, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
