import { ANY, type KeyedShapes, type Shape, SKIP, shape } from '../walk/shape.ts';

// An item's `_meta`, from the SDK or an earlier Relay, mirrors the item: the same keys, plus
// `""` for the value itself, `{ rem, len, err, val }`. `val` is the original value Relay kept
// when it changed one, so it is sensitive exactly like the value it was: it is walked with the
// shape of the place it mirrors. Remarks and lengths are structure. Format: Relay's
// `relay-protocol` `Meta` (`original_value` is serialized as `val`).

const mirrors = new Map<Shape, Shape>();
// Names of the shapes made here start with it.
const META_PREFIX = 'meta ';

/** Whether `shape` describes a `_meta` node (made by {@link metaShapeOf}), not data. */
export function isMetaShape(shape: Shape): boolean {
  return shape.name.startsWith(META_PREFIX);
}

/** The shape of the `_meta` node that describes values of shape `data`. */
export function metaShapeOf(data: Shape): Shape {
  if (data === SKIP) {
    return SKIP;
  }
  const known = mirrors.get(data);
  if (known !== undefined) {
    return known;
  }

  const node = shape(`${META_PREFIX}${data.name}`, {});
  mirrors.set(data, node);

  const fields = new Map<string, Shape>([['', leafOf(data)]]);
  for (const [name, field] of data.fields ?? []) {
    fields.set(name, metaShapeOf(field));
  }
  // A span or log attribute as `{ value, type }`: its meta is under `value`.
  for (const [name, field] of data.typed?.fields ?? []) {
    fields.set(name, metaShapeOf(field));
  }
  // Meta keys list positions as strings: `"0"` is judged like a key and found plain.
  const element = data.items ?? data.keyed?.plain ?? data.other ?? data;
  const keyed: KeyedShapes | undefined =
    data.keyed === undefined
      ? undefined
      : {
          plain: metaShapeOf(element),
          secret: metaShapeOf(data.keyed.secret),
          custom: metaShapeOf(data.keyed.custom),
          ip: metaShapeOf(data.keyed.ip),
          version: metaShapeOf(data.keyed.version),
        };
  // Shapes are completed here, once, before any walk uses them.
  Object.assign(node as object, { fields, keyed, other: metaShapeOf(element) });
  return node;
}

function leafOf(data: Shape): Shape {
  return shape(`${META_PREFIX}leaf ${data.name}`, {
    fields: { rem: SKIP, len: SKIP, err: ANY, val: data },
    other: SKIP,
  });
}

/** `shape` with a `_meta` field that mirrors it. */
export function withMeta(data: Shape): Shape {
  const meta = metaShapeOf(data);
  return shape(data.name, {
    text: data.text,
    ...(data.keyed === undefined ? {} : { keyed: data.keyed }),
    ...(data.other === undefined ? {} : { other: data.other }),
    fields: { ...Object.fromEntries(data.fields ?? []), _meta: meta },
  });
}
