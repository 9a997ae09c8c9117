/** Part of `en` (strings/en.ts): the walkthrough screen's strings. */

export const walkthrough = {
  heading: 'Allowlist the connector in Box',
  intro:
    'Box blocks apps it has not published when an enterprise turns on “Disable unpublished apps”. These steps add the connector’s key to the exceptions. Everything here works offline.',
  dataCenter: {
    heading: '1. Which data center?',
    pasteLabel: 'Portal address or the About page’s “API URL”',
    pasteHint: 'For example https://tenant.us2.portal.cloudappsecurity.com',
    detect: 'Find my data center',
    chooseLegend: 'Or choose it yourself',
    detected: (name: string) => `Found it: ${name}. The key below is for this data center.`,
  },
  console: {
    heading: '2. Which Box Admin Console do you have?',
    question: 'What do you see in the left-hand menu of the Box Admin Console?',
  },
  key: {
    heading: '3. The key to allowlist',
    label: (dataCenter: string, kind: string) => `Allowlist key for ${dataCenter} (${kind})`,
    copy: 'Copy key',
    copied: 'Copied. Paste it into Box, then paste it below to check.',
    copyFailed: 'Could not copy automatically: select the key and copy it yourself.',
    pasteBackLabel: 'Paste the key back here to check you copied the right one',
    exact: (dataCenter: string) => `That is exactly the ${dataCenter} key.`,
    whitespace:
      'That is the right key, but with spaces or line breaks in it: remove them before you paste it into Box.',
    otherDataCenter: (theirs: string, ours: string) =>
      `Careful: that is the ${theirs} key, not the ${ours} key. Copy the key above again.`,
    unknown: (dataCenter: string) =>
      `That is not the ${dataCenter} key. Copy the key above again with the Copy key button.`,
    companionKnown: (clientId: string) => `Also allowlist this companion’s own sign-in app: client ID ${clientId}.`,
    companionUnknown:
      'This companion signs in through a Box app of its own: where unpublished apps are blocked, that app’s client ID (set up in the Connect step) must be added too. The steps say where.',
  },
  steps: {
    heading: (console: string) => `4. Steps for the ${console}`,
    progress: (done: number, total: number) => `${done} of ${total} steps ticked`,
    tickLabel: (number: number, title: string) => `Step ${number}: ${title}`,
    startOver: 'Start over',
    startedOver: 'All ticks for this data center were cleared.',
    needsChoices: 'Choose a data center and a console above to see the steps.',
  },
  portal: {
    heading: '5. Then connect Box in the security portal',
    intro:
      'Once the Box side is ready, the connector is connected from the security service’s portal. Its steps depend on which portal you have.',
    question: 'What do you see when you open the security portal?',
    stepsHeading: (portal: string) => `Steps in the ${portal}`,
    progress: (done: number, total: number) => `${done} of ${total} portal steps ticked`,
    tickLabel: (number: number, title: string) => `Portal step ${number}: ${title}`,
    expect: 'You should see:',
    errorsHeading: 'If the portal shows an error',
    ourCheck: (title: string) => `This app’s check: “${title}”.`,
    needsChoice: 'Choose the portal you see to get its steps.',
  },
  runbook: {
    heading: 'Runbook for the help desk',
    intro:
      'A printable copy of these steps, the Box side and the portal side, with the key and a box to tick for each step.',
    pdf: 'Save runbook as PDF',
    markdown: 'Save as Markdown',
    saved: (path: string) => `Saved to ${path}`,
    failed: (reason: string) => `Could not save the runbook: ${reason}`,
  },
} as const;
