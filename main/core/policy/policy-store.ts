/**
 * The policies: one JSON file each, `<home>/policies/<id>.json`, in the exact format an export
 * writes and an import reads (a help desk hands the file over). Every file is validated with
 * policySchema on read; a damaged one is reported by name and skipped, never a crash. Writes
 * are whole-file-then-rename, so a crash never leaves half a policy. Runs in the core (Node).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { CodedError } from '../../../common/errors/error-codes';
import { policyIdSchema, policySchema } from '../../../common/policy/schema';
import type { Policy } from '../../../common/policy/types';

/** A policy file that could not be read: its name and why, for the list and `doctor`. */
export interface DamagedPolicy {
  file: string;
  problem: string;
}

export interface PolicyListing {
  policies: Policy[];
  damaged: DamagedPolicy[];
}

/** "filter.accessLevels.0: Invalid enum value …; name: Required": every problem, each naming its field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'policy'}: ${i.message}`).join('; ');
}

/** Parses a policy file's text; a bad one throws invalid_argument naming the field. */
export function parsePolicy(text: string, source = 'policy'): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CodedError('invalid_argument', `${source}: not JSON (${(e as Error).message})`);
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) throw new CodedError('invalid_argument', `${source}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The file's text: what export writes and import reads. */
export function policyText(policy: Policy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}

export class PolicyNotFoundError extends CodedError {
  constructor(readonly id: string) {
    super('policy_not_found', `No policy "${id}": see the list of policies.`);
  }
}

export class PolicyStore {
  readonly dir: string;

  constructor(home: string) {
    this.dir = join(home, 'policies');
  }

  private pathOf(id: string): string {
    const checked = policyIdSchema.safeParse(id);
    if (!checked.success) throw new CodedError('invalid_argument', `id: ${describeIssues(checked.error)}`);
    return join(this.dir, `${id}.json`);
  }

  /** Every valid policy, by id; damaged files are listed apart. */
  list(): PolicyListing {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return { policies: [], damaged: [] };
    }
    const policies: Policy[] = [];
    const damaged: DamagedPolicy[] = [];
    for (const file of names.sort()) {
      try {
        const policy = parsePolicy(readFileSync(join(this.dir, file), 'utf8'), file);
        if (`${policy.id}.json` !== file) throw new Error(`${file}: id "${policy.id}" does not match the file name`);
        policies.push(policy);
      } catch (e) {
        damaged.push({ file, problem: (e as Error).message });
      }
    }
    return { policies: policies.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), damaged };
  }

  get(id: string): Policy | null {
    try {
      return parsePolicy(readFileSync(this.pathOf(id), 'utf8'), `${id}.json`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** The policy, or policy_not_found. */
  require(id: string): Policy {
    const policy = this.get(id);
    if (!policy) throw new PolicyNotFoundError(id);
    return policy;
  }

  exists(id: string): boolean {
    return existsSync(this.pathOf(id));
  }

  /** Creates or replaces (same id). Validated again here: the store never holds an invalid file. */
  save(policy: Policy): Policy {
    const checked = parsePolicy(JSON.stringify(policy));
    const path = this.pathOf(checked.id);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, policyText(checked), { mode: 0o600 });
    renameSync(tmp, path);
    return checked;
  }

  /** A free id: the wanted one, else wanted-2, wanted-3, … */
  freeId(wanted: string): string {
    if (!this.exists(wanted)) return wanted;
    const base = wanted.slice(0, 58); // room for the suffix within an id's 64 characters
    for (let n = 2; ; n++) if (!this.exists(`${base}-${n}`)) return `${base}-${n}`;
  }

  /**
   * Imports a policy file's text: its id is kept when free, else suffixed -2, -3. Automatic
   * actions are dropped: a file handed over never changes Box by itself; the admin turns them on.
   */
  importText(text: string, source = 'policy file'): Policy {
    const { automatic: _dropped, ...policy } = parsePolicy(text, source);
    void _dropped;
    return this.save({ ...policy, id: this.freeId(policy.id) });
  }

  /** The file's text, exactly what import takes. */
  exportText(id: string): string {
    return policyText(this.require(id));
  }

  remove(id: string): boolean {
    const path = this.pathOf(id);
    if (!this.exists(id)) return false;
    rmSync(path);
    return true;
  }
}
