import { useState } from 'react';
import type { ConsoleGeneration, DataCenterId, PortalGeneration, RunbookFormat } from '../../../../common/allowlist';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { errorLine } from '../../errors/describe-error';

interface Props {
  dataCenter: DataCenterId;
  consoleGeneration: ConsoleGeneration;
  /** Adds the portal half when chosen. */
  portalGeneration: PortalGeneration | null;
}

/** Saves the printable runbook through the core (under the app's exports folder). */
export function RunbookExport({ dataCenter, consoleGeneration, portalGeneration }: Props) {
  const bridge = useBridge();
  const s = t.walkthrough.runbook;
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);

  function save(format: RunbookFormat) {
    bridge
      .exportRunbook({ dataCenter, consoleGeneration, ...(portalGeneration ? { portalGeneration } : {}), format })
      .then(
        (exported) => setResult({ text: s.saved(exported.path), ok: true }),
        (reason: unknown) => setResult({ text: s.failed(errorLine(reason)), ok: false }),
      );
  }

  return (
    <section aria-labelledby="runbook-heading" className="panel walkthrough-section">
      <h3 id="runbook-heading">{s.heading}</h3>
      <p>{s.intro}</p>
      <div className="button-row">
        <button type="button" onClick={() => save('pdf')}>
          {s.pdf}
        </button>
        <button type="button" onClick={() => save('md')}>
          {s.markdown}
        </button>
      </div>
      <p role="status" data-testid="runbook-result" className={result?.ok === false ? 'warn' : 'path'}>
        {result?.text}
      </p>
    </section>
  );
}
