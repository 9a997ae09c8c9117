/**
 * The small pages the loopback listener shows in the admin's browser. Self-contained HTML (no
 * scripts, no remote resources), strict CSP, and never anything from the query echoed back.
 */
export type CallbackPage = { status: number; title: string; message: string };

export const PAGES = {
  notFound: {
    status: 404,
    title: 'Not found',
    message: 'This address is not part of the Box Connect Companion sign-in.',
  },
  wrongMethod: {
    status: 405,
    title: 'Not allowed',
    message: 'The sign-in only accepts the browser coming back from Box.',
  },
  wrongHost: {
    status: 400,
    title: 'Wrong address',
    message: 'The sign-in only answers at 127.0.0.1. Start the sign-in again from the app.',
  },
  tooLong: { status: 414, title: 'Request too long', message: 'This request is too long to be a Box sign-in.' },
  wrongState: {
    status: 400,
    title: 'This sign-in link is not the current one',
    message:
      'This page did not come from the sign-in Box Connect Companion is waiting for. Go back to the app; its sign-in is still open.',
  },
  missingCode: {
    status: 400,
    title: 'Box sent no code',
    message: 'Box came back without an authorization code. Try again from the app.',
  },
  alreadyDone: {
    status: 409,
    title: 'Already finished',
    message: 'This sign-in is already complete. You can close this tab.',
  },
  success: {
    status: 200,
    title: 'Signed in to Box',
    message: 'Box Connect Companion is connected. You can close this tab and go back to the app.',
  },
  denied: {
    status: 200,
    title: 'Access was not granted',
    message: 'You chose not to allow access, so the app is not connected. Go back to the app to try again.',
  },
  failed: {
    status: 200,
    title: 'Sign-in did not complete',
    message: 'The app could not finish signing in. Go back to the app: it says what happened and what to do.',
  },
} satisfies Record<string, CallbackPage>;

export const CALLBACK_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function renderPage(page: CallbackPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title} — Box Connect Companion</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}h1{color:#0061d5;font-size:1.4rem}</style>
</head><body><main><h1>${page.title}</h1><p>${page.message}</p></main></body></html>`;
}
