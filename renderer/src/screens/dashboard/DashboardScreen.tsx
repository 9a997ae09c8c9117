import type { BoxCompanionApi } from '../../../../common/bridge/contract';
import type { AppPage } from '../layout/AppHeader';

export function DashboardScreen(_props: { api: BoxCompanionApi; onNavigate(page: AppPage): void; onStartScan(): void }) {
  return <section />;
}
