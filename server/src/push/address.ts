/**
 * Router addresses as users write them: `192.168.88.1`, `router.lan:8443`, `https://10.0.0.1`, `ssh://r1:2222`,
 * `[fe80::1]:443`. One parser for the CLI and the editor so both accept the same spellings.
 */

export type TransportKind = 'rest' | 'ssh';

export interface RouterEndpoint {
  readonly transport: TransportKind;
  /** `https`, `http` (REST) or `ssh`. */
  readonly scheme: 'https' | 'http' | 'ssh';
  readonly host: string;
  readonly port: number;
}

export class AddressError extends Error {
  override readonly name = 'AddressError';
}

const DEFAULT_PORTS = { https: 443, http: 80, ssh: 22 } as const;

/**
 * Parses an address for the given transport. A URL scheme, when present, must agree with the transport; `http://`
 * is accepted only with `allowHttp` because it sends the password in clear text.
 */
export function parseRouterAddress(address: string, options: { transport?: TransportKind; port?: number; allowHttp?: boolean } = {}): RouterEndpoint {
  const text = address.trim();
  if (text.length === 0) throw new AddressError('The router address is empty.');
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : undefined;
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http' && scheme !== 'ssh') {
    throw new AddressError(`Unsupported address scheme "${scheme}://" (use https://, http:// or ssh://).`);
  }
  const transport: TransportKind = options.transport ?? (scheme === 'ssh' ? 'ssh' : 'rest');
  if (transport === 'ssh' && scheme !== undefined && scheme !== 'ssh') {
    throw new AddressError(`The address ${address} is a web address but the transport is ssh.`);
  }
  if (transport === 'rest' && scheme === 'ssh') {
    throw new AddressError(`The address ${address} is an ssh:// address but the transport is rest.`);
  }
  const effectiveScheme: RouterEndpoint['scheme'] = transport === 'ssh' ? 'ssh' : scheme === 'http' ? 'http' : 'https';
  if (effectiveScheme === 'http' && !options.allowHttp) {
    throw new AddressError('Plain HTTP sends the router password unencrypted; use https:// or opt in with allowHttp (--allow-http on the command line).');
  }

  const rest = schemeMatch ? text.slice(schemeMatch[0].length) : text;
  if (/@/.test(rest.split('/')[0])) {
    throw new AddressError('Put the user name in the profile (or --user), not in the address; passwords never go in an address.');
  }
  const hostPort = rest.split('/')[0];
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort);
  if (bracketed) {
    host = bracketed[1];
    portText = bracketed[2];
  } else if ((hostPort.match(/:/g) ?? []).length > 1) {
    host = hostPort; // A bare IPv6 address; a port needs the bracketed form.
  } else {
    const [h, p] = hostPort.split(':');
    host = h;
    portText = p;
  }
  if (!host) throw new AddressError(`No host in the address ${address}.`);
  let port = options.port ?? DEFAULT_PORTS[effectiveScheme];
  if (portText !== undefined && portText !== '') port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AddressError(`Invalid port in the address ${address}.`);
  return { transport, scheme: effectiveScheme, host, port };
}

/** `https://host:port` (brackets around IPv6). */
export function endpointUrl(endpoint: RouterEndpoint): string {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${endpoint.scheme}://${host}:${endpoint.port}`;
}
