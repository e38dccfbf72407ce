/**
 * A stand-in RouterOS SSH/SFTP server for the push tests (ssh2's Server with a host key generated per run).
 *
 * It accepts a password login, stores files written over SFTP, and answers the console commands the SSH
 * transport sends with RouterOS's texts (reference C.3): every exec exits 0, only the text tells what happened.
 */
import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import type { Connection, ServerChannel } from 'ssh2';
import type { ImportCall } from './fakeRestRouter.js';

const { Server, utils } = ssh2;
const { STATUS_CODE } = utils.sftp;

export type SshImportBehaviour = { readonly kind: 'reply'; readonly text: string } | { readonly kind: 'hang' } | { readonly kind: 'drop' };

export function makeHostKey(): { privateKey: string; fingerprint: string } {
  const pair = utils.generateKeyPairSync('ed25519');
  const parsed = utils.parseKey(pair.public);
  if (parsed instanceof Error) throw parsed;
  const blob = (Array.isArray(parsed) ? parsed[0] : parsed).getPublicSSH();
  const fingerprint = createHash('sha256').update(blob).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
  return { privateKey: pair.private, fingerprint };
}

export class FakeSshRouter extends EventEmitter {
  readonly files = new Map<string, Buffer>();
  readonly commands: string[] = [];
  readonly appliedImports: ImportCall[] = [];
  /** Every password the server received, to prove that none is sent before the host key is trusted. */
  readonly passwordsReceived: string[] = [];
  identity = 'MikroTik-SSH';
  version = '6.49.7 (long-term)';
  user = 'admin';
  password = 'Ssh-S3cret!';
  onImport: (call: ImportCall) => SshImportBehaviour = (call) => ({
    kind: 'reply',
    text: call.dryRun ? 'No syntax errors found in the import file\r\n' : `Opening script file ${call.fileName}\r\n\r\nScript file loaded and executed successfully\r\n`,
  });
  /** When set, SFTP refuses to open files for writing (a full disk, a missing permission). */
  failSftpOpen = false;
  private readonly server: InstanceType<typeof Server>;
  private readonly connections = new Set<Connection>();

  constructor(hostKey: string) {
    super();
    this.server = new Server({ hostKeys: [hostKey] }, (client) => this.accept(client));
  }

  /** Listens on `port` (0 = any free port; a fixed one restarts "the same router" with another key). */
  async start(port = 0): Promise<number> {
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    return this.port;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.end();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Connection): void {
    this.connections.add(client);
    client.on('close', () => this.connections.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (context) => {
      if (context.method === 'password') {
        this.passwordsReceived.push(context.password);
        if (context.username === this.user && context.password === this.password) return context.accept();
      }
      context.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('exec', (acceptExec, _reject, info) => this.exec(client, acceptExec(), info.command));
        session.on('sftp', (acceptSftp) => this.sftp(acceptSftp()));
      });
    });
  }

  private exec(client: Connection, channel: ServerChannel, command: string): void {
    this.commands.push(command);
    this.emit('command', command);
    const reply = (text: string): void => {
      channel.write(text);
      channel.exit(0);
      channel.end();
    };
    if (command === ':put [/system identity get name]; :put [/system resource get version]') return reply(`${this.identity}\r\n${this.version}\r\n`);
    const importMatch = /^\/import file-name=(\S+) verbose=yes( dry-run)?$/.exec(command);
    if (importMatch) {
      const fileName = importMatch[1];
      const dryRun = importMatch[2] !== undefined;
      if (dryRun && !/^7\.(1[6-9]|[2-9]\d)/.test(this.version)) return reply('expected end of command (line 1 column 40)\r\n');
      const file = this.files.get(fileName);
      if (!file) return reply('Cannot open import file, file does not exist (:import; line 1)\r\n');
      const call: ImportCall = { fileName, contents: file.toString('utf8'), dryRun };
      if (!dryRun) this.appliedImports.push(call);
      const behaviour = this.onImport(call);
      if (behaviour.kind === 'hang') return;
      if (behaviour.kind === 'drop') {
        client.end();
        return;
      }
      return reply(behaviour.text);
    }
    const removeMatch = /^:put \[:len \[\/file find name="([^"]+)"\]\]; \/file remove \[find name="([^"]+)"\]; :put \[:len \[\/file find name="([^"]+)"\]\]$/.exec(command);
    if (removeMatch && removeMatch[1] === removeMatch[2] && removeMatch[2] === removeMatch[3]) {
      const before = this.files.has(removeMatch[1]) ? 1 : 0;
      this.files.delete(removeMatch[1]);
      return reply(`${before}\r\n${this.files.has(removeMatch[1]) ? 1 : 0}\r\n`);
    }
    // RouterOS names the word it did not know.
    const firstWord = /^\S+/.exec(command.trim())?.[0] ?? '';
    reply(`bad command name ${firstWord} (line 1 column 1)\r\n`);
  }

  private sftp(sftp: ssh2.SFTPWrapper): void {
    const open = new Map<string, string>();
    let nextHandle = 0;
    sftp.on('OPEN', (reqId, filename) => {
      if (this.failSftpOpen) return sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, 'Permission denied');
      const handle = Buffer.from(String(nextHandle++));
      open.set(handle.toString(), filename);
      this.files.set(filename, Buffer.alloc(0));
      sftp.handle(reqId, handle);
    });
    sftp.on('WRITE', (reqId, handle, offset, data) => {
      const name = open.get(handle.toString());
      if (name === undefined) return sftp.status(reqId, STATUS_CODE.FAILURE);
      const current = this.files.get(name) ?? Buffer.alloc(0);
      const grown = Buffer.alloc(Math.max(current.length, offset + data.length));
      current.copy(grown);
      data.copy(grown, offset);
      this.files.set(name, grown);
      sftp.status(reqId, STATUS_CODE.OK);
    });
    sftp.on('FSTAT', (reqId) => sftp.attrs(reqId, { mode: 0o644, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 }));
    sftp.on('FSETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
    sftp.on('SETSTAT', (reqId) => sftp.status(reqId, STATUS_CODE.OK));
    sftp.on('CLOSE', (reqId, handle) => {
      open.delete(handle.toString());
      sftp.status(reqId, STATUS_CODE.OK);
    });
  }
}
