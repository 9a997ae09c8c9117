import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { t } from '../../strings';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'warn';
  /** An optional next step, such as "Reconnect" or "Open findings". */
  action?: { label: string; run(): void };
  /** A notice with the same key replaces the one shown (a running count, not a pile of notices). */
  key?: string;
}

interface ToastApi {
  notify(toast: Omit<Toast, 'id'>): void;
}

export const INFO_TOAST_MS = 12_000;

const ToastContext = createContext<ToastApi>({ notify: () => undefined });

/** Notifications inside the app: no OS permission prompt, and screen readers hear them (role=status). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const notifier = useMemo<ToastApi>(
    () => ({
      notify: (toast) => {
        const id = nextId.current++;
        // Keep the last few only: a burst of notices must not bury the screen.
        setToasts((list) => {
          const kept = toast.key ? list.filter((item) => item.key !== toast.key) : list;
          return [...kept.slice(-3), { ...toast, id }];
        });
        // News goes away by itself; a warning stays until dealt with or dismissed.
        if (toast.tone === 'info')
          window.setTimeout(() => setToasts((list) => list.filter((item) => item.id !== id)), INFO_TOAST_MS);
      },
    }),
    [],
  );
  return (
    <ToastContext.Provider value={notifier}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label={t.toasts.region} data-testid="toasts">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.text}</span>
            {toast.action && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  toast.action!.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className="toast-close"
              aria-label={t.toasts.dismiss}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}
