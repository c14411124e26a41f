/** Labels the reports show next to a scenario; see catalogue.ts for the template syntax. */
import type { MessageEntry } from './message-entry.js';

export const LABEL_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // The file of the one-call scenario `koomock send` builds from its flags (core/scenario/load/single-call.ts).
  'label.command-line-file': { en: '(command line)', zh: '（命令行）' },
};
