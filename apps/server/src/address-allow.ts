// Which client addresses may read an operator's endpoint (/metrics): a list of addresses
// and CIDR ranges, IPv4 and IPv6, matched with Node's BlockList. An IPv4 client that
// reaches a dual-stack listener shows as an IPv4-mapped IPv6 address (::ffff:127.0.0.1);
// it is matched as the IPv4 address it is.
import { BlockList, isIP } from 'node:net';

export interface AddressAllowList {
  /** The entries as configured, for messages. */
  readonly entries: readonly string[];
  /** Whether `address` (a bare IP, or null when unknown) is in the list. */
  allows(address: string | null): boolean;
}

export const DEFAULT_METRICS_ALLOW = '127.0.0.1,::1';

/** One entry's problem, or null: an IP address, or an address with a prefix length that fits it. */
export function allowEntryProblem(entry: string): string | null {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (extra !== undefined || family === 0) return 'not-an-address';
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return 'bad-prefix';
  return null;
}

/** The comma-separated entries of a setting, trimmed, without empty ones. */
export function allowEntries(spec: string): string[] {
  return spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

/** The allow-list of entries already checked with allowEntryProblem. */
export function addressAllowList(entries: readonly string[]): AddressAllowList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const bare = unmapped(address);
    const type = isIP(bare) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(bare, type);
    else list.addSubnet(bare, type === 'ipv4' && bare !== address ? Math.max(0, Number(prefix) - 96) : Number(prefix), type);
  }
  return {
    entries,
    allows(address) {
      if (!address) return false;
      const bare = unmapped(address);
      const family = isIP(bare);
      if (family === 0) return false;
      return list.check(bare, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
