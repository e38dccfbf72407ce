/**
 * The composition root: one factory that builds every service without a connection or a disk (except the
 * optional command-tree file the user names), so the language server, the CLI and the tests run the same code.
 */
import { analyzeDocument } from './analysis/analyze.js';
import type { DocumentAnalysis } from './analysis/types.js';
import { loadCommandTree } from './schema/commandTree.js';
import { createSchemaService } from './schema/service.js';
import type { SchemaService } from './schema/types.js';

export interface LanguageServicesOptions {
  /** A RouterOS command tree in restraml format (inspect.json) to extend the bundled schema. */
  readonly commandTreeFile?: string;
}

export interface LanguageServices {
  readonly schema: SchemaService;
  /** Why the command tree could not be loaded, if one was named and it failed (the bundled schema is used). */
  readonly commandTreeError?: string;
  analyze(text: string, options?: { rosVersion?: string }): DocumentAnalysis;
}

export function createLanguageServices(options: LanguageServicesOptions = {}): LanguageServices {
  let commandTreeError: string | undefined;
  let schema: SchemaService;
  if (options.commandTreeFile) {
    const loaded = loadCommandTree(options.commandTreeFile);
    commandTreeError = loaded.error;
    schema = createSchemaService(loaded.tree ? { commandTree: loaded.tree } : {});
  } else {
    schema = createSchemaService();
  }
  return {
    schema,
    commandTreeError,
    analyze: (text, analyzeOptions = {}) => analyzeDocument(text, { schema, rosVersion: analyzeOptions.rosVersion }),
  };
}
