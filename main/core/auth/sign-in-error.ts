/** Why a sign-in ended without tokens; `kind` drives the message and the next action shown. */
export type SignInFailureKind =
  | 'denied' // the admin pressed Deny on Box's consent page
  | 'timeout' // nobody came back from the browser in time
  | 'cancelled' // the admin pressed Cancel
  | 'box_error' // Box redirected back with another error=… value
  | 'exchange_failed' // the code could not be exchanged for tokens
  | 'no_keychain' // there is nowhere safe to keep the tokens
  | 'listener'; // the loopback listener could not start (port in use…)

export class SignInError extends Error {
  constructor(
    readonly kind: SignInFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
