import type { ConnectionState } from '../../../../common/connection';
import { t } from '../../strings';
import { ConnectionBadge } from '../connect/ConnectionBadge';
import { useUnseenAlerts } from '../../state/hooks';

export type AppPage =
  | 'setup'
  | 'scanStart'
  | 'dashboard'
  | 'findings'
  | 'policies'
  | 'activity'
  | 'allowlist'
  | 'connect'
  | 'test'
  | 'helpdesk'
  | 'about';

interface Props {
  /** Null until the core first answered. */
  connection: ConnectionState | null;
  page: AppPage | null;
  firstRunDone: boolean;
  onNavigate(page: AppPage): void;
  /** The connection badge opens the Connect step (in the flow) or page (afterwards). */
  onOpenConnect(): void;
}

/** Title, navigation, and the connection state with the sign-in expiry, on every screen. */
export function AppHeader({ connection, page, firstRunDone, onNavigate, onOpenConnect }: Props) {
  const unseen = useUnseenAlerts();
  const pages: AppPage[] = firstRunDone
    ? ['dashboard', 'findings', 'policies', 'activity', 'allowlist', 'connect', 'test', 'helpdesk', 'about']
    : ['setup', 'helpdesk', 'about'];
  return (
    <header className="app-header">
      <h1>{t.appTitle}</h1>
      <nav aria-label={t.nav.label}>
        <ul>
          {pages.map((target) => (
            <li key={target}>
              <button
                type="button"
                className="nav-link"
                aria-current={page === target ? 'page' : undefined}
                // The short "About" keeps its full name for screen readers (and starts with the visible text).
                aria-label={
                  firstRunDone && target === 'about'
                    ? t.nav.about
                    : target === 'policies' && unseen > 0
                      ? t.policies.navBadge(unseen)
                      : undefined
                }
                onClick={() => onNavigate(target)}
              >
                {firstRunDone && target === 'about' ? t.nav.aboutShort : t.nav[target]}
                {target === 'policies' && unseen > 0 && (
                  <span className="nav-badge" data-testid="policies-badge" aria-hidden="true">
                    {unseen > 99 ? '99+' : unseen}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {connection && <ConnectionBadge state={connection} onOpen={onOpenConnect} />}
    </header>
  );
}
