import { useId, useState, type FormEvent } from 'react';
import {
  DATA_CENTERS,
  dataCenter as findDataCenter,
  detectDataCenter,
  detectionMessage,
  type DataCenterId,
} from '../../../../common/allowlist';
import { t } from '../../strings';
import { LockedSetting } from '../layout/LockedSetting';
import { RadioChoices } from '../layout/RadioChoices';

interface Props {
  selected: DataCenterId | null;
  onChoose(dataCenter: DataCenterId): void;
  /** Set by the organisation: shown, with nothing to detect or choose. */
  locked?: boolean;
}

/** Detects the data center from a pasted portal address, or lets the admin pick it. */
export function DataCenterSection({ selected, onChoose, locked = false }: Props) {
  if (locked && selected) {
    return (
      <section aria-labelledby="dc-heading" className="panel walkthrough-section">
        <h3 id="dc-heading">{t.walkthrough.dataCenter.heading}</h3>
        <LockedSetting label={t.managed.keys['walkthrough.dataCenter']} testId="locked-data-center">
          {findDataCenter(selected).displayName}
        </LockedSetting>
      </section>
    );
  }
  return <ChooseDataCenter selected={selected} onChoose={onChoose} />;
}

function ChooseDataCenter({ selected, onChoose }: Omit<Props, 'locked'>) {
  const [pasted, setPasted] = useState('');
  const [answer, setAnswer] = useState<{ text: string; ok: boolean } | null>(null);
  const ids = { input: useId(), hint: useId(), answer: useId() };
  const s = t.walkthrough.dataCenter;

  function detect(event: FormEvent) {
    event.preventDefault();
    const detection = detectDataCenter(pasted);
    if (detection.kind === 'found') {
      onChoose(detection.dataCenter);
      setAnswer({ text: s.detected(findDataCenter(detection.dataCenter).displayName), ok: true });
    } else setAnswer({ text: detectionMessage(detection), ok: false });
  }

  return (
    <section aria-labelledby="dc-heading" className="panel walkthrough-section">
      <h3 id="dc-heading">{s.heading}</h3>
      <form onSubmit={detect} className="detect-form">
        <label htmlFor={ids.input}>{s.pasteLabel}</label>
        <p id={ids.hint} className="detail">
          {s.pasteHint}
        </p>
        <div className="detect-row">
          <input
            id={ids.input}
            type="text"
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            aria-describedby={`${ids.hint} ${ids.answer}`}
            spellCheck={false}
            autoComplete="off"
          />
          <button type="submit">{s.detect}</button>
        </div>
        <p id={ids.answer} role="status" data-testid="detection-answer" className={answer?.ok ? 'ok' : 'warn'}>
          {answer?.text}
        </p>
      </form>
      <RadioChoices
        legend={s.chooseLegend}
        name="data-center"
        choices={DATA_CENTERS}
        selected={selected}
        onChoose={onChoose}
      >
        {(center) => center.displayName}
      </RadioChoices>
    </section>
  );
}
