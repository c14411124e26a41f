/**
 * The run's sentences (check expected / received / hint, step titles) in the console's language,
 * through the same en/zh catalogue as the CLI reports (mock-server/core/messages, pure code that
 * vite bundles in). Ids, codes and values stay as they are.
 */
import { localise } from '../../mock-server/core/messages/localise.js';
import { getLang } from './i18n.js';

/** A sentence koomock wrote, in the chosen language; text the catalogue does not know is shown as it is. */
export const say = (text: string): string => localise(text, getLang());

/** A scenario's or step's title: its `title_zh` in Chinese when the file gives one, else the generated title put in Chinese. */
export const titleOf = (item: { readonly title: string; readonly titleZh?: string | undefined }): string => (getLang() === 'zh' ? (item.titleZh ?? say(item.title)) : item.title);
