/** Samples of Prometheus's text exposition format, keyed `name{label="value",…}` with labels sorted. */
export type Samples = Map<string, number>;

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const keyOf = (name: string, labels: Record<string, string>) => {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]}"`);
  return parts.length ? `${name}{${parts.join(",")}}` : name;
};

export function parsePrometheus(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) labels[key!] = value!;
    samples.set(keyOf(match[1]!, labels), Number(match[3]));
  }
  return samples;
}

/** One sample's value; 0 when the series is absent (a counter not yet incremented). */
export function sample(samples: Samples, name: string, labels: Record<string, string> = {}): number {
  return samples.get(keyOf(name, labels)) ?? 0;
}

/** Whether any series of `name` exists, whatever its labels. */
export function hasSeries(samples: Samples, name: string, labels: Record<string, string> = {}): boolean {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const key of samples.keys())
    if ((key === name || key.startsWith(`${name}{`)) && wanted.every((w) => key.includes(w))) return true;
  return false;
}
