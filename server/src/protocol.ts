/**
 * Names and types shared by the language server and the VS Code client: the settings section the server reads
 * and the custom requests. Declared once here so both sides agree (the client imports this file).
 */
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** The configuration section the server asks for with workspace/configuration. */
export const SETTINGS_SECTION = 'routeros';

export type RuleSetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** The server's view of the `routeros.*` settings of one document (see .notes/CLIENT-CONTRACT.md). */
export interface RouterOsSettings {
  /** "" = from the export header, else the newest version the schema knows. */
  readonly targetVersion: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** "" = bundled schema only. */
  readonly commandTreeFile: string;
}

export const DEFAULT_SETTINGS: RouterOsSettings = { targetVersion: '', rules: {}, commandTreeFile: '' };

/** Where the target version of a document comes from (matches analysis' VersionSource). */
export type TargetVersionSource = 'header' | 'setting' | 'default';

export interface DocumentInfoParams {
  readonly uri: string;
}

export interface DocumentInfoResult {
  /** The RouterOS version the document is checked against, e.g. "7.15.3". */
  readonly targetVersion: string;
  readonly source: TargetVersionSource;
}

/** `routeros/documentInfo`: the target version of an open document (the client's status bar shows it). */
export const DOCUMENT_INFO_METHOD = 'routeros/documentInfo';
export const DocumentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfoResult | null, void>(DOCUMENT_INFO_METHOD);

export interface ServerStatsResult {
  /** Resident set size of the server process, bytes. */
  readonly rss: number;
  readonly heapUsed: number;
  readonly openDocuments: number;
}

/** `routeros/serverStats`: memory figures of the server process (benchmarks and troubleshooting). */
export const SERVER_STATS_METHOD = 'routeros/serverStats';
export const ServerStatsRequest = new RequestType0<ServerStatsResult, void>(SERVER_STATS_METHOD);

export interface LintTextParams {
  /** Exactly the text to lint (a whole file or a selection that is about to be pushed). */
  readonly text: string;
  /** The document it comes from: its settings (rules, command tree) and target version apply. */
  readonly uri?: string;
  /** Overrides the target version (otherwise the document's, which a selection may not contain). */
  readonly rosVersion?: string;
}

export interface LintTextFinding {
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  /** 0-based positions in `text`. */
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

export interface LintTextResult {
  readonly findings: LintTextFinding[];
  /** The RouterOS version the text was checked against ("" = the text's own export header, else the newest known). */
  readonly rosVersion: string;
}

/** `routeros/lintText`: lints a text with the server's own services (push lints exactly what it sends). */
export const LINT_TEXT_METHOD = 'routeros/lintText';
export const LintTextRequest = new RequestType<LintTextParams, LintTextResult, void>(LINT_TEXT_METHOD);
