import { expressionInterpreter } from 'vega-interpreter';
import type { Spec } from 'vega';
import { describe, expect, it } from 'vitest';
import { curvesKept, functionLeftOut, marksKept, projectionsKept, scalesKept } from '../../vite/vega-cuts.ts';
import './vega-geo-transforms.ts';
import { parse, registeredTransforms, View } from './vega-runtime.ts';
import { themeConfig } from './vega-view.ts';

// Every chart spec, compiled to Vega as the widgets import it.
const specs = import.meta.glob<Spec>('../specs/*.vl.json', { query: '?vega', import: 'default', eager: true });
const colors = { text: '#111111', muted: '#555555', grid: '#dddddd', accent: '#0b5cab', highlight: '#c2410c', background: '#ffffff', font: 'sans-serif' };

/** Every value under `node` for which `pick` gives a name. */
function collect(node: unknown, pick: (value: Record<string, unknown>) => string | undefined, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => collect(item, pick, into));
  else if (node && typeof node === 'object') {
    const name = pick(node as Record<string, unknown>);
    if (name) into.add(name);
    Object.values(node).forEach((value) => collect(value, pick, into));
  }
  return into;
}

describe('the widgets’ Vega runtime', () => {
  it('finds the chart specs', () => {
    expect(Object.keys(specs).length).toBeGreaterThanOrEqual(4);
  });

  for (const [file, spec] of Object.entries(specs)) {
    describe(file.replace('../specs/', ''), () => {
      // The parser refuses a transform of the spec itself that the runtime has not registered.
      const runtime = parse(spec, themeConfig(colors), { ast: true }) as unknown as { operators: { type: string }[] };

      it('has every dataflow operator the parsed spec uses', () => {
        const missing = [...new Set(runtime.operators.map((op) => op.type.toLowerCase()))].filter((type) => type !== 'operator' && !registeredTransforms().has(type));
        expect(missing).toEqual([]);
      });

      it('calls no expression function the bundle leaves out', () => {
        const calls = collect(runtime, (node) => (node.type === 'CallExpression' ? (node.callee as { name?: string } | undefined)?.name : undefined));
        expect([...calls].filter(functionLeftOut)).toEqual([]);
      });

      it('draws only marks, scale types and line curves the bundle keeps', () => {
        // The parser adds the marks of axes, legends and titles: the parsed spec names every mark drawn.
        const marks = collect(runtime, (node) => (typeof node.marktype === 'string' ? node.marktype : undefined));
        expect([...marks].filter((type) => !marksKept.includes(type))).toEqual([]);
        const scales = collect(spec.scales ?? [], (node) => (typeof node.type === 'string' ? node.type : 'linear'));
        expect([...scales].filter((type) => !scalesKept.includes(type))).toEqual([]);
        expect((spec.scales ?? []).filter((scale) => 'interpolate' in scale)).toEqual([]);
        const curves = collect(spec.marks ?? [], (node) => (typeof node.interpolate === 'string' ? node.interpolate : undefined));
        expect([...curves].filter((curve) => !curvesKept.includes(curve))).toEqual([]);
      });

      it('binds no signal to an input', () => {
        expect((spec.signals ?? []).filter((signal) => 'bind' in signal)).toEqual([]);
      });

      it('projects with no projection the bundle leaves out', () => {
        const projections = (spec.projections ?? []).map((projection) => String(projection.type ?? 'mercator').toLowerCase());
        expect(projections.filter((type) => !projectionsKept.includes(type))).toEqual([]);
      });

      it('builds and runs a view: its scales, projections and encoders exist', async () => {
        const view = new View(runtime as never, { renderer: 'none', expr: expressionInterpreter } as never);
        await expect(view.runAsync()).resolves.toBe(view);
        view.finalize();
      });
    });
  }
});
