import { describe, expect } from 'vitest';
import { loadConfig } from '../../../mock-server/config/load.js';
import { toStarterJson, toStarterYaml } from '../../../mock-server/config/starter.js';
import { DEFAULT_PROFILE } from '../../../mock-server/core/profile.js';
import { it, writeIn } from './config-fixtures.js';

describe('the starter config', () => {
  it.for([
    ['koomock.config.yaml', toStarterYaml],
    ['koomock.config.json', toStarterJson],
  ] as const)('%s loads to exactly the default configuration', ([name, toText], { dir }) => {
    const defaults = loadConfig({ env: {}, cwd: dir });
    writeIn(dir, name, toText());
    const loaded = loadConfig({ env: {}, cwd: dir });
    expect(loaded.file).toBeDefined();
    expect(loaded.config).toEqual(defaults.config);
  });

  it.for([
    '# basic interface key (基础接口)',
    '# joint-operation kit key (联营SaaS同步接口)',
    '# general interface key (通用接口)',
    '# license interface key (License授权码交付接口)',
    '# usage push key (按需使用量推送密钥)',
    '(生产接口地址)',
  ])('explains the key categories with Chinese glosses: %s', (comment) => {
    expect(toStarterYaml()).toContain(comment);
  });

  it.for(Object.keys(DEFAULT_PROFILE))('shows the profile option %s', (option) => {
    expect(toStarterYaml()).toMatch(new RegExp(`^  ${option}:`, 'm'));
  });

  it('keeps the optional keys commented out', () => {
    const text = toStarterYaml();
    expect(text).toMatch(/^ {2}# adminToken: /m);
    expect(text).toMatch(/^ {4}# usage: /m);
    expect(text).toMatch(/^ {2}# kitPublicKeyFile: /m);
  });

  it('variables still override the values the starter writes', ({ dir }) => {
    writeIn(dir, 'koomock.config.yaml', toStarterYaml());
    expect(loadConfig({ env: { KOOMOCK_KEY: 'from-env' }, cwd: dir }).config.seller.keys.basic).toBe('from-env');
  });
});
