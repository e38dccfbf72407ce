// What the client shares with the language server. The request names and message shapes are declared once, in
// server/src/protocol.ts (it depends only on vscode-languageserver-protocol, which vscode-languageclient
// bundles anyway), and re-exported here; this file adds the client-only shapes of the `routeros.*` settings.
export { DOCUMENT_INFO_METHOD, DocumentInfoRequest, SETTINGS_SECTION } from '../../server/src/protocol.js';
export type { DocumentInfoParams, DocumentInfoResult, RuleSetting, TargetVersionSource } from '../../server/src/protocol.js';

/** A router profile in `routeros.routers`. Passwords never live in settings (SecretStorage only). */
export interface RouterProfile {
  name: string;
  /** A host name, `host:port`, or a URL. */
  address: string;
  port?: number;
  transport: 'rest' | 'ssh';
  user: string;
  allowHttp?: boolean;
}
