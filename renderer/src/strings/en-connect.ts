/** Part of `en` (strings/en.ts): the connect screen's strings. */
import { n as num } from './format';

export const connect = {
  heading: 'Connect to Box',
  status: {
    not_connected: 'Not connected.',
    waiting_for_browser: 'Waiting for the browser: finish signing in to Box there.',
    connected: 'Connected.',
    reconnect_required: 'Reconnect required.',
    error: 'The sign-in did not complete.',
  },
  badge: {
    not_connected: 'Not connected',
    waiting_for_browser: 'Signing in…',
    connected: 'Connected',
    reconnect_required: 'Reconnect required',
    error: 'Connection error',
  },
  badgeExpires: (date: string) => `sign-in expires ${date}`,
  sandboxHeading: 'Try it on a sandbox enterprise',
  sandboxIntro:
    'A whole Box enterprise that runs inside this app, with users, folders, files and activity. No Box account needed, nothing leaves this computer: for trying the product and for help desk rehearsals.',
  sandboxSeed: 'Enterprise seed',
  sandboxSeedHelp:
    'The same seed always builds the same enterprise: give a user the seed to rehearse on identical data.',
  sandboxRole: 'Sign in as',
  roles: { admin: 'Box Admin', coadmin: 'Co-Admin', user: 'User' },
  useSandbox: 'Use the sandbox enterprise',
  sandboxReady: (seed: number, users: number, files: number) =>
    `The sandbox enterprise is running (seed ${seed}: ${users} users, ${num(files)} files).`,
  appReady: (clientId: string) => `Ready to sign in with the Box app ${clientId}.`,
  ownAppHeading: 'Use your own Box app',
  ownAppGuideSummary: 'How to create the Box app (once)',
  ownAppGuide: [
    'In the Box Developer Console, create a Platform App with User Authentication (OAuth 2.0).',
    'Under Configuration → OAuth 2.0 Redirect URIs, add http://127.0.0.1/callback (Box accepts any port for 127.0.0.1).',
    'Under Application Scopes, tick: Read all files and folders stored in Box; Manage users; Manage enterprise properties. Under Advanced Features, tick “Make API calls using the as-user header”.',
    'If your enterprise disables unpublished apps, allowlist this app’s client ID too (see the Allowlist walkthrough).',
    'Copy the client ID and client secret from the Configuration page into the form below.',
  ],
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  clientSecretHelp: 'Kept in the system keychain only, never in a file.',
  redirectPort: 'Fixed port (optional)',
  redirectPortHelp:
    'Only if your Box app registered a redirect URI with a port, such as http://127.0.0.1:8765/callback.',
  saveApp: 'Save this Box app',
  signIn: 'Sign in with Box',
  waitingIntro:
    'Your browser opened Box’s sign-in page. Sign in as a Box Admin and choose “Grant access to Box”. This screen updates by itself.',
  openAgain: 'Open the Box sign-in page again',
  waitingUntil: (time: string) => `The sign-in stays open until ${time}.`,
  disabledHeading: 'Box shows “Disabled by Administrator”, or any page other than the consent?',
  disabledExplained:
    'If Box does not offer “Grant access to Box”, your enterprise disables unpublished apps and this app is not enabled yet. Nothing will come back here: a Box admin must allowlist its client ID first, then sign in again.',
  openAllowlistFor: (dataCenter: string | null) =>
    dataCenter
      ? `Open the allowlist step for ${dataCenter}`
      : 'Open the allowlist step (choose your data center there)',
  openAllowlist: 'Open the allowlist step',
  cancel: 'Cancel sign-in',
  signedInAs: 'Signed in as',
  role: 'Role',
  roleUnknown: 'Unknown',
  enterprise: 'Enterprise',
  noEnterprise: 'None: this Box account does not belong to an enterprise',
  target: 'Connected to',
  targetSandbox: 'The sandbox enterprise (in this app)',
  targetBox: 'Box',
  since: 'Since',
  expires: 'Sign-in expires',
  disconnect: 'Disconnect',
  reconnect: 'Reconnect',
  tryAgain: 'Try again',
} as const;
