import { CodedError, type ErrorCode } from '../../../common/errors/error-codes';

/** Why a sign-in ended without tokens; `kind` drives the message and the next action shown. */
export type SignInFailureKind =
  | 'denied' // the admin pressed Deny on Box's consent page
  | 'timeout' // nobody came back from the browser in time
  | 'cancelled' // the admin pressed Cancel
  | 'box_error' // Box redirected back with another error=… value
  | 'exchange_failed' // the code could not be exchanged for tokens
  | 'no_keychain' // there is nowhere safe to keep the tokens
  | 'listener'; // the loopback listener could not start (port in use…)

const CODE_OF_KIND: Record<SignInFailureKind, ErrorCode> = {
  denied: 'sign_in_denied',
  timeout: 'sign_in_timeout',
  cancelled: 'sign_in_cancelled',
  box_error: 'sign_in_denied',
  exchange_failed: 'sign_in_failed',
  no_keychain: 'keychain_unavailable',
  listener: 'sign_in_failed',
};

export class SignInError extends CodedError {
  constructor(
    readonly kind: SignInFailureKind,
    message: string,
  ) {
    super(CODE_OF_KIND[kind], message);
    this.name = 'SignInError';
  }
}
