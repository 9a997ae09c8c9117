import { useState } from 'react';
import { errorLine } from '../../errors/describe-error';
import { useBridge } from '../../state/hooks';
import { t } from '../../strings';

/** What became of "copy" or "save diagnostics": done, failed, or the text to copy by hand. */
export type Notice = { kind: 'ok'; text: string } | { kind: 'manual'; text: string } | { kind: 'error'; text: string };

/** The help desk's diagnostics: copy them to the clipboard or save them to a file, and what came of it. */
export function useDiagnostics() {
  const bridge = useBridge();
  const [notice, setNotice] = useState<Notice | null>(null);
  const s = t.conntest;

  const copyDiagnostics = async () => {
    setNotice(null);
    try {
      const { text } = await bridge.getDiagnostics({});
      try {
        await navigator.clipboard.writeText(text);
        setNotice({ kind: 'ok', text: s.copied });
      } catch {
        setNotice({ kind: 'manual', text });
      }
    } catch (reason) {
      setNotice({ kind: 'error', text: errorLine(reason) });
    }
  };
  const saveDiagnostics = async () => {
    setNotice(null);
    try {
      const { path } = await bridge.saveDiagnostics({});
      setNotice({ kind: 'ok', text: s.saved(path) });
    } catch (reason) {
      setNotice({ kind: 'error', text: errorLine(reason) });
    }
  };
  return { notice, copyDiagnostics, saveDiagnostics };
}
