// An external service behind an interface. The app calls `notifier.notify(…)` and does not care
// who listens: a webhook in production (Slack, Zapier, your own service…), a local fake that
// only records and logs in development and tests. Which one is decided once, by configuration:
// NOTIFY_WEBHOOK_URL set → webhook, empty → the fake. Tests never talk to the internet, and
// `npm run dev` works offline.
import { config } from '../config.js';
import { logger } from '../logger.js';

export interface Notification {
  /** What happened, e.g. `todo.completed`. */
  event: string;
  data: Record<string, unknown>;
}

export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

/** The fake: remembers what would have been sent (tests read `sent`) and logs it. */
export class LocalNotifier implements Notifier {
  readonly sent: Notification[] = [];

  notify(notification: Notification): Promise<void> {
    this.sent.push(notification);
    logger.info({ notification }, 'Notification (local fake: nothing was sent)');
    return Promise.resolve();
  }
}

/** POSTs each notification as JSON to a URL, and fails on a non-2xx answer or a timeout. */
export class WebhookNotifier implements Notifier {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async notify(notification: Notification): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...notification, sentAt: new Date().toISOString() }),
      // A slow service must not hold the request that triggered it forever.
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`The webhook answered ${response.status}`);
  }
}

export function createNotifier(webhookUrl = config.notifyWebhookUrl): Notifier {
  return webhookUrl ? new WebhookNotifier(webhookUrl) : new LocalNotifier();
}

export const notifier: Notifier = createNotifier();
