/**
 * Registers `tag` unless something already did: a page that loads the script twice, or two
 * versions of it, keeps working (the first definition wins) instead of throwing. A call after
 * the class, not a class decorator, so the widgets carry no decorator helper.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
