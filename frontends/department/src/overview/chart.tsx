import { createEffect, onCleanup, onMount } from 'solid-js';

/** A chart's data: one value per category for each series. */
export interface ChartData {
  kind: 'line' | 'bar';
  categories: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  /** Percentages (a rate's series): the axis reads 0–100 %. */
  percent?: boolean;
  /** Bars along the value axis, one category a line: for names (orgs, places), which would not fit under a bar. */
  horizontal?: boolean;
}

const COLORS = ['#a31515', '#1743a5', '#2e7d32', '#b07d00', '#6a1b9a', '#00838f'];
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

type Instance = ReturnType<(typeof import('./echarts-setup.ts'))['init']>;

/**
 * An ECharts chart, fitted to its box's width; the same numbers are in the table beside it,
 * so the drawing is hidden from screen readers.
 */
export function Chart(props: { data: ChartData; height?: number }) {
  let box: HTMLDivElement | undefined;
  let chart: Instance | undefined;
  let resize: ResizeObserver | undefined;
  let disposed = false;

  const option = () => {
    const data = props.data;
    const horizontal = data.kind === 'bar' && data.horizontal === true;
    const category = { type: 'category' as const, data: [...data.categories], axisLabel: { hideOverlap: true } };
    const value = { type: 'value' as const, minInterval: 1, ...(data.percent ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) };
    return {
      animation: !reducedMotion(),
      color: COLORS,
      grid: { left: 8, right: 16, top: data.series.length > 1 ? 40 : 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' as const },
      legend: { show: data.series.length > 1, top: 0, type: 'scroll' as const },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: data.series.map((s) => ({ type: data.kind, name: s.name, data: [...s.values], connectNulls: false, barMaxWidth: 28 })),
    };
  };

  async function draw() {
    const { init } = await import('./echarts-setup.ts');
    if (disposed || !box || chart) return;
    chart = init(box, null, { renderer: 'svg' });
    chart.setOption(option(), { notMerge: true });
    resize = new ResizeObserver(() => chart?.resize());
    resize.observe(box);
  }

  // ECharts (~180 KB gzipped) loads when the first chart comes near the screen: the overview's
  // cards above the charts show without waiting for it.
  let near: IntersectionObserver | undefined;
  onMount(() => {
    if (typeof IntersectionObserver !== 'function') return void draw();
    near = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near?.disconnect();
      void draw();
    }, { rootMargin: '200px' });
    if (box) near.observe(box);
  });
  createEffect(() => {
    const next = option();
    chart?.setOption(next, { notMerge: true });
  });
  onCleanup(() => {
    disposed = true;
    near?.disconnect();
    resize?.disconnect();
    chart?.dispose();
  });

  return <div ref={box} class="chart" aria-hidden="true" style={{ height: `${props.height ?? 240}px` }} />;
}
