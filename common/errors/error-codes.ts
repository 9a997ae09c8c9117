/**
 * Every failure the app reports, as one table of stable codes (MSAL Node's NodeAuthError is the
 * model): each code has a default message (for logs, the CLI and developers; the UI has its own
 * words per code in renderer/src/strings/en.ts) and the next step the user can take, as an action
 * id the UI maps to a button. The codes are a contract: the bridge, the CLI's `--json` lines and
 * the renderer all use them, so never rename one. Runs everywhere: no Node, no DOM.
 */

/** What the user can do next; the UI maps each to a button (none: nothing to press). */
export const NEXT_STEPS = [
  'reconnect',
  'open_allowlist',
  'install_keychain',
  'retry',
  'wait',
  'stop_other_scan',
  'none',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

interface ErrorCodeEntry {
  message: string;
  nextStep: NextStep;
}

export const ERROR_CODES = {
  invalid_argument: { message: 'The request was not valid.', nextStep: 'none' },
  unknown_call: { message: 'The app core does not know this request.', nextStep: 'none' },
  untrusted_sender: { message: 'The request did not come from the app’s own window.', nextStep: 'none' },
  core_unavailable: { message: 'The app core is not running, so the request was not carried out.', nextStep: 'retry' },
  not_connected: { message: 'Not connected to Box: sign in first.', nextStep: 'reconnect' },
  reconnect_required: { message: 'Box needs you to sign in again.', nextStep: 'reconnect' },
  keychain_unavailable: {
    message: 'No keychain is available, so nothing secret can be stored.',
    nextStep: 'install_keychain',
  },
  rate_limited: { message: 'Box is limiting how fast the app may ask.', nextStep: 'wait' },
  box_unavailable: { message: 'Box answered with an error for everyone; it usually passes.', nextStep: 'wait' },
  network: { message: 'Box could not be reached.', nextStep: 'retry' },
  scan_locked: { message: 'Another scan is already running on this app home.', nextStep: 'stop_other_scan' },
  sign_in_busy: { message: 'Another process is renewing this Box sign-in.', nextStep: 'wait' },
  sign_in_timeout: { message: 'Nobody came back from Box in time, so the sign-in was stopped.', nextStep: 'retry' },
  sign_in_cancelled: { message: 'The sign-in was cancelled.', nextStep: 'retry' },
  sign_in_denied: { message: 'Box did not grant access.', nextStep: 'open_allowlist' },
  sign_in_failed: { message: 'The sign-in could not be completed.', nextStep: 'retry' },
  activity_unavailable: { message: 'This account may not read the enterprise’s activity.', nextStep: 'none' },
  setting_locked: {
    message: 'Your organisation set this setting (its managed settings file), so it cannot be changed here.',
    nextStep: 'none',
  },
  store_too_new: { message: 'The scan store was written by a newer version of the app.', nextStep: 'none' },
  policy_not_found: { message: 'There is no policy with this id.', nextStep: 'none' },
  internal: { message: 'Something went wrong inside the app.', nextStep: 'none' },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

export function nextStepOf(code: ErrorCode): NextStep {
  return ERROR_CODES[code].nextStep;
}

/**
 * The base of every error the app throws on purpose: it carries its code (`errorCode`, not
 * `code`, which Node's system errors and Box's API errors already use for their own codes).
 */
export class CodedError extends Error {
  readonly nextStep: NextStep;
  /** `nextStep`: the code's own unless this failure knows better (a sign-in Box refused: the allowlist). */
  constructor(
    readonly errorCode: ErrorCode,
    message: string = ERROR_CODES[errorCode].message,
    nextStep: NextStep = ERROR_CODES[errorCode].nextStep,
  ) {
    super(message);
    this.name = 'CodedError';
    this.nextStep = nextStep;
  }
}

/** One factory per code: `appErrors.not_connected()` or `appErrors.network('Box did not answer in 30 s')`. */
export const appErrors = Object.fromEntries(
  ALL_ERROR_CODES.map((code) => [code, (message?: string) => new CodedError(code, message)]),
) as {
  readonly [C in ErrorCode]: (message?: string) => CodedError;
};
