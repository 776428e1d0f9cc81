/*
 * Reading a message's components as Discord's JSON has them, wherever they sit: in action rows, in
 * a Components V2 container, as a section's accessory, or in a form's Label.
 */

/** Every component in a tree of rows, labels, containers and sections, depth first. */
export function* componentsIn(components: readonly unknown[]): Generator<Record<string, unknown>> {
  for (const component of components) {
    if (typeof component !== 'object' || component === null) continue;
    const record = component as Record<string, unknown>;
    yield record;
    if (Array.isArray(record['components'])) yield* componentsIn(record['components']);
    // A Label holds one component; a Section its accessory.
    for (const key of ['component', 'accessory']) if (record[key] !== undefined) yield* componentsIn([record[key]]);
  }
}

/** The custom ids on a message's components, in order. */
export function customIdsIn(components: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const component of componentsIn(components)) if (typeof component['custom_id'] === 'string') ids.push(component['custom_id']);
  return ids;
}
