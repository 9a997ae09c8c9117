import type { BoxCompanionApi } from '../../../../common/bridge/contract';

export function ActivityScreen(_props: { api: BoxCompanionApi }) {
  return <section />;
}
