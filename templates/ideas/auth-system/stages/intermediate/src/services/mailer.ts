// Email behind an interface. The app calls `mailer.send(…)` and does not care how mail leaves:
// through an email provider's HTTP API in production (MAIL_API_URL), or into a local outbox in
// development and tests. Which one is decided once, by configuration, so tests never talk to the
// internet and `npm run dev` works offline.
import { appendFile } from 'node:fs/promises';
import { config } from '../config.js';
import { logger } from '../logger.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The local outbox: keeps every mail in `sent` (the tests read it) and, when given a file,
 * appends each one there for you to read (`mail-outbox.log` by default: git-ignored, like every
 * `*.log`). The log line names the file, never the content: the mails carry one-time tokens,
 * and logs are read by more people than mailboxes.
 */
export class OutboxMailer implements Mailer {
  readonly sent: Mail[] = [];

  constructor(private readonly file?: string) {}

  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
    if (!this.file) return;
    const entry = `--- ${new Date().toISOString()}\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n\n`;
    await appendFile(this.file, entry);
    logger.info(
      { to: mail.to, subject: mail.subject, file: this.file },
      'Mail written to the local outbox (nothing was sent)',
    );
  }
}

/** Sends through an email provider's HTTP API: one JSON POST per mail, with an API key. */
export class HttpMailer implements Mailer {
  constructor(
    private readonly url: string,
    private readonly apiKey: string | undefined,
    private readonly from: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async send(mail: Mail): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.apiKey && { authorization: `Bearer ${this.apiKey}` }),
      },
      body: JSON.stringify({ from: this.from, ...mail }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`The mail API answered ${response.status}`);
  }
}

export function createMailer(): Mailer {
  if (config.mailApiUrl)
    return new HttpMailer(config.mailApiUrl, config.mailApiKey, config.mailFrom);
  // Tests read `sent`; development also gets a file to open.
  return new OutboxMailer(config.nodeEnv === 'test' ? undefined : config.mailOutboxFile);
}

export const mailer: Mailer = createMailer();
