/** What a CLI command needs from the process, passed in so that tests run commands without spawning. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  /** The package version, for --version and SARIF. */
  readonly version: string;
  /** The project's web page for SARIF, when package.json names a real one. */
  readonly informationUri?: string;
  /** Reads a password without echo (interactive push); undefined when stdin is not a terminal. */
  readPassword?(prompt: string): Promise<string>;
}
