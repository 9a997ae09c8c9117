import { useState } from 'react';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';
import { errorLine } from '../../errors/describe-error';

/** CSV and JSON exports, written by the core under the app's exports folder (streamed there). */
export function ExportButtons() {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const s = t.findings;
  const run = async (format: 'csv' | 'json') => {
    setBusy(true);
    setResult(null);
    try {
      const done = await bridge.exportFindings({ format });
      setResult({ ok: true, text: s.exported(done.path, done.files) });
    } catch (error) {
      setResult({ ok: false, text: `${s.exportFailed} ${errorLine(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export">
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void run('csv')}>
          {s.exportCsv}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('json')}>
          {s.exportJson}
        </button>
      </div>
      {result && (
        <p className={result.ok ? 'detail' : 'error'} role={result.ok ? 'status' : 'alert'} data-testid="export-result">
          {result.text}
        </p>
      )}
    </div>
  );
}
