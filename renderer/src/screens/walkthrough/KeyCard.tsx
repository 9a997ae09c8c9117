import { useId, useState } from 'react';
import { compareKey, dataCenter as findDataCenter, type DataCenterId } from '../../../../common/allowlist';
import { t } from '../../strings';

interface Props {
  dataCenter: DataCenterId;
  companionClientId: string | null;
}

function pasteBackAnswer(pasted: string, expected: DataCenterId): { text: string; ok: boolean } | null {
  const s = t.walkthrough.key;
  const result = compareKey(pasted, expected);
  switch (result.kind) {
    case 'empty':
      return null;
    case 'exact':
      return { text: s.exact(expected), ok: true };
    case 'whitespace':
      return { text: s.whitespace, ok: false };
    case 'other-data-center':
      return { text: s.otherDataCenter(result.dataCenter, expected), ok: false };
    case 'unknown':
      return { text: s.unknown(expected), ok: false };
  }
}

/** The key, large, with copy-to-clipboard and a paste-back check. */
export function KeyCard({ dataCenter, companionClientId }: Props) {
  const center = findDataCenter(dataCenter);
  const [copyStatus, setCopyStatus] = useState<'copied' | 'failed' | null>(null);
  const [pasted, setPasted] = useState('');
  const ids = { key: useId(), pasteBack: useId(), answer: useId() };
  const s = t.walkthrough.key;
  const answer = pasteBackAnswer(pasted, dataCenter);

  function copy() {
    // Called straight from the click, so the browser (and Electron) treat it as user-initiated.
    navigator.clipboard.writeText(center.allowlistKey).then(
      () => setCopyStatus('copied'),
      () => setCopyStatus('failed'),
    );
  }

  return (
    <section aria-labelledby="key-heading" className="panel walkthrough-section">
      <h3 id="key-heading" tabIndex={-1}>
        {s.heading}
      </h3>
      <p id={ids.key} className="key-label">
        {s.label(center.id, center.keyKind)}
      </p>
      <div className="key-row">
        <code className="allowlist-key" data-testid="allowlist-key" aria-labelledby={ids.key}>
          {center.allowlistKey}
        </code>
        <button type="button" onClick={copy} className="primary">
          {s.copy}
        </button>
      </div>
      <p role="status" className={copyStatus === 'failed' ? 'warn' : 'ok'}>
        {copyStatus === 'copied' ? s.copied : copyStatus === 'failed' ? s.copyFailed : ''}
      </p>
      <label htmlFor={ids.pasteBack}>{s.pasteBackLabel}</label>
      <input
        id={ids.pasteBack}
        type="text"
        className="paste-back"
        value={pasted}
        onChange={(event) => {
          setPasted(event.target.value);
        }}
        aria-describedby={ids.answer}
        spellCheck={false}
        autoComplete="off"
      />
      <p id={ids.answer} role="status" data-testid="paste-back-answer" className={answer?.ok ? 'ok' : 'warn'}>
        {answer && (answer.ok ? '✓ ' : '⚠ ')}
        {answer?.text}
      </p>
      <p className="detail" data-testid="companion-client-id">
        {companionClientId ? s.companionKnown(companionClientId) : s.companionUnknown}
      </p>
    </section>
  );
}
