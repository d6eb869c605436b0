// JSON of immutable data, reusing the JSON of every part seen before. The
// rules never change an object once made (a new state shares what did not
// change), so a part met again by identity has the same JSON: a save after one
// vote stringifies the few objects that vote replaced, not the whole session.
// Same output as JSON.stringify for plain data (no toJSON, Dates or Maps).

export class JsonCache {
  private cache = new WeakMap<object, string>();

  stringify(value: unknown): string {
    return this.encode(value) ?? "null";
  }

  private encode(value: unknown): string | undefined {
    if (value === null) return "null";
    switch (typeof value) {
      case "string":
        return JSON.stringify(value);
      case "number":
        return Number.isFinite(value) ? String(value) : "null";
      case "boolean":
        return value ? "true" : "false";
      case "object":
        break;
      default:
        return undefined; // undefined, functions, symbols: left out (null in arrays)
    }
    const obj = value as object;
    const hit = this.cache.get(obj);
    if (hit !== undefined) return hit;
    let json: string;
    if (Array.isArray(obj)) {
      json = "[";
      for (let i = 0; i < obj.length; i++) json += (i ? "," : "") + (this.encode(obj[i]) ?? "null");
      json += "]";
    } else {
      json = "{";
      let first = true;
      for (const key in obj) {
        if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
        const part = this.encode((obj as Record<string, unknown>)[key]);
        if (part === undefined) continue;
        json += (first ? "" : ",") + JSON.stringify(key) + ":" + part;
        first = false;
      }
      json += "}";
    }
    this.cache.set(obj, json);
    return json;
  }
}
