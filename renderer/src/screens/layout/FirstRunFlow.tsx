import { useState } from 'react';
import type { FirstRunStep } from '../../../../common/settings';
import { useConnection } from '../../state/hooks';
import { t } from '../../strings';
import { ConnectScreen } from '../connect/ConnectScreen';
import { ConnTestScreen } from '../conntest/ConnTestScreen';
import { ScanStartStep } from '../dashboard/ScanStartStep';
import { WalkthroughScreen } from '../walkthrough/WalkthroughScreen';
import { WelcomeScreen } from '../welcome/WelcomeScreen';
import { FIRST_RUN_STEPS, Stepper } from './Stepper';

interface Props {
  step: FirstRunStep;
  onStep(step: FirstRunStep): void;
  onScanStarted(): void;
}

/** The guided first run: a stepper, the current step, and Back / Next. */
export function FirstRunFlow({ step, onStep, onScanStarted }: Props) {
  const state = useConnection().value?.state ?? null;
  // The connection test's "open the allowlist" lands on the key itself.
  const [walkthroughFocus, setWalkthroughFocus] = useState<'key' | null>(null);
  const index = FIRST_RUN_STEPS.indexOf(step);
  const previous = FIRST_RUN_STEPS[index - 1];
  const next = FIRST_RUN_STEPS[index + 1];
  const connected = state?.status === 'connected';
  // Test and Scan need a connection; the buttons say so instead of failing later.
  const nextBlocked = (next === 'test' || next === 'scan') && !connected;

  return (
    <div className="first-run">
      <Stepper current={step} complete={{ connect: connected }} onChoose={onStep} />
      <div className="step-body" data-testid={`step-${step}`}>
        {step === 'welcome' && (
          <WelcomeScreen onOwnBox={() => onStep('allowlist')} onSandbox={() => onStep('connect')} />
        )}
        {step === 'allowlist' && <WalkthroughScreen focus={walkthroughFocus} />}
        {step === 'connect' && <ConnectScreen onOpenAllowlist={() => onStep('allowlist')} />}
        {step === 'test' && (
          <ConnTestScreen
            onOpenAllowlist={() => {
              setWalkthroughFocus('key');
              onStep('allowlist');
            }}
            onReconnect={() => onStep('connect')}
          />
        )}
        {step === 'scan' && (
          <ScanStartStep connected={connected} onOpenConnect={() => onStep('connect')} onStarted={onScanStarted} />
        )}
      </div>
      {step !== 'welcome' && (
        <div className="flow-footer">
          {previous && (
            <button type="button" onClick={() => onStep(previous)}>
              {t.flow.back(t.flow.steps[previous])}
            </button>
          )}
          {next && (
            <span className="flow-next">
              {nextBlocked && <span className="detail">{t.flow.needsConnection}</span>}
              <button type="button" className="primary" disabled={nextBlocked} onClick={() => onStep(next)}>
                {t.flow.next(t.flow.steps[next])}
              </button>
            </span>
          )}
        </div>
      )}
    </div>
  );
}
