/**
 * Plays the admin's browser for integration tests that are not about the browser: loads the
 * sandbox's consent page from the authorize URL the app built, presses Grant (or Deny) as the
 * given user, and follows the redirect to the app's loopback listener and its result page.
 * The end-to-end tests click the same page in a real Chromium instead.
 */
export async function consentInSandbox(
  authorizeUrl: string,
  options: {
    userId?: string;
    action?: 'grant' | 'deny';
    /** How the browser reaches the consent page (through a proxy, say); the loopback redirect goes direct. */
    fetch?: (url: string, init: RequestInit) => Promise<Response>;
  } = {},
): Promise<string> {
  const toBox = options.fetch ?? fetch;
  const page = await toBox(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  const nonce = /name="request_token" value="([^"]+)"/.exec(html)?.[1];
  if (!nonce) throw new Error(`the consent page did not offer a form (HTTP ${page.status}): ${html.slice(0, 300)}`);
  const selected = /<option value="([^"]+)" selected/.exec(html)?.[1];
  const form = new URLSearchParams(new URL(authorizeUrl).searchParams);
  form.set('request_token', nonce);
  form.set('user_id', options.userId ?? selected ?? '');
  form.set('action', options.action ?? 'grant');
  const submitted = await toBox(authorizeUrl.split('?')[0]!, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const callback = submitted.headers.get('location');
  if (!callback) throw new Error(`the consent page did not redirect (HTTP ${submitted.status})`);
  const result = await fetch(callback, { redirect: 'follow' });
  return result.text();
}
