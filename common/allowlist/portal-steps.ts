/**
 * The other half of the set-up, as data: connecting Box in the security portal, for each portal
 * generation, in the order its documentation gives. Each step says what to do and what the
 * admin should then see; the last step says what this app's own connection test has already
 * proven, so a failing Test API points at the portal side. The portal's error messages map to
 * our explanations. The UI, the runbooks and the PDF all render these. Runs everywhere.
 */
import { CHECK_TITLES, type CheckId } from '../conntest';
import type { PortalGeneration } from './portals';

export interface PortalStep {
  /** Stable: ticks are stored by it. Lowercase letters, digits and dashes. */
  id: string;
  title: string;
  instructions: readonly string[];
  /** What the admin should see once the step is done. */
  expect: string;
}

const SIGN_IN_ALLOW: PortalStep = {
  id: 'sign-in-allow',
  title: 'Sign in to Box as the Box Admin, then Allow',
  instructions: [
    'Sign in with the Box Admin account (the one this app’s connection test used), not a Co-Admin: a Co-Admin fails the portal’s test even with every privilege ticked, and other admins’ files are then not scanned.',
    'Box asks to allow access to “team information, activity log, and perform activities as a team member”. Click Allow.',
  ],
  expect: 'The Box window closes and you are back in the portal.',
};

const SUCCESS: PortalStep = {
  id: 'success',
  title: 'Check the success message',
  instructions: ['Back in the portal, read the message it shows.'],
  expect: 'A message saying Box was connected successfully.',
};

/** The portal's Test API; `days` is how far back that generation pulls activity. */
function testApiStep(days: number): PortalStep {
  return {
    id: 'test-api',
    title: 'Click Test API, then Close',
    instructions: [
      'Click Test API. It can take a couple of minutes. When it has passed, click Close.',
      `The portal then pulls the last ${days} days of Box activity and starts a full scan of every file, which can take hours or days.`,
    ],
    expect: 'Test API says the test succeeded; after Close, the Box row shows the connector as connected.',
  };
}

/** The final step of every generation: what this app has proven already. */
export const PORTAL_PROVEN_CHECKS: readonly CheckId[] = ['app', 'role'];
export const PORTAL_PROVEN_STEP: PortalStep = {
  id: 'already-proven',
  title: 'What this app has already proven',
  instructions: [
    `This app’s connection test passed “${CHECK_TITLES.app}” and “${CHECK_TITLES.role}” for this enterprise: the allowlist works, and the account is the Box Admin.`,
    'So if the portal’s Test API or the connector status still fails, the Box side is not the cause: look at the portal side (the instance, the region of the portal, the portal’s own permissions), or see the error list below.',
  ],
  expect: 'Nothing to do in Box: tick this once the portal shows Box as connected.',
};

const cas2016: readonly PortalStep[] = [
  {
    id: 'open-sanctioned-apps',
    title: 'Open Investigate > Sanctioned apps',
    instructions: ['In the Cloud App Security portal, open Investigate, then Sanctioned apps.'],
    expect: 'The list of sanctioned apps, with a Box row and an “App Connector status” column.',
  },
  {
    id: 'connect-box',
    title: 'Click Connect in the Box row',
    instructions: [
      'In the Box row, click Connect in the App Connector status column (or click Connect an App and choose Box).',
    ],
    expect: 'The Box settings, with an API tab.',
  },
  {
    id: 'follow-link',
    title: 'Open the API tab and click Follow this link',
    instructions: ['On the API tab, click Follow this link.'],
    expect: 'Box’s sign-in page opens.',
  },
  SIGN_IN_ALLOW,
  SUCCESS,
  testApiStep(60),
  PORTAL_PROVEN_STEP,
];

const mdcaClassic: readonly PortalStep[] = [
  {
    id: 'open-app-connectors',
    title: 'Open Investigate > Connected apps > App connectors',
    instructions: [
      'In the Defender for Cloud Apps portal, open Investigate, then Connected apps, then App connectors.',
    ],
    expect: 'The App connectors list, with a + button above it.',
  },
  {
    id: 'add-box',
    title: 'Click + and choose Box',
    instructions: ['Click the + button and choose Box.'],
    expect: 'The Box settings pop-up, with a Follow this link button.',
  },
  {
    id: 'follow-link',
    title: 'Click Follow this link',
    instructions: ['In the Box settings pop-up, click Follow this link.'],
    expect: 'Box’s sign-in page opens.',
  },
  SIGN_IN_ALLOW,
  SUCCESS,
  testApiStep(7),
  PORTAL_PROVEN_STEP,
];

const defender: readonly PortalStep[] = [
  {
    id: 'open-app-connectors',
    title: 'Open Settings > Cloud Apps > Connected apps > App Connectors',
    instructions: [
      'In the Microsoft Defender portal, open Settings, then Cloud Apps, then Connected apps, then App Connectors.',
    ],
    expect: 'The App Connectors page, with a “+Connect an app” button.',
  },
  {
    id: 'connect-an-app',
    title: 'Click +Connect an app and choose Box',
    instructions: ['Click +Connect an app and choose Box.'],
    expect: 'A box asking for an instance name.',
  },
  {
    id: 'instance-name',
    title: 'Enter an instance name, then Next',
    instructions: ['Type a name for this Box connection (for example your enterprise’s name) and click Next.'],
    expect: 'The “Follow the link” pop-up, with a Connect Box button.',
  },
  {
    id: 'connect-box',
    title: 'Click Connect Box',
    instructions: ['In the Follow the link pop-up, click Connect Box.'],
    expect: 'Box’s sign-in page opens.',
  },
  SIGN_IN_ALLOW,
  SUCCESS,
  {
    id: 'check-connected',
    title: 'Check that the status is Connected',
    instructions: [
      'On the App Connectors page, find the Box instance and read its status.',
      'The portal then pulls the last 7 days of Box activity and starts a full scan of every file, which can take hours or days.',
    ],
    expect: 'The Box instance’s status is Connected.',
  },
  PORTAL_PROVEN_STEP,
];

export const PORTAL_STEPS: Readonly<Record<PortalGeneration, readonly PortalStep[]>> = {
  'cas-2016': cas2016,
  'mdca-classic': mdcaClassic,
  defender,
};

/** Every step id a portal generation has, for validating ticks. */
export function portalStepIds(generation: PortalGeneration): string[] {
  return PORTAL_STEPS[generation].map((step) => step.id);
}

/** A message the portal shows for Box, what it means, what to do, and which of our checks covers it. */
export interface PortalError {
  message: string;
  meaning: string;
  whatToDo: string;
  /** The check of this app's connection test that tests the same thing; null when none does. */
  ourCheck: CheckId | null;
}

export const PORTAL_ERRORS: readonly PortalError[] = [
  {
    message: '“Unauthorized - Cannot authorize with this service”',
    meaning:
      'Box refused the connector’s app: either unpublished apps are disabled and the app’s key is not in “Except for” (a wrong or missing key for this data center), or a Box admin removed the app.',
    whatToDo:
      'Check the allowlist for this data center first (part 1 of this runbook), then connect again. If this app’s check below passed, make sure the portal’s data center is the one whose key you allowlisted.',
    ourCheck: 'app',
  },
  {
    message: 'Test API fails after a successful sign-in',
    meaning: 'The Box account is not the Box Admin: a Co-Admin fails the test even with every privilege ticked.',
    whatToDo: 'Connect again from the portal, signed in as the Box Admin.',
    ourCheck: 'role',
  },
  {
    message: '“User cannot access this feature without having an enterprise”',
    meaning: 'The Box account is not part of a Box Enterprise.',
    whatToDo: 'Upgrade the Box plan to an Enterprise plan, then connect again.',
    ourCheck: 'enterprise',
  },
  {
    message: '“invalid_grant” or “Invalid refresh token”',
    meaning: 'The portal’s Box sign-in is no longer valid: Box refresh tokens live 60 days and work once.',
    whatToDo: 'Connect again from the portal.',
    ourCheck: 'token',
  },
  {
    message: '“Failed to parse response”',
    meaning: 'A passing internal error in the portal.',
    whatToDo: 'Run Test API again.',
    ourCheck: null,
  },
  {
    message: 'HTTP 500 from Box, or a timeout',
    meaning: 'Box had an error, or did not answer in time.',
    whatToDo: 'Check Box’s status page and try again later.',
    ourCheck: null,
  },
];
