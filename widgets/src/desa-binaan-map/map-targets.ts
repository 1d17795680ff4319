import type { View } from 'vega';

/** A region or place on the drawn map that the keyboard can reach, where it sits in the card, and its tooltip. */
export interface MapTarget {
  kind: 'region' | 'place';
  /** Province code, when activating the target zooms to it. */
  zoomTo: string | null;
  /** The accessible name: the tooltip's lines, in order. */
  label: string;
  tip: Record<string, string>;
  box: { left: number; top: number; width: number; height: number };
}

interface SceneItem {
  datum?: { zoomTo?: string | null; tip?: Record<string, string> };
  tooltip?: unknown;
  _svg?: Element;
  mark?: { name?: string };
  items?: SceneItem[];
  name?: string;
}

/** The items of the named mark anywhere under `node` (Vega-Lite names a layer's marks `<name>_marks`). */
function itemsOf(node: SceneItem | undefined, name: string): SceneItem[] {
  if (!node) return [];
  if (node.name === name) return node.items ?? [];
  return (node.items ?? []).flatMap((child) => itemsOf(child, name));
}

const labelOf = (tip: Record<string, string>) =>
  Object.entries(tip)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');

/**
 * The regions and places of the view on screen, measured from their drawn SVG, relative to `frame`
 * (the card the targets are positioned in). Places come west to east, as a reader scans the map.
 */
export function mapTargets(view: View, frame: Element): MapTarget[] {
  const origin = frame.getBoundingClientRect();
  const root = (view.scenegraph() as unknown as { root: SceneItem }).root;
  const measure = (kind: MapTarget['kind'], item: SceneItem): MapTarget | null => {
    const tip = item.datum?.tip;
    const rect = item._svg?.getBoundingClientRect();
    if (!tip || !rect || rect.width === 0) return null;
    const box = { left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height };
    return { kind, zoomTo: kind === 'region' ? (item.datum?.zoomTo ?? null) : null, label: labelOf(tip), tip, box };
  };
  const regions = itemsOf(root, 'regions_marks').map((item) => measure('region', item));
  const places = itemsOf(root, 'places_marks').map((item) => measure('place', item));
  const present = (targets: (MapTarget | null)[]) => targets.filter((target): target is MapTarget => target !== null);
  return [...present(regions), ...present(places).sort((a, b) => a.box.left + a.box.width / 2 - (b.box.left + b.box.width / 2))];
}
