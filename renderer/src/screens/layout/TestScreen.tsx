import type { BoxCompanionApi } from '../../../../common/bridge/contract';
import { t } from '../../strings';

/** The connection test step; the conntest branch's screen goes here once merged. */
export function TestScreen({ api: _api, onOpenAllowlist: _open }: { api: BoxCompanionApi; onOpenAllowlist(): void }) {
  return (
    <section aria-labelledby="test-heading">
      <h2 id="test-heading" className="screen-heading">
        {t.flow.steps.test}
      </h2>
    </section>
  );
}
