/**
 * Registers `tag` unless it is already defined. Two copies of kessai on one
 * page (two script tags, or the embed beside the npm build) must not throw:
 * the first definition wins and the console says so.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    console.warn(`kessai: <${tag}> is already defined (is kessai loaded twice?); keeping the first definition.`);
    return;
  }
  customElements.define(tag, ctor);
}
