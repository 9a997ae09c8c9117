import { useState } from 'react';
import type { OpenedBundle } from '../../../../common/support/bundle';
import { t } from '../../strings';
import { ConnTestScreen } from '../conntest/ConnTestScreen';
import { ScreenHeading } from '../layout/ScreenHeading';
import { BundleOpener } from './BundleOpener';
import { SupportCodeEntry } from './SupportCodeEntry';

/**
 * Help desk: what the admin sees, offline. An opened diagnostics file shows on the connection
 * test screen itself, read-only, until it is closed.
 */
export function HelpDeskScreen() {
  const s = t.helpdesk;
  const [bundle, setBundle] = useState<OpenedBundle | null>(null);
  if (bundle)
    return (
      <div className="helpdesk">
        <div className="button-row helpdesk-close">
          <button type="button" onClick={() => setBundle(null)}>
            {s.bundle.close}
          </button>
        </div>
        <ConnTestScreen bundle={bundle} onOpenAllowlist={() => undefined} />
        {!bundle.lastTest && <p className="panel">{s.bundle.noTest}</p>}
      </div>
    );
  return (
    <section aria-labelledby="helpdesk-heading" className="helpdesk">
      <ScreenHeading id="helpdesk-heading">{s.heading}</ScreenHeading>
      <p className="intro">{s.intro}</p>
      <BundleOpener onOpened={setBundle} />
      <SupportCodeEntry />
    </section>
  );
}
