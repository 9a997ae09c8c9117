/**
 * `box-companion policy templates | add FILE | add --template ID | list | remove ID |
 * export ID [--output FILE]`: the policy files in <home>/policies/, offline. `list` counts
 * each policy's matches now, from <home>/scan.sqlite (read-only: safe while the app scans).
 * `policy run` (the dry run and apply of a policy's action) is its own module, policy-run.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TEMPLATES, templateById } from '../../../common/policy/templates';
import { TEMPLATE_IDS, type Policy, type TemplateId } from '../../../common/policy/types';
import { countMatches } from '../../core/policy/policy-queries';
import { PolicyStore, policyText } from '../../core/policy/policy-store';
import { scanDbPath } from '../../core/scan/engine';
import { openScanStoreForReading } from '../../core/scan/store/scan-store';
import { EXIT_CODES, parseOrReportUsage, type CliCommand, type CliContext } from '../command';
import { policyRunUsage, runPolicyRun } from './policy-run';

const usage = `Usage: box-companion policy templates
       box-companion policy add FILE | --template ID
       box-companion policy list
       box-companion policy remove ID
       box-companion policy export ID [--output FILE]
       box-companion policy run ID [--action NAME] [--apply [--confirm COUNT]]   (below)

A policy is a filter over the findings plus what to do on a match, one JSON file each in
<home>/policies/. "add FILE" imports a policy file (what "export" writes, so a help desk can
hand one over); its id is kept when free, else suffixed -2, -3. Template ids: ${TEMPLATE_IDS.join(', ')}.
"list" shows each policy with how many scanned files it matches now. With --json: one object
per policy or template; add prints {"id": …}. Exit 0 done, 1 a bad policy file or an unknown
id, 2 a bad command line.

${policyRunUsage}`;

type Parsed =
  | { sub: 'templates' }
  | { sub: 'list' }
  | { sub: 'add'; file?: string; template?: TemplateId }
  | { sub: 'remove'; id: string }
  | { sub: 'export'; id: string; output?: string };

function parsePolicyArgs(argv: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { template: { type: 'string' }, output: { type: 'string' } },
  });
  const [sub, arg, extra] = positionals;
  if (extra !== undefined) throw new Error(`unexpected argument: ${extra}`);
  const only = (allowed: string[]) => {
    for (const k of Object.keys(values)) if (!allowed.includes(k)) throw new Error(`--${k} does not go with "${sub}"`);
  };
  if (sub === 'templates' || sub === 'list') {
    if (arg !== undefined) throw new Error(`unexpected argument: ${arg}`);
    only([]);
    return { sub };
  }
  if (sub === 'add') return parseAdd(arg, values.template, only);
  if (sub === 'remove' || sub === 'export') {
    if (!arg) throw new Error(`policy ${sub} needs a policy id`);
    only(sub === 'export' ? ['output'] : []);
    return sub === 'remove' ? { sub, id: arg } : { sub, id: arg, output: values.output };
  }
  throw new Error(
    sub ? `unknown policy command: ${sub}` : 'policy needs a command: templates, add, list, remove, export or run',
  );
}

function parseAdd(file: string | undefined, template: string | undefined, only: (allowed: string[]) => void): Parsed {
  only(['template']);
  if ((file === undefined) === (template === undefined))
    throw new Error('policy add takes FILE or --template ID (one of them)');
  if (template !== undefined && !(TEMPLATE_IDS as readonly string[]).includes(template))
    throw new Error(`--template must be one of ${TEMPLATE_IDS.join(', ')}`);
  return { sub: 'add', file, template: template as TemplateId | undefined };
}

function templates(ctx: CliContext): number {
  for (const t of TEMPLATES)
    ctx.out.result({ id: t.id, name: t.name, description: t.description }, `${t.id}  ${t.name}\n  ${t.description}`);
  return EXIT_CODES.ok;
}

function add(ctx: CliContext, store: PolicyStore, p: { file?: string; template?: TemplateId }): number {
  let policy: Policy;
  if (p.template) {
    const t = templateById(p.template);
    policy = store.save({ ...t.policy, id: store.freeId(t.id) });
  } else {
    const file = p.file!;
    if (!existsSync(file)) {
      ctx.out.error(`no such file: ${file}`, 'invalid_argument');
      return EXIT_CODES.failed;
    }
    policy = store.importText(readFileSync(file, 'utf8'), file);
  }
  ctx.out.result({ id: policy.id }, `Added policy ${policy.id} (${policy.name}).`);
  return EXIT_CODES.ok;
}

/** Each policy's match count now, or null without a scan. */
function countsNow(home: string, policies: Policy[]): Map<string, number> | null {
  if (!existsSync(scanDbPath(home)) || policies.length === 0) return null;
  const scan = openScanStoreForReading(scanDbPath(home));
  try {
    return countMatches(scan.reader(), policies);
  } finally {
    scan.close();
  }
}

function list(ctx: CliContext, store: PolicyStore): number {
  const { policies, damaged } = store.list();
  const counts = countsNow(ctx.home, policies);
  for (const p of policies) {
    const matches = counts?.get(p.id) ?? null;
    const human = `${p.id}  ${p.name}  ${matches === null ? 'no scan yet' : `${matches} matching`}`;
    ctx.out.result({ id: p.id, name: p.name, template: p.template ?? null, matches }, human);
  }
  if (policies.length === 0)
    ctx.out.info('No policies yet: box-companion policy add --template ID (see policy templates).');
  for (const d of damaged) ctx.out.error(`skipped ${d.file}: ${d.problem}`, 'invalid_argument');
  return damaged.length ? EXIT_CODES.failed : EXIT_CODES.ok;
}

function exportPolicy(ctx: CliContext, store: PolicyStore, id: string, output?: string): number {
  const text = policyText(store.require(id));
  if (!output) {
    process.stdout.write(text);
    return EXIT_CODES.ok;
  }
  writeFileSync(output, text, { mode: 0o600 });
  ctx.out.result({ id, path: output, bytes: Buffer.byteLength(text) }, `Wrote policy ${id} to ${output}`);
  return EXIT_CODES.ok;
}

function runParsed(ctx: CliContext, p: Parsed): number {
  const store = new PolicyStore(ctx.home);
  if (p.sub === 'templates') return templates(ctx);
  if (p.sub === 'list') return list(ctx, store);
  if (p.sub === 'add') return add(ctx, store, p);
  if (p.sub === 'export') return exportPolicy(ctx, store, p.id, p.output);
  if (!store.remove(p.id)) {
    ctx.out.error(`no policy "${p.id}": see box-companion policy list`, 'policy_not_found');
    return EXIT_CODES.failed;
  }
  ctx.out.result({ id: p.id, removed: true }, `Removed policy ${p.id}.`);
  return EXIT_CODES.ok;
}

const policy: CliCommand = {
  name: 'policy',
  summary: 'Manage file policies: templates, add, list (with match counts), remove, export; run an action.',
  usage,
  async run(ctx) {
    if (ctx.argv[0] === 'run') return runPolicyRun({ ...ctx, argv: ctx.argv.slice(1) });
    const parsed = parseOrReportUsage(ctx, usage, parsePolicyArgs);
    if (!parsed) return EXIT_CODES.usage;
    try {
      return runParsed(ctx, parsed);
    } catch (e) {
      ctx.out.failure(e);
      return EXIT_CODES.failed;
    }
  },
};

export default policy;
