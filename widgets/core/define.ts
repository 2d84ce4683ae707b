/**
 * Registers `tag` unless something already did: a page that loads the script twice, or two
 * versions of it, keeps working (the first definition wins) instead of throwing.
 */
export function defineElement(tag: string) {
  return (constructor: CustomElementConstructor): void => {
    if (!customElements.get(tag)) customElements.define(tag, constructor);
  };
}
