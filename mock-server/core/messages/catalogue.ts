/**
 * The en/zh catalogue of what a seller reads in a run, apart from the per-check titles and advice
 * (`core/checks/messages-zh.ts`) and the reporters' labels (`adapters/cli/i18n.ts`). Each entry is the
 * English sentence a producer writes, as a template, and its Chinese form; `{name}` keeps a value as
 * it is (an id, a field, a code, seller text), `{~name}` is a phrase put in Chinese in turn. Ids,
 * field names, codes and values stay as they are in both languages.
 */
import { AGENT_SENTENCES } from './catalogue-agent.js';
import { ANSWER_SENTENCES } from './catalogue-answers.js';
import { ATTACK_CHOICE_SENTENCES } from './catalogue-attack.js';
import { CHECK_SENTENCES } from './catalogue-checks.js';
import { CLI_SENTENCES } from './catalogue-cli.js';
import { HELP_SENTENCES } from './catalogue-help.js';
import { HELP_OPTION_SENTENCES } from './catalogue-help-options.js';
import { LABEL_SENTENCES } from './catalogue-labels.js';
import { OAUTH_SENTENCES } from './catalogue-oauth.js';
import { PROTOCOL_SENTENCES } from './catalogue-protocol.js';
import { SCHEMA_SENTENCES } from './catalogue-schema.js';
import { SEND_SENTENCES } from './catalogue-send.js';
import { RUN_SENTENCES } from './catalogue-run.js';
import { SECURITY_SENTENCES } from './catalogue-security.js';
import { SIGNING_SENTENCES } from './catalogue-signing.js';
import { STEP_SENTENCES } from './catalogue-steps.js';
import { V1_SENTENCES } from './catalogue-v1.js';
import type { MessageEntry } from './message-entry.js';

/**
 * The parts, for the test that no key is given twice.
 * @internal Exported for the tests.
 */
export const MESSAGE_PARTS: readonly Readonly<Record<string, MessageEntry>>[] = [
  RUN_SENTENCES,
  ANSWER_SENTENCES,
  CHECK_SENTENCES,
  SECURITY_SENTENCES,
  SIGNING_SENTENCES,
  CLI_SENTENCES,
  PROTOCOL_SENTENCES,
  STEP_SENTENCES,
  SCHEMA_SENTENCES,
  ATTACK_CHOICE_SENTENCES,
  AGENT_SENTENCES,
  SEND_SENTENCES,
  V1_SENTENCES,
  OAUTH_SENTENCES,
  HELP_SENTENCES,
  HELP_OPTION_SENTENCES,
  LABEL_SENTENCES,
];

/** Every entry, by key (`<area>.<what>`); keys are unique across the parts. */
export const MESSAGE_CATALOGUE: Readonly<Record<string, MessageEntry>> = Object.assign({}, ...MESSAGE_PARTS);
