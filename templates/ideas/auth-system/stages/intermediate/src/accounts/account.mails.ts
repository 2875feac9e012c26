// The emails this API sends, and the one place that builds their links. Links start with
// APP_URL, never with the Host header of the request: an attacker could send "forgot password"
// with `Host: evil.example`, and the victim would get a real reset email whose link hands the
// token to the attacker's site.
import { config } from '../config.js';
import type { UserDocument } from '../auth/user.model.js';
import { mailer } from '../services/mailer.js';

function link(path: string, token: string): string {
  const url = new URL(path, config.appUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

export async function sendVerificationMail(user: UserDocument, token: string): Promise<void> {
  await mailer.send({
    to: user.email,
    subject: 'Confirm your email address',
    text: [
      `Hello ${user.name},`,
      '',
      'Open this link to confirm that this address is yours:',
      link('/verify-email', token),
      '',
      `(The page sends POST /auth/verify-email with {"token": "${token}"}.)`,
      `The link works once, within ${config.verifyTokenTtlHours} hours.`,
    ].join('\n'),
  });
}

export async function sendPasswordResetMail(user: UserDocument, token: string): Promise<void> {
  await mailer.send({
    to: user.email,
    subject: 'Reset your password',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone (hopefully you) asked to reset your password. Choose a new one here:',
      link('/reset-password', token),
      '',
      `(The page sends POST /auth/reset-password with {"token": "${token}", "password": "…"}.)`,
      `The link works once, within ${config.resetTokenTtlMinutes} minutes. If it was not you,`,
      'ignore this email: your password stays as it is.',
    ].join('\n'),
  });
}
