/**
 * Builds a transport from a router profile (the `routeros.routers` setting, or the CLI's flags).
 */
import { parseRouterAddress, type TransportKind } from './address.js';
import type { Redactor } from './redact.js';
import { RestTransport } from './rest.js';
import { SshTransport } from './ssh.js';
import type { Timeouts, Transport } from './transport.js';
import type { TrustStore } from './trust.js';

/** The `routeros.routers` profile shape (never holds a password). */
export interface RouterProfile {
  readonly name: string;
  readonly address: string;
  readonly port?: number;
  readonly transport: TransportKind;
  readonly user: string;
  readonly allowHttp?: boolean;
}

export interface TransportSetup {
  readonly password: string;
  readonly trust: TrustStore;
  readonly redactor: Redactor;
  readonly timeouts?: Partial<Timeouts>;
  readonly ca?: string | Buffer;
  readonly log?: (line: string) => void;
}

/** Throws AddressError for an address that does not fit the profile's transport. */
export function createTransport(profile: RouterProfile, setup: TransportSetup): Transport {
  const endpoint = parseRouterAddress(profile.address, { transport: profile.transport, port: profile.port, allowHttp: profile.allowHttp });
  const common = { endpoint, user: profile.user, password: setup.password, trust: setup.trust, redactor: setup.redactor, timeouts: setup.timeouts, log: setup.log };
  return endpoint.transport === 'ssh' ? new SshTransport(common) : new RestTransport({ ...common, ca: setup.ca });
}

/** Checks a profile read from settings; returns a message for the first problem, or undefined. */
export function validateProfile(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'a router profile must be an object';
  const profile = value as Record<string, unknown>;
  if (typeof profile.name !== 'string' || profile.name.trim() === '') return 'a router profile needs a "name"';
  if (typeof profile.address !== 'string' || profile.address.trim() === '') return `router "${profile.name}" needs an "address"`;
  if (profile.transport !== 'rest' && profile.transport !== 'ssh') return `router "${profile.name}": "transport" must be "rest" or "ssh"`;
  if (typeof profile.user !== 'string' || profile.user === '') return `router "${profile.name}" needs a "user"`;
  if ('password' in profile) return `router "${profile.name}": remove "password" from the settings; passwords are kept in the system's secret storage`;
  return undefined;
}
