// Only the parts of ECharts the figures pages draw, in a chunk of its own that loads when the
// first chart mounts: the department's first load (its home is the overview) carries none of it.
// SVG, not canvas: a phone keeps a few DOM nodes instead of a canvas at device resolution per
// chart (the overview draws a dozen), lines stay sharp when zoomed or printed, and a chart is
// redrawn only where it changed. Measured (Vite build, gzip): this chunk is 181.7 KB with SVG,
// 178.1 KB with canvas: zrender measures text on a canvas either way, so the smaller renderer
// module saves only 3.6 KB, and it loads only when a chart comes near the screen.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { init };
