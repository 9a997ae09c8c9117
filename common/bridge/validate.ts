/**
 * Turns an untrusted (name, argument) pair into a validated call, or a failure that says
 * exactly what was wrong in words a developer can act on. Runs everywhere.
 */
import type { z } from 'zod';
import { callArgs, type BridgeFailure, type ValidCallArgs } from './contract';
import { CALL_NAMES, type CallName } from './names';
import { nextStepOf, type NextStep } from '../errors/error-codes';

export type ValidatedCall = { [N in CallName]: { ok: true; name: N; args: ValidCallArgs<N> } }[CallName];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name);
}

export function validateCall(name: unknown, args: unknown): ValidatedCall | BridgeFailure {
  if (!isCallName(name)) {
    return failure(
      'unknown_call',
      `Unknown bridge call ${JSON.stringify(name)}. Known calls: ${CALL_NAMES.join(', ')}.`,
    );
  }
  const parsed = (callArgs[name] as z.ZodType).safeParse(args === undefined ? {} : args);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'argument';
      return `${where}: ${issue.message}`;
    });
    return failure('invalid_argument', `${name}: invalid argument: ${problems.join('; ')}`);
  }
  return { ok: true, name, args: parsed.data } as ValidatedCall;
}

/** A failed reply; its next step is the code's own unless told otherwise, and left out when there is none. */
export function failure(
  code: BridgeFailure['error']['code'],
  message: string,
  nextStep: NextStep = nextStepOf(code),
): BridgeFailure {
  return { ok: false, error: nextStep === 'none' ? { code, message } : { code, message, nextStep } };
}
