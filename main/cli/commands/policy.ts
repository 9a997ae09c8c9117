/**
 * `box-companion policy SUB-COMMAND`: one entry point for the policy sub-commands, each in its
 * own module. `run` (the dry run and apply of a policy's action) is policy-run.ts.
 * TODO(#17, w-policy): templates, add, list, remove, export join this table.
 */
import { EXIT_CODES, type CliCommand, type CliContext } from '../command';
import { policyRunUsage, runPolicyRun } from './policy-run';

const SUB_COMMANDS: Record<string, { usage: string; run(ctx: CliContext): Promise<number> }> = {
  run: { usage: policyRunUsage, run: runPolicyRun },
};

const usage = `Usage: box-companion policy SUB-COMMAND ...

${Object.values(SUB_COMMANDS)
  .map((s) => s.usage)
  .join('\n\n')}`;

const policy: CliCommand = {
  name: 'policy',
  summary: 'File policies: run a policy’s action (dry run first, then --apply).',
  usage,
  async run(ctx) {
    const [name, ...rest] = ctx.argv;
    const sub = name === undefined ? undefined : SUB_COMMANDS[name];
    if (!sub) {
      ctx.out.error(
        `${name === undefined ? 'policy needs a sub-command' : `unknown policy sub-command ${name}`}\n${usage}`,
        'usage',
      );
      return EXIT_CODES.usage;
    }
    return sub.run({ ...ctx, argv: rest });
  },
};

export default policy;
