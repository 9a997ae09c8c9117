/**
 * One walkthrough, resolved for a data center and a console generation: the key, and each
 * step with its text filled in. The UI, the runbooks and the PDF all start from this, so they
 * always say the same thing. Runs everywhere.
 */
import { consoleGenerationInfo, type ConsoleGeneration, type ConsoleGenerationInfo } from './consoles';
import { dataCenter, type DataCenter, type DataCenterId } from './data-centers';
import { STEPS } from './steps';

export interface WalkthroughStep {
  id: string;
  /** 1-based position, as printed. */
  number: number;
  title: string;
  instructions: string[];
  illustration: string;
  illustrationAlt: string;
}

export interface Walkthrough {
  dataCenter: DataCenter;
  console: ConsoleGenerationInfo;
  key: string;
  /** The companion's own sign-in client ID when known (settings boxApp.clientId). */
  companionClientId: string | null;
  steps: WalkthroughStep[];
}

export interface WalkthroughChoice {
  dataCenter: DataCenterId;
  consoleGeneration: ConsoleGeneration;
  companionClientId?: string | null;
}

const WHY_COMPANION_APP =
  'This companion signs in to Box through a Box app of its own, and your enterprise blocks that app too unless it is listed.';

export function companionClientIdPhrase(clientId: string | null): string {
  return clientId
    ? `the client ID ${clientId} (the Box app this companion signs in with)`
    : 'the client ID of the Box app this companion signs in with (you set that app up in the Connect step; come back and add its client ID once you have it)';
}

export function buildWalkthrough({
  dataCenter: id,
  consoleGeneration,
  companionClientId = null,
}: WalkthroughChoice): Walkthrough {
  const center = dataCenter(id);
  const fill = (text: string) =>
    text
      .replaceAll('{keyKind}', center.keyKind)
      .replaceAll('{key}', center.allowlistKey)
      .replaceAll('{clientId}', companionClientIdPhrase(companionClientId));
  const steps = STEPS[consoleGeneration].map((template, index) => ({
    id: template.id,
    number: index + 1,
    title: template.title,
    instructions: [...(template.companionClientId ? [WHY_COMPANION_APP] : []), ...template.instructions.map(fill)],
    illustration: template.illustration,
    illustrationAlt: template.illustrationAlt,
  }));
  return {
    dataCenter: center,
    console: consoleGenerationInfo(consoleGeneration),
    key: center.allowlistKey,
    companionClientId,
    steps,
  };
}
