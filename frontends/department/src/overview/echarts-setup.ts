// Only the parts of ECharts the figures pages draw, in a chunk of its own that loads when the
// first chart mounts: the department's first load (its home is the overview) carries none of it.
// SVG, not canvas: the renderer module is smaller, the lines stay sharp at any zoom or pixel
// ratio, a phone keeps less memory than a canvas at device resolution, and labels are text.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { init };
