// Which addresses a booted starter listens on. The matrix passes HOST=127.0.0.1 and checks that
// the server honoured it: a server on every interface is reachable from outside this machine,
// which a test run must never be (and a learner's laptop on café Wi-Fi should not be either).
import { existsSync, readFileSync } from 'node:fs';

export interface ListeningSocket {
  address: string;
  loopback: boolean;
}

const LISTEN_STATE = '0A';

/** IPv4 addresses in /proc/net/tcp are 8 hex digits, least significant byte first. */
function ipv4(hex: string): ListeningSocket {
  const octets = [6, 4, 2, 0].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return { address: octets.join('.'), loopback: octets[0] === 127 };
}

/** IPv6 ones are 32 hex digits, four 32-bit words each least significant byte first. */
function ipv6(hex: string): ListeningSocket {
  const words = [0, 8, 16, 24].map((at) => hex.slice(at, at + 8));
  const bytes = words.flatMap((word) => [6, 4, 2, 0].map((at) => word.slice(at, at + 2)));
  const groups = [];
  for (let index = 0; index < 16; index += 2) {
    groups.push(Number.parseInt(`${bytes[index]}${bytes[index + 1]}`, 16).toString(16));
  }
  const address = groups.every((group) => group === '0') ? '::' : groups.join(':');
  const loopback =
    address === '0:0:0:0:0:0:0:1' || (address.startsWith('0:0:0:0:0:ffff:') && bytes[12] === '7F');
  return { address, loopback };
}

/** Sockets listening on the given TCP port, or undefined where /proc/net is not available. */
export function listeningOn(port: number): ListeningSocket[] | undefined {
  const tables = [
    { file: '/proc/net/tcp', parse: ipv4 },
    { file: '/proc/net/tcp6', parse: ipv6 },
  ];
  if (!tables.some(({ file }) => existsSync(file))) return undefined;
  const sockets: ListeningSocket[] = [];
  for (const { file, parse } of tables) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local = '', , state = ''] = line.trim().split(/\s+/);
      const [addressHex = '', portHex = ''] = local.split(':');
      if (state === LISTEN_STATE && Number.parseInt(portHex, 16) === port) {
        sockets.push(parse(addressHex.toUpperCase()));
      }
    }
  }
  return sockets;
}
