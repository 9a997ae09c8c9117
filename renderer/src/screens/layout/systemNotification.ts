import { t } from '../../strings';

/**
 * An OS notification for news the admin should hear about while the app is in the background
 * (a scan finished, the sign-in needs renewing). When the window has focus the in-app notice is
 * enough, so nothing is sent. Electron grants the permission to our own UI only
 * (main/core/permission-policy.ts); in a browser the user is asked once, and a refusal is kept.
 */
export function notifySystem(text: string, onClick?: () => void): void {
  if (typeof Notification === 'undefined' || document.hasFocus()) return;
  const show = () => {
    const notification = new Notification(t.appTitle, { body: text });
    notification.onclick = () => {
      window.focus();
      onClick?.();
      notification.close();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default')
    void Notification.requestPermission()
      .then((answer) => answer === 'granted' && show())
      .catch(() => undefined);
}
