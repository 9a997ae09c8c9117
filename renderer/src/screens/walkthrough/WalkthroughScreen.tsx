import { useEffect } from 'react';
import { buildWalkthrough } from '../../../../common/allowlist';
import { t } from '../../strings';
import { ConsoleSection } from './ConsoleSection';
import { DataCenterSection } from './DataCenterSection';
import { KeyCard } from './KeyCard';
import { PortalSection } from './PortalSection';
import { RunbookExport } from './RunbookExport';
import { StepList } from './StepList';
import { useWalkthrough } from './useWalkthrough';
import { ErrorNotice } from '../layout/ErrorNotice';
import { useLocked } from '../../state/hooks';

/**
 * The allowlist walkthrough: data center, console generation, key, steps, runbook. `focus: 'key'`
 * (from the connection test's allowlist fix) scrolls to the key for the chosen data center, or to
 * the data-center question when none is chosen yet.
 */
export function WalkthroughScreen({ focus = null }: { focus?: 'key' | null }) {
  const { state, error, actions } = useWalkthrough();
  const dataCenterLocked = useLocked('walkthrough.dataCenter');
  const consoleLocked = useLocked('walkthrough.consoleGeneration');
  const s = t.walkthrough;
  const ready = state !== null;
  const hasDataCenter = Boolean(state?.dataCenter);
  useEffect(() => {
    if (!ready || focus !== 'key') return;
    const target = document.getElementById(hasDataCenter ? 'key-heading' : 'walkthrough-heading');
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }, [ready, focus, hasDataCenter]);
  if (error) return <ErrorNotice what={t.bridgeFailed} error={error} actions={{}} />;
  if (!state) return <p aria-busy="true">{t.loading}</p>;

  const { dataCenter, consoleGeneration, portalGeneration } = state;
  const walkthrough =
    dataCenter && consoleGeneration
      ? buildWalkthrough({ dataCenter, consoleGeneration, companionClientId: state.companionClientId })
      : null;
  const ticked = (dataCenter && consoleGeneration && state.ticks[dataCenter]?.[consoleGeneration]) || [];
  const portalTicked = (dataCenter && portalGeneration && state.portalTicks[dataCenter]?.[portalGeneration]) || [];

  return (
    <div className="walkthrough">
      <h2 id="walkthrough-heading" className="screen-heading" tabIndex={-1}>
        {s.heading}
      </h2>
      <p className="intro">{s.intro}</p>
      <DataCenterSection selected={dataCenter} onChoose={actions.chooseDataCenter} locked={dataCenterLocked} />
      <ConsoleSection selected={consoleGeneration} onChoose={actions.chooseConsole} locked={consoleLocked} />
      {dataCenter && <KeyCard dataCenter={dataCenter} companionClientId={state.companionClientId} />}
      {walkthrough ? (
        <>
          <StepList
            walkthrough={walkthrough}
            ticked={ticked}
            onTick={actions.setTicked}
            onStartOver={actions.startOver}
          />
          <PortalSection
            selected={portalGeneration}
            ticked={portalTicked}
            onChoose={actions.choosePortal}
            onTick={actions.setPortalTicked}
          />
          <RunbookExport
            dataCenter={walkthrough.dataCenter.id}
            consoleGeneration={walkthrough.console.id}
            portalGeneration={portalGeneration}
          />
        </>
      ) : (
        <p className="panel walkthrough-section">{s.steps.needsChoices}</p>
      )}
    </div>
  );
}
