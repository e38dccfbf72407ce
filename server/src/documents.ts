/**
 * Per-document state of the language server: the settings last pulled for the document and its analysis,
 * computed once per document version (and per target-version setting and schema) and shared by every handler.
 * Nothing here is global: an entry lives from didOpen to didClose.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from './analysis/types.js';
import { DEFAULT_SETTINGS, type RouterOsSettings } from './protocol.js';
import type { LanguageServices } from './services.js';

interface CachedAnalysis {
  readonly version: number;
  readonly rosVersion: string;
  readonly services: LanguageServices;
  readonly analysis: DocumentAnalysis;
}

interface DocumentEntry {
  settings: RouterOsSettings;
  /** The settings request in flight for the latest change, if any; requests wait for it. */
  pendingSettings?: Promise<RouterOsSettings>;
  cached?: CachedAnalysis;
}

export class DocumentStore {
  private readonly entries = new Map<string, DocumentEntry>();

  private entry(uri: string): DocumentEntry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { settings: DEFAULT_SETTINGS };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** Starts a settings refresh for the document; handlers asking meanwhile wait for its result. */
  refreshSettings(uri: string, fetch: () => Promise<RouterOsSettings>): Promise<RouterOsSettings> {
    const entry = this.entry(uri);
    const pending = fetch().then(
      (settings) => {
        if (entry.pendingSettings === pending) {
          entry.settings = settings;
          entry.pendingSettings = undefined;
        }
        return settings;
      },
      () => {
        if (entry.pendingSettings === pending) entry.pendingSettings = undefined;
        return entry.settings;
      },
    );
    entry.pendingSettings = pending;
    return pending;
  }

  /** The document's settings, once any refresh in flight has finished. */
  async settings(uri: string): Promise<RouterOsSettings> {
    const entry = this.entries.get(uri);
    if (!entry) return DEFAULT_SETTINGS;
    return entry.pendingSettings ? entry.pendingSettings : entry.settings;
  }

  /** The analysis of this exact version, computed on first request. */
  analysis(document: TextDocument, services: LanguageServices, settings: RouterOsSettings): DocumentAnalysis {
    const entry = this.entry(document.uri);
    const rosVersion = settings.targetVersion;
    const cached = entry.cached;
    if (cached && cached.version === document.version && cached.rosVersion === rosVersion && cached.services === services) {
      return cached.analysis;
    }
    const analysis = services.analyze(document.getText(), rosVersion ? { rosVersion } : {});
    entry.cached = { version: document.version, rosVersion, services, analysis };
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }
}

/** Turns whatever the client sent for the `routeros` section into complete settings. */
export function normalizeSettings(value: unknown): RouterOsSettings {
  if (!value || typeof value !== 'object') return DEFAULT_SETTINGS;
  const raw = value as Record<string, unknown>;
  const rules: Record<string, RouterOsSettings['rules'][string]> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [code, severity] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (severity === 'error' || severity === 'warning' || severity === 'info' || severity === 'hint' || severity === 'off') {
        rules[code] = severity;
      }
    }
  }
  return {
    targetVersion: typeof raw.targetVersion === 'string' ? raw.targetVersion.trim() : '',
    rules,
    commandTreeFile: typeof raw.commandTreeFile === 'string' ? raw.commandTreeFile.trim() : '',
  };
}
