/**
 * The RouterOS language server: the only module that knows about the LSP connection. It keeps the open
 * documents, pulls settings per document, debounces diagnostics, and routes every request to a plain feature
 * function with the document's cached analysis. A failure in one feature is logged and answered with an empty
 * result; it never takes the server down.
 *
 * Started as `node server/out/server.js --stdio` (or over IPC by vscode-languageclient): createConnection with
 * ProposedFeatures.all picks the transport from the command line.
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from './analysis/types.js';
import { DocumentStore, normalizeSettings } from './documents.js';
import { applyEngineSettings } from './engineSettings.js';
import { COMPLETION_TRIGGER_CHARACTERS, provideCompletion } from './features/completion/index.js';
import { resolveCompletionItem } from './features/completion/resolve.js';
import { computeDiagnostics } from './features/diagnostics/index.js';
import { provideFoldingRanges } from './features/folding.js';
import { provideHover } from './features/hover.js';
import { findingToDiagnostic, provideCodeActions } from './features/lspDiagnostics.js';
import { provideDefinition, provideReferences } from './features/navigation.js';
import { provideSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens.js';
import { provideDocumentSymbols } from './features/symbols.js';
import { lintText } from './lint.js';
import {
  DEFAULT_SETTINGS,
  DocumentInfoRequest,
  LintTextRequest,
  ServerStatsRequest,
  SETTINGS_SECTION,
  type RouterOsSettings,
} from './protocol.js';
import { createLanguageServices, type LanguageServices } from './services.js';

/** Quiet time after the last keystroke before diagnostics are recomputed. */
const DIAGNOSTICS_DEBOUNCE_MS = 150;

applyEngineSettings();

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore();
const pendingValidation = new Map<string, ReturnType<typeof setTimeout>>();
let clientPullsConfiguration = false;

// ---- services (the schema, optionally extended by a command tree file) --------------------------------------

let currentServices: { file: string; services: LanguageServices } | undefined;

/** The services for a command-tree setting; rebuilt only when the setting changes. */
function servicesFor(settings: RouterOsSettings): LanguageServices {
  const file = settings.commandTreeFile;
  if (currentServices?.file === file) return currentServices.services;
  let services: LanguageServices;
  try {
    services = createLanguageServices(file ? { commandTreeFile: file } : {});
    if (services.commandTreeError) {
      connection.console.error(`RouterOS: could not load the command tree "${file}": ${services.commandTreeError} The bundled schema is used instead.`);
    } else if (file) {
      connection.console.info(`RouterOS: loaded the command tree "${file}".`);
    }
  } catch (error) {
    connection.console.error(`RouterOS: could not load the command tree "${file}": ${describe(error)} The bundled schema is used instead.`);
    services = createLanguageServices();
  }
  currentServices = { file, services };
  return services;
}

// ---- settings ------------------------------------------------------------------------------------------------

function pullSettings(uri: string): Promise<RouterOsSettings> {
  return store.refreshSettings(uri, async () => {
    if (!clientPullsConfiguration) return DEFAULT_SETTINGS;
    try {
      return normalizeSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }));
    } catch (error) {
      connection.console.warn(`RouterOS: could not read settings for ${uri}: ${describe(error)}`);
      return DEFAULT_SETTINGS;
    }
  });
}

// ---- analysis and diagnostics --------------------------------------------------------------------------------

async function analysisOf(uri: string): Promise<{ analysis: DocumentAnalysis; services: LanguageServices; settings: RouterOsSettings } | undefined> {
  if (!documents.get(uri)) return undefined;
  const settings = await store.settings(uri);
  // The document may have been closed while its settings were pulled.
  const document = documents.get(uri);
  if (!document) return undefined;
  const services = servicesFor(settings);
  return { analysis: store.analysis(document, services, settings), services, settings };
}

async function validate(uri: string): Promise<void> {
  try {
    await pullSettings(uri);
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const result = await analysisOf(uri);
    // A newer change arrived while settings were pulled: its own validation will publish.
    if (!result || documents.get(uri)?.version !== version) return;
    const { analysis, services, settings } = result;
    const findings = computeDiagnostics(analysis, { schema: services.schema, rules: settings.rules });
    await connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding) => findingToDiagnostic(analysis, finding)) });
  } catch (error) {
    connection.console.error(`RouterOS: diagnostics failed for ${uri}: ${describe(error)}`);
  }
}

function scheduleValidation(uri: string, delay: number): void {
  const previous = pendingValidation.get(uri);
  if (previous) clearTimeout(previous);
  if (delay === 0) {
    pendingValidation.delete(uri);
    void validate(uri);
    return;
  }
  pendingValidation.set(
    uri,
    setTimeout(() => {
      pendingValidation.delete(uri);
      void validate(uri);
    }, delay),
  );
}

const openedVersions = new Map<string, number>();

documents.onDidOpen((event) => {
  openedVersions.set(event.document.uri, event.document.version);
  scheduleValidation(event.document.uri, 0);
});

documents.onDidChangeContent((event) => {
  // onDidChangeContent also fires for the open itself, which onDidOpen has already validated.
  if (openedVersions.get(event.document.uri) === event.document.version) return;
  openedVersions.delete(event.document.uri);
  scheduleValidation(event.document.uri, DIAGNOSTICS_DEBOUNCE_MS);
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  const timer = pendingValidation.get(uri);
  if (timer) clearTimeout(timer);
  pendingValidation.delete(uri);
  openedVersions.delete(uri);
  store.forget(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  for (const document of documents.all()) scheduleValidation(document.uri, 0);
});

// ---- requests ------------------------------------------------------------------------------------------------

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs a feature for a document with its analysis: honours cancellation before and after the work, and turns
 * any exception into a logged message and the empty `fallback`.
 */
async function withAnalysis<R>(
  feature: string,
  uri: string,
  token: CancellationToken,
  fallback: R,
  run: (context: { analysis: DocumentAnalysis; services: LanguageServices }) => R,
): Promise<R | ResponseError<void>> {
  if (token.isCancellationRequested) return cancelled();
  try {
    const context = await analysisOf(uri);
    // Analysis runs synchronously, so a cancellation that arrived meanwhile is still unread in the pipe.
    await nextLoopTurn();
    if (token.isCancellationRequested) return cancelled();
    if (!context) return fallback;
    return run(context);
  } catch (error) {
    connection.console.error(`RouterOS: ${feature} failed for ${uri}: ${describe(error)}`);
    return fallback;
  }
}

/**
 * Resolves after the event loop has polled for input once more. Two setImmediate steps: the first may still
 * run in the current iteration's check phase (when called from an I/O callback), the second always follows
 * a poll phase, where a pending $/cancelRequest is read and flags the request's token.
 */
function nextLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

let clientRegistersConfigurationChanges = false;
let clientAcceptsInsertReplace = false;

connection.onInitialize((params): InitializeResult => {
  clientPullsConfiguration = params.capabilities.workspace?.configuration === true;
  clientRegistersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientAcceptsInsertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: true },
      hoverProvider: true,
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'routeros-language-server' },
  };
});

connection.onInitialized(() => {
  // One line at start, so the output channel shows which server (and which Node) answers when a user reports a problem.
  connection.console.info(`RouterOS: language server started (pid ${process.pid}, Node ${process.version}).`);
  // Ask the client to announce changes of the `routeros` section; the new values are then pulled per document.
  if (clientPullsConfiguration && clientRegistersConfigurationChanges) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
});

connection.onCompletion((params, token) =>
  withAnalysis('completion', params.textDocument.uri, token, { isIncomplete: false, items: [] }, ({ analysis, services }) =>
    provideCompletion(analysis, analysis.lines.offsetAt(params.position), services, { insertReplace: clientAcceptsInsertReplace }),
  ),
);

connection.onCompletionResolve((item) => {
  try {
    // Documentation only depends on the schema; every open document shares the current one.
    return resolveCompletionItem(item, (currentServices?.services ?? servicesFor(DEFAULT_SETTINGS)).schema);
  } catch (error) {
    connection.console.error(`RouterOS: completion resolve failed: ${describe(error)}`);
    return item;
  }
});

connection.onHover((params, token) =>
  withAnalysis('hover', params.textDocument.uri, token, null, ({ analysis, services }) =>
    provideHover(analysis, analysis.lines.offsetAt(params.position), services),
  ),
);

connection.onDocumentSymbol((params, token) =>
  withAnalysis('document symbols', params.textDocument.uri, token, [], ({ analysis }) => provideDocumentSymbols(analysis)),
);

connection.onDefinition((params, token) =>
  withAnalysis('definition', params.textDocument.uri, token, [], ({ analysis }) =>
    provideDefinition(analysis, analysis.lines.offsetAt(params.position), params.textDocument.uri),
  ),
);

connection.onReferences((params, token) =>
  withAnalysis('references', params.textDocument.uri, token, [], ({ analysis }) =>
    provideReferences(analysis, analysis.lines.offsetAt(params.position), params.textDocument.uri, params.context.includeDeclaration),
  ),
);

connection.onFoldingRanges((params, token) =>
  withAnalysis('folding', params.textDocument.uri, token, [], ({ analysis }) => provideFoldingRanges(analysis)),
);

connection.languages.semanticTokens.on((params, token) =>
  withAnalysis('semantic tokens', params.textDocument.uri, token, { data: [] }, ({ analysis }) => provideSemanticTokens(analysis)),
);

connection.languages.semanticTokens.onRange((params, token) =>
  withAnalysis('semantic tokens', params.textDocument.uri, token, { data: [] }, ({ analysis }) =>
    provideSemanticTokens(analysis, { start: analysis.lines.offsetAt(params.range.start), end: analysis.lines.offsetAt(params.range.end) }),
  ),
);

connection.onCodeAction((params, token) =>
  withAnalysis('code actions', params.textDocument.uri, token, [], ({ analysis, services }) =>
    provideCodeActions(analysis, params.textDocument.uri, params.context.diagnostics, services.schema),
  ),
);

connection.onRequest(DocumentInfoRequest, (params, token) =>
  withAnalysis('document info', params.uri, token, null, ({ analysis }) => ({
    targetVersion: analysis.target.version.text,
    source: analysis.target.source,
  })),
);

// Push lints exactly the text it is about to send (a file or a selection), with the document's settings and, unless
// the client names one, the document's target version (a selection usually lacks the export header).
connection.onRequest(LintTextRequest, async (params) => {
  const settings = params.uri ? await store.settings(params.uri) : DEFAULT_SETTINGS;
  const rosVersion = params.rosVersion ?? (params.uri ? (await analysisOf(params.uri))?.analysis.target.version.text : undefined);
  const services = servicesFor(settings);
  const findings = lintText(params.text, { services, rosVersion, rules: settings.rules });
  return { findings, rosVersion: rosVersion ?? '' };
});

connection.onRequest(ServerStatsRequest, () => {
  const memory = process.memoryUsage();
  return { rss: memory.rss, heapUsed: memory.heapUsed, openDocuments: store.size };
});

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// A bug in a handler must not end the session: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`RouterOS: unexpected error: ${describe(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`RouterOS: unexpected rejection: ${describe(error)}`));

documents.listen(connection);
connection.listen();
