import type { BoxCompanionApi } from '../../../../common/bridge/contract';

export function ScanStartStep(_props: { api: BoxCompanionApi; connected: boolean; onOpenConnect(): void; onStarted(): void }) {
  return <section />;
}
