import { afterEach, describe, expect, it } from 'vitest';
import { defineLazily } from './lazy-define.ts';
import type { ElementRegistry } from './lazy-define.ts';

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  document.body.replaceChildren();
});

function counted(importer: () => Promise<unknown>) {
  const calls = { count: 0 };
  return { calls, importer: () => (calls.count++, importer()) };
}

describe('defineLazily()', () => {
  it('imports nothing for elements that are not on the page', async () => {
    const second = counted(() => import('../../test/support/fixtures/second-fixture-element.ts'));
    stops.push(defineLazily({ 'osallistu-second-fixture': second.importer }));
    await new Promise((r) => setTimeout(r, 50));
    expect(second.calls.count).toBe(0);
    expect(customElements.get('osallistu-second-fixture')).toBeUndefined();
  });

  it('imports an element added later by the CMS\'s own script, once, and upgrades it', async () => {
    const fixture = counted(() => import('../../test/support/fixtures/fixture-element.ts'));
    const registry: ElementRegistry = { 'osallistu-fixture': fixture.importer };
    stops.push(defineLazily(registry));
    expect(fixture.calls.count).toBe(0);

    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<p>Kysely</p><osallistu-fixture></osallistu-fixture><osallistu-fixture></osallistu-fixture>';
    document.body.append(wrapper);
    await customElements.whenDefined('osallistu-fixture');
    expect(fixture.calls.count).toBe(1);
    expect([...document.querySelectorAll('osallistu-fixture')].map((el) => el.textContent)).toEqual(['upgraded', 'upgraded']);

    // A second loader on the same page (a second paste, or another version) does no harm.
    expect(() => stops.push(defineLazily(registry))).not.toThrow();
    document.body.append(document.createElement('osallistu-fixture'));
    await new Promise((r) => setTimeout(r, 20));
    expect(fixture.calls.count).toBe(1);
    const { evaluations } = await import('../../test/support/fixtures/fixture-element.ts');
    expect(evaluations.count).toBe(1);
  });

  it('tries again on a later insertion when an import failed', async () => {
    let fail = true;
    const calls = { count: 0 };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      stops.push(
        defineLazily({
          'osallistu-second-fixture': () => {
            calls.count++;
            return fail ? Promise.reject(new Error('offline')) : import('../../test/support/fixtures/second-fixture-element.ts');
          },
        }),
      );
      document.body.append(document.createElement('osallistu-second-fixture'));
      await new Promise((r) => setTimeout(r, 20));
      expect(calls.count).toBe(1);
      expect(errors).toHaveLength(1);
      fail = false;
      document.body.append(document.createElement('osallistu-second-fixture'));
      await customElements.whenDefined('osallistu-second-fixture');
      expect(calls.count).toBe(2);
    } finally {
      console.error = original;
    }
  });
});
