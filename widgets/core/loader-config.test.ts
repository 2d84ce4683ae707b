import { afterEach, describe, expect, it } from 'vitest';
import { readLoaderConfig } from './loader-config.ts';

afterEach(() => document.querySelectorAll('script[data-test]').forEach((s) => s.remove()));

describe('readLoaderConfig()', () => {
  it('takes the API from the loader\'s own origin and the site from data-site', () => {
    const url = 'https://osallistu.example.net/embed/v1/osallistu.js';
    const script = document.createElement('script');
    script.type = 'text/plain'; // never executed: only its attributes matter here
    script.src = url;
    script.dataset.site = 'espoo';
    script.dataset.test = '';
    document.head.append(script);
    expect(readLoaderConfig(url)).toEqual({ apiBase: 'https://osallistu.example.net', site: 'espoo' });
  });

  it('leaves the site unset when the tag has no data-site', () => {
    expect(readLoaderConfig('https://cdn.example/embed/v1/osallistu.js')).toEqual({ apiBase: 'https://cdn.example' });
  });
});
