import { useState } from 'react';
import type { OpenedBundle } from '../../../../common/support/bundle';
import { bundleTooBig, MAX_BUNDLE_BYTES } from '../../../../common/support/bundle-limits';
import { errorLine } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';

/**
 * "Open a diagnostics file": the file input is the desktop app's file dialog (Chromium's, shown by
 * Electron) and, in the browser tests, Playwright's setInputFiles. The text goes to the core,
 * which checks it; nothing is written anywhere.
 */
export function BundleOpener({ onOpened }: { onOpened(bundle: OpenedBundle): void }) {
  const bridge = useBridge();
  const s = t.helpdesk.bundle;
  const [state, setState] = useState<{ busy: boolean; problem: string | null }>({ busy: false, problem: null });
  const open = async (file: File) => {
    if (file.size > MAX_BUNDLE_BYTES) return setState({ busy: false, problem: bundleTooBig(file.name) });
    setState({ busy: true, problem: null });
    try {
      const reading = await bridge.openDiagnosticsBundle({ fileName: file.name, text: await file.text() });
      if (reading.ok) {
        setState({ busy: false, problem: null });
        onOpened(reading.bundle);
      } else setState({ busy: false, problem: reading.problem });
    } catch (reason) {
      setState({ busy: false, problem: errorLine(reason) });
    }
  };
  return (
    <section aria-labelledby="bundle-heading" className="panel helpdesk-section">
      <h3 id="bundle-heading">{s.heading}</h3>
      <p>{s.intro}</p>
      <div className="form-row">
        <label htmlFor="bundle-file">{s.choose}</label>
        <input
          id="bundle-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // the same file can be picked again after a fix
            if (file) void open(file);
          }}
        />
      </div>
      {state.busy && <p aria-busy="true">{s.reading}</p>}
      {state.problem && (
        <p role="alert" className="error" data-testid="bundle-problem">
          {state.problem}
        </p>
      )}
    </section>
  );
}
