/**
 * One sentence of the catalogue: the English a producer writes, as a template, and its Chinese form.
 * `{name}` keeps a value as it is (an id, a field, a code, seller text); `{~name}` is a phrase put in
 * Chinese in turn (see localise.ts).
 */
export interface MessageEntry {
  readonly en: string;
  readonly zh: string;
  /** A phrase used only inside another entry's `{~name}` slot, never matched as a whole sentence. */
  readonly nested?: true;
}
