/**
 * The Content-Security-Policy of the app's UI, one string for every place that sets it: the
 * renderer's <meta> tag (checked by a test to match), the desktop app's response headers, and
 * the test harness. Nothing may come from the network: no remote scripts, fonts or images, so
 * the walkthrough works offline and a compromised page cannot phone home.
 * `connect-src 'self'` admits only the harness's own WebSocket; the desktop UI connects nowhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
