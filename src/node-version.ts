// The CLI's own Node check. npm only warns about `engines`, and on an older Node the bundle
// fails deep inside with a TypeError; one plain sentence and exit 1 is what a user can act on.

/** `>=22.12` → [22, 12]; anything else (no range given) → undefined, and nothing is checked. */
function minimumOf(range: string): [number, number] | undefined {
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

/** The message for a Node older than the `engines.node` range, or undefined when it is fine. */
export function unsupportedNode(current: string, range: string): string | undefined {
  const minimum = minimumOf(range);
  if (!minimum) return undefined;
  const [major = 0, minor = 0] = current.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = minimum;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return (
    `create-backend-roadmap needs Node.js ${needMajor}.${needMinor} or newer; this is ${current.replace(/^v?/, 'v')}.\n` +
    '  Install a current Node.js (https://nodejs.org) and run the command again.'
  );
}
