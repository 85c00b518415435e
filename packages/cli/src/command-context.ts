/** What every command is handed: the user's language and the output streams. */
import type { LocalizedMessage } from '@akashi/core';
import type { ExitStatus } from './cli-error.js';
import type { HelpTopic } from './help-texts.js';
import type { Lang } from './locale.js';

export interface CommandContext {
  readonly lang: Lang;
  /** The message in the user's language. */
  readonly say: (message: LocalizedMessage) => string;
  readonly stdout: (text: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** Prints a command's help on standard output and returns exit status 0. */
  readonly printHelp: (topic: HelpTopic) => ExitStatus;
}
