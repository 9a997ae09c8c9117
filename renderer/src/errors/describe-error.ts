/**
 * The one place the UI turns an error into what the user sees: the sentence for its code (in
 * strings/en.ts), the core's own message as the detail, and the next step. A BridgeError keeps
 * the code and next step the core gave; anything else (a bug in the page, a plain Error) is
 * `internal`, its message kept as the detail. Runs in the page.
 */
import { CodedError, ERROR_CODES, type ErrorCode, type NextStep } from '../../../common/errors/error-codes';
import { t } from '../strings';

export type ActionableStep = Exclude<NextStep, 'none'>;

export interface DescribedError {
  code: ErrorCode;
  /** What happened, in the app's words. */
  text: string;
  /** The core's own message (already scrubbed of URLs and tokens), shown smaller; null when none. */
  detail: string | null;
  /** What the user can do: a button where the screen offers the action, otherwise the label as advice. */
  next: { step: ActionableStep; label: string } | null;
}

function nextOf(step: NextStep): DescribedError['next'] {
  return step === 'none' ? null : { step, label: t.errors.nextSteps[step] };
}

export function describeError(error: unknown): DescribedError {
  const coded = error instanceof CodedError ? error : null;
  const code: ErrorCode = coded?.errorCode ?? 'internal';
  const message = error instanceof Error ? error.message : String(error);
  return {
    code,
    text: t.errors.codes[code],
    // A message that only repeats the code's default says nothing more.
    detail: message && message !== ERROR_CODES[code].message ? message : null,
    next: nextOf(coded?.nextStep ?? ERROR_CODES[code].nextStep),
  };
}

/** One line for places with room for no more (a status line, a diagnostics copy). */
export function errorLine(error: unknown): string {
  const described = describeError(error);
  return described.detail ? `${described.text} (${described.detail})` : described.text;
}
