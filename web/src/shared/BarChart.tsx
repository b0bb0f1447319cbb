// A horizontal bar chart of amounts (yuan) by category, drawn with the parts of ECharts it needs only. (A small wrapper
// of its own: echarts-for-react's build needs tslib, which it does not declare.)
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatYuan } from '../../../src/policy/core/money.ts';

echarts.use([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export interface Bar {
  label: string;
  amountFen: number;
  units: number;
}

export function BarChart({ bars, height = 280 }: { bars: Bar[]; height?: number }) {
  const option = {
    animation: false,
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number }[]) => {
        const bar = bars[items[0]?.dataIndex ?? 0];
        return bar ? `${bar.label}<br/>单位 ${bar.units.toLocaleString('zh-CN')} 个<br/>金额 ${formatYuan(bar.amountFen)} 元` : '';
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v / 10000).toLocaleString('zh-CN')}万元` } },
    yAxis: { type: 'category', data: bars.map((b) => b.label), inverse: true },
    series: [{ type: 'bar', data: bars.map((b) => b.amountFen / 100), itemStyle: { color: '#1677ff' }, barMaxWidth: 22 }],
  };
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);
  useEffect(() => {
    const instance = echarts.init(element.current!);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); instance.dispose(); };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  });
  return <div ref={element} style={{ height, width: '100%' }} />;
}
