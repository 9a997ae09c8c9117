/**
 * `box-companion guide`: the allowlist runbook for one data center and Box Admin Console
 * generation, for help desks: printed as text, Markdown or HTML, or written as a PDF.
 */
import { parseArgs } from 'node:util';
import {
  CONSOLE_GENERATIONS,
  DATA_CENTER_IDS,
  PORTAL_GENERATIONS,
  RUNBOOK_FORMATS,
  detectDataCenter,
  detectionMessage,
  isDataCenterId,
  type ConsoleGeneration,
  type DataCenterId,
  type PortalGeneration,
  type RunbookFormat,
} from '../../../common/allowlist';
import { exportRunbook, renderRunbook } from '../../core/walkthrough/export-runbook';
import { createNodeSettingsStore } from '../../core/settings/node-settings';
import { EXIT_CODES, type CliCommand, type CliContext } from '../command';

const DEFAULT_CONSOLE: ConsoleGeneration = 'platform';
const DEFAULT_PORTAL: PortalGeneration = 'defender';

const usage = `box-companion guide --dc ${DATA_CENTER_IDS.join('|')} [--console GEN] [--portal GEN] [--format FORMAT]
box-companion guide --portal-url URL [--console GEN] [--portal GEN] [--format FORMAT]

Prints the set-up runbook for one data center: part 1 in the Box Admin Console (the key, each
step with a box to tick), part 2 connecting Box in the security portal (each step with what you
should see, then the portal's errors explained), and the date generated. Works offline.

  --dc ID           The data center: ${DATA_CENTER_IDS.join(', ')}.
  --portal-url URL  Detect the data center from the security portal's address or the About
                    page's "API URL" (for example https://tenant.us2.portal.cloudappsecurity.com).
  --console GEN     The Box Admin Console generation: ${CONSOLE_GENERATIONS.join(', ')}
                    (default ${DEFAULT_CONSOLE}, the newest).
  --portal GEN      The security portal generation for part 2: ${PORTAL_GENERATIONS.join(', ')}
                    (cas-2016: Cloud App Security portal; mdca-classic: the classic Defender
                    for Cloud Apps portal; defender: the Microsoft Defender portal, the
                    default).
  --format FORMAT   ${RUNBOOK_FORMATS.join(', ')} (default text). pdf writes the file under
                    <home>/exports/ and prints its path.

Exit codes: 0 printed; 1 the portal is a government cloud (no Box key is published for it);
2 bad or missing option.`;

type Parsed = {
  dataCenter: DataCenterId;
  consoleGeneration: ConsoleGeneration;
  portalGeneration: PortalGeneration;
  format: RunbookFormat;
};

function oneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Reads the options; a string is a usage error, a number an exit code already explained. */
function parseOptions(ctx: CliContext): Parsed | { usageError: string } | { failed: string } {
  let values: { dc?: string; 'portal-url'?: string; console?: string; portal?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args: ctx.argv,
      options: {
        dc: { type: 'string' },
        'portal-url': { type: 'string' },
        console: { type: 'string' },
        portal: { type: 'string' },
        format: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { usageError: error instanceof Error ? error.message : String(error) };
  }
  const consoleGeneration = values.console ?? DEFAULT_CONSOLE;
  if (!oneOf(consoleGeneration, CONSOLE_GENERATIONS)) {
    return { usageError: `--console must be one of ${CONSOLE_GENERATIONS.join(', ')} (got "${consoleGeneration}").` };
  }
  const portalGeneration = values.portal ?? DEFAULT_PORTAL;
  if (!oneOf(portalGeneration, PORTAL_GENERATIONS)) {
    return { usageError: `--portal must be one of ${PORTAL_GENERATIONS.join(', ')} (got "${portalGeneration}").` };
  }
  const format = values.format ?? 'text';
  if (!oneOf(format, RUNBOOK_FORMATS))
    return { usageError: `--format must be one of ${RUNBOOK_FORMATS.join(', ')} (got "${format}").` };

  let fromDc: DataCenterId | undefined;
  if (values.dc !== undefined) {
    const wanted = values.dc.toUpperCase();
    if (!isDataCenterId(wanted))
      return { usageError: `--dc must be one of ${DATA_CENTER_IDS.join(', ')} (got "${values.dc}").` };
    fromDc = wanted;
  }
  let fromUrl: DataCenterId | undefined;
  if (values['portal-url'] !== undefined) {
    const detection = detectDataCenter(values['portal-url']);
    if (detection.kind === 'government') return { failed: detectionMessage(detection) };
    if (detection.kind !== 'found') return { usageError: `--portal-url: ${detectionMessage(detection)}` };
    fromUrl = detection.dataCenter;
  }
  if (fromDc && fromUrl && fromDc !== fromUrl) {
    return { usageError: `--dc ${fromDc} does not match --portal-url, which is on ${fromUrl}. Give one of them.` };
  }
  const dataCenter = fromDc ?? fromUrl;
  if (!dataCenter)
    return { usageError: `say which data center: --dc ${DATA_CENTER_IDS.join('|')} or --portal-url URL.` };
  return { dataCenter, consoleGeneration, portalGeneration, format };
}

const guide: CliCommand = {
  name: 'guide',
  summary: 'Print the set-up runbook for a data center, Box side and portal side (text, Markdown, HTML or PDF).',
  usage,
  async run(ctx) {
    const parsed = parseOptions(ctx);
    if ('usageError' in parsed) {
      ctx.out.error(`guide: ${parsed.usageError}`, 'usage');
      return EXIT_CODES.usage;
    }
    if ('failed' in parsed) {
      ctx.out.error(`guide: ${parsed.failed}`, 'government_cloud');
      return EXIT_CODES.failed;
    }
    const companionClientId = createNodeSettingsStore(ctx.home).get().boxApp.clientId;
    const { dataCenter, consoleGeneration, portalGeneration } = parsed;
    const choice = { dataCenter, consoleGeneration, portalGeneration, companionClientId };
    if (parsed.format === 'pdf') {
      const exported = exportRunbook(ctx.home, choice, 'pdf');
      ctx.out.result({ ...choice, ...exported }, exported.path);
      return EXIT_CODES.ok;
    }
    const runbook = renderRunbook(choice, parsed.format).toString('utf8');
    ctx.out.result({ ...choice, format: parsed.format, runbook }, runbook);
    return EXIT_CODES.ok;
  },
};

export default guide;
