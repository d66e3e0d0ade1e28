// The address a request came from, for rate limits and the audit log.
//
// Behind a reverse proxy the socket's peer is the proxy; the client is in X-Forwarded-For,
// to which every proxy on the way appends the address it received the request from. Only
// the entries appended by the operator's own proxies can be believed: whatever stands to
// their left was sent by the client, who may write anything there. With `hops` trusted
// proxies in front of the server, the client is the entry `hops` places from the end.
import { isIP } from 'node:net';

export interface ProxyTrust {
  /** TRUST_PROXY: whether a proxy of the operator's stands in front of the server. */
  trustProxy: boolean;
  /** TRUST_PROXY_HOPS: how many such proxies append to X-Forwarded-For (at least 1). */
  hops: number;
}

/** The client's address: from X-Forwarded-For as the trusted proxies wrote it, else the socket's peer. */
export function clientAddress(forwardedFor: string | null | undefined, socketAddress: string | null, trust: ProxyTrust): string | null {
  if (trust.trustProxy && forwardedFor) {
    const entries = forwardedFor
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request skipped the outer ones, and the first entry
    // is still one a trusted proxy appended.
    const appended = bareAddress(entries[Math.max(0, entries.length - Math.max(1, trust.hops))]);
    if (appended) return appended;
  }
  return socketAddress;
}

/** An address without the port or brackets some proxies add, or null when it is none. */
function bareAddress(entry: string | undefined): string | null {
  if (!entry) return null;
  const unwrapped = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry)?.[1] ?? entry;
  return isIP(unwrapped) ? unwrapped : null;
}
