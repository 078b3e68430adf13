import { store } from "./store.js";
import type { Component } from "./types.js";

/** Waits for the first snapshot; honours a browser's "at least as recent as" request. */
export async function readyStore(request: Request): Promise<Date | undefined> {
  await store.start();
  const header = request.headers.get("x-liaison-after");
  if (!header) return undefined;
  const after = new Date(header);
  if (Number.isNaN(after.getTime()) || after.getTime() > Date.now() + 60_000) return undefined;
  await store.snapshotAfter(after);
  return after;
}

export type ComponentBlock =
  { kind: "component"; component: Component } | { kind: "group"; name: string; members: Component[] };

/** Components in page order, a group standing where its first member would. */
export function componentBlocks(components: Component[]): ComponentBlock[] {
  const blocks: ComponentBlock[] = [];
  const groups = new Map<string, Component[]>();
  for (const c of components) {
    if (!c.group) {
      blocks.push({ kind: "component", component: c });
      continue;
    }
    let members = groups.get(c.group);
    if (!members) {
      members = [];
      groups.set(c.group, members);
      blocks.push({ kind: "group", name: c.group, members });
    }
    members.push(c);
  }
  return blocks;
}
