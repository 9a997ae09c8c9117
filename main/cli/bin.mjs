#!/usr/bin/env node
// Entry of the `box-companion` command. The CLI is TypeScript run through tsx, so the command
// always runs the same source the tests check, with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./index.ts');
const code = await main(process.argv.slice(2));
// Exit as soon as the output is flushed: idle keep-alive connections (to Box or the sandbox)
// must not hold the command open for seconds after it has finished.
process.stdout.write('', () => process.exit(code));
