/**
 * The walkthrough's steps for each Box Admin Console generation, as data: the UI, the runbooks
 * and the PDF all render these. `{key}` in an instruction is replaced by the data center's
 * key, `{keyKind}` by what kind of value it is (walkthrough.ts). Each illustration is an SVG in
 * assets/walkthrough/ drawn for this app, with the control to use highlighted; its alt text
 * says what it shows. Runs everywhere.
 */
import type { ConsoleGeneration } from './consoles';

export interface StepTemplate {
  /** Stable: ticks are stored by it. Lowercase letters, digits and dashes. */
  id: string;
  title: string;
  instructions: readonly string[];
  /** File name in assets/walkthrough/. */
  illustration: string;
  /** What the drawing shows, naming the highlighted control, for screen readers. */
  illustrationAlt: string;
  /** The step that adds the companion's own sign-in app; its wording depends on the client ID. */
  companionClientId?: true;
}

/** The step that adds the companion's own sign-in app, worded for where the generation adds a second app. */
function companionStep(how: string, illustration: string, alt: string): StepTemplate {
  return {
    id: 'companion-client-id',
    title: 'Add this companion’s own sign-in app too',
    instructions: [how],
    illustration,
    illustrationAlt: alt,
    companionClientId: true,
  };
}

const classic: readonly StepTemplate[] = [
  {
    id: 'check-restriction',
    title: 'First check whether you need to allowlist at all',
    instructions: [
      'Click the gear icon at the top right, choose Enterprise Settings (Business Settings on some plans) and open the Apps tab.',
      'Under “Unpublished Applications”, look at “Disable unpublished applications by default”. If it is not selected, your enterprise does not restrict unpublished apps: skip the rest of this walkthrough and go straight to connecting.',
    ],
    illustration: 'classic-check.svg',
    illustrationAlt:
      'The classic Box Admin Console Apps tab, with the “Disable unpublished applications by default” option highlighted.',
  },
  {
    id: 'open-settings',
    title: 'Open Enterprise Settings',
    instructions: [
      'Click the gear icon at the top right of the Admin Console and choose Enterprise Settings (or Business Settings).',
    ],
    illustration: 'classic-open-settings.svg',
    illustrationAlt:
      'The classic Box Admin Console header, with the gear icon and its Enterprise Settings item highlighted.',
  },
  {
    id: 'apps-tab',
    title: 'Open the Apps tab',
    instructions: ['Click the Apps tab and scroll to “Unpublished Applications”.'],
    illustration: 'classic-apps-tab.svg',
    illustrationAlt: 'The Enterprise Settings page, with the Apps tab highlighted.',
  },
  {
    id: 'except-for',
    title: 'Add the key to “Except for”',
    instructions: [
      'Next to “Except for”, paste the {keyKind} {key}. If other keys are already listed, keep them and separate the keys with commas.',
    ],
    illustration: 'classic-except-for.svg',
    illustrationAlt: 'The Unpublished Applications section, with the “Except for” box highlighted.',
  },
  companionStep(
    'In the same “Except for” box, add {clientId}, separated from the other keys by a comma.',
    'classic-except-for.svg',
    'The Unpublished Applications section, with the “Except for” box highlighted.',
  ),
  {
    id: 'save',
    title: 'Save',
    instructions: [
      'Click Save at the top right of Enterprise Settings. The change applies to new sign-ins straight away.',
    ],
    illustration: 'classic-save.svg',
    illustrationAlt: 'The Enterprise Settings page, with the Save button highlighted.',
  },
];

const customApps: readonly StepTemplate[] = [
  {
    id: 'check-restriction',
    title: 'First check whether you need to allowlist at all',
    instructions: [
      'In the left menu choose Apps, open the Custom Apps tab, then Settings.',
      'Look at “Disable unpublished apps by default”. If it is off, your enterprise does not restrict unpublished apps: skip the rest of this walkthrough and go straight to connecting.',
    ],
    illustration: 'custom-apps-check.svg',
    illustrationAlt: 'The Custom Apps settings, with the “Disable unpublished apps by default” switch highlighted.',
  },
  {
    id: 'open-custom-apps',
    title: 'Open Apps > Custom Apps > Settings',
    instructions: ['In the left menu click Apps, then the Custom Apps tab at the top, then the Settings button.'],
    illustration: 'custom-apps-open.svg',
    illustrationAlt:
      'The Box Admin Console with Apps selected in the left menu and the Custom Apps tab and Settings button highlighted.',
  },
  {
    id: 'except-for',
    title: 'Add the key to “Except for”',
    instructions: [
      'Under “Disable unpublished apps by default”, click in the “Except for” box and paste the {keyKind} {key}. The box takes several API keys separated by commas: keep any that are already there.',
    ],
    illustration: 'custom-apps-except-for.svg',
    illustrationAlt: 'The Custom Apps settings, with the “Except for” text box highlighted.',
  },
  companionStep(
    'In the same “Except for” box, add {clientId}, separated from the other keys by a comma.',
    'custom-apps-except-for.svg',
    'The Custom Apps settings, with the “Except for” text box highlighted.',
  ),
  {
    id: 'save',
    title: 'Save',
    instructions: ['Click Save. Box confirms at the top of the page that the settings were saved.'],
    illustration: 'custom-apps-save.svg',
    illustrationAlt: 'The Custom Apps settings, with the Save button highlighted.',
  },
];

const appsManager: readonly StepTemplate[] = [
  {
    id: 'check-restriction',
    title: 'First check whether you need to allowlist at all',
    instructions: [
      'Open Enterprise Settings > Apps and find “Disable unpublished apps by default” (in some consoles: Integrations > Platform Apps Manager > settings).',
      'If it is off, your enterprise does not restrict unpublished apps: skip the rest of this walkthrough and go straight to connecting.',
    ],
    illustration: 'apps-manager-check.svg',
    illustrationAlt: 'The Apps settings, with the “Disable unpublished apps by default” switch highlighted.',
  },
  {
    id: 'open-apps-manager',
    title: 'Open Custom Apps Manager',
    instructions: [
      'In the left menu click Apps, then Custom Apps Manager. In some consoles it is Integrations, then Platform Apps Manager.',
    ],
    illustration: 'apps-manager-open.svg',
    illustrationAlt: 'The Box Admin Console left menu, with Custom Apps Manager highlighted.',
  },
  {
    id: 'add-by-client-id',
    title: 'Add the app by its client ID',
    instructions: [
      'Open the User Authentication Apps tab, click Add App, and paste {key} into the client ID box. Click Next.',
    ],
    illustration: 'apps-manager-add.svg',
    illustrationAlt: 'The Add App dialog on the User Authentication Apps tab, with the client ID box highlighted.',
  },
  {
    id: 'enable',
    title: 'Enable the app',
    instructions: ['Box shows the app’s name and the access it asks for. Click Enable (Authorize on some consoles).'],
    illustration: 'apps-manager-enable.svg',
    illustrationAlt: 'The app details dialog, with the Enable button highlighted.',
  },
  companionStep(
    'Click Add App again and add {clientId} the same way, then enable it.',
    'apps-manager-add.svg',
    'The Add App dialog on the User Authentication Apps tab, with the client ID box highlighted.',
  ),
];

const platform: readonly StepTemplate[] = [
  {
    id: 'check-restriction',
    title: 'First check whether you need to allowlist at all',
    instructions: [
      'Open Enterprise Settings > Platform Apps and look at the switch “Disable unpublished platform apps by default”.',
      'If it is off, your enterprise does not restrict unpublished apps: skip the rest of this walkthrough and go straight to connecting.',
    ],
    illustration: 'platform-check.svg',
    illustrationAlt:
      'Enterprise Settings, Platform Apps tab, with the “Disable unpublished platform apps by default” switch highlighted.',
  },
  {
    id: 'open-platform-apps',
    title: 'Open Platform > Platform Apps',
    instructions: ['In the left menu click Platform, then Platform Apps.'],
    illustration: 'platform-open.svg',
    illustrationAlt: 'The Box Admin Console left menu, with Platform and Platform Apps highlighted.',
  },
  {
    id: 'add-app',
    title: 'Add the app under User Authentication Apps',
    instructions: [
      'Open the User Authentication Apps tab, click Add, and paste {key} into the client ID box. Click Next.',
    ],
    illustration: 'platform-add.svg',
    illustrationAlt: 'The Add app dialog on the User Authentication Apps tab, with the client ID box highlighted.',
  },
  {
    id: 'confirm',
    title: 'Confirm and check the list',
    instructions: ['Click Add to confirm. The app now appears in the User Authentication Apps list as enabled.'],
    illustration: 'platform-confirm.svg',
    illustrationAlt: 'The User Authentication Apps list, with the newly added app and its Enabled status highlighted.',
  },
  companionStep(
    'Click Add again and add {clientId} the same way.',
    'platform-add.svg',
    'The Add app dialog on the User Authentication Apps tab, with the client ID box highlighted.',
  ),
];

export const STEPS: Readonly<Record<ConsoleGeneration, readonly StepTemplate[]>> = {
  classic,
  'custom-apps': customApps,
  'apps-manager': appsManager,
  platform,
};

/** Every step id a generation has, for validating ticks. */
export function stepIds(generation: ConsoleGeneration): string[] {
  return STEPS[generation].map((step) => step.id);
}
