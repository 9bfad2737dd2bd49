import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadApiConfig } from './config.js';

describe('PARAGRAF_PUBLIC_URL', () => {
  it('defaults to the local address on the configured port', () => {
    expect(loadApiConfig({ NODE_ENV: 'test', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('keeps an http(s) address without its trailing slash (the QR code appends /verify)', () => {
    const config = loadApiConfig({ NODE_ENV: 'test', PARAGRAF_PUBLIC_URL: 'https://paragraf.kommun.se/' });
    expect(config.publicUrl).toBe('https://paragraf.kommun.se');
    const under = loadApiConfig({ NODE_ENV: 'test', PARAGRAF_PUBLIC_URL: 'https://kommun.se/paragraf/' });
    expect(under.publicUrl).toBe('https://kommun.se/paragraf');
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['paragraf.kommun.se', 'ftp://kommun.se', 'https://kommun.se/?a=1']) {
      expect(() => loadApiConfig({ NODE_ENV: 'test', PARAGRAF_PUBLIC_URL: bad })).toThrow(ConfigError);
      expect(() => loadApiConfig({ NODE_ENV: 'test', PARAGRAF_PUBLIC_URL: bad })).toThrow(
        /PARAGRAF_PUBLIC_URL/,
      );
    }
  });
});
