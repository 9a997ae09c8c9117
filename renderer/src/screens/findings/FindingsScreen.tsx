import type { BoxCompanionApi } from '../../../../common/bridge/contract';

export function FindingsScreen(_props: { api: BoxCompanionApi }) {
  return <section />;
}
