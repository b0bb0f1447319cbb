// A horizontal bar chart of amounts (yuan) by category, on the shared ECharts wrapper.
import { useMemo } from 'react';
import { formatYuan } from '../../../src/policy/core/money.ts';
import { EChart, type ChartOption } from './EChart.tsx';

export interface Bar {
  label: string;
  amountFen: number;
  units: number;
}

export function BarChart({ bars, height = 280 }: { bars: Bar[]; height?: number }) {
  const option = useMemo(
    (): ChartOption => ({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: unknown) => {
          const bar = bars[(items as { dataIndex: number }[])[0]?.dataIndex ?? 0];
          return bar
            ? `${bar.label}<br/>单位 ${bar.units.toLocaleString('zh-CN')} 个<br/>金额 ${formatYuan(bar.amountFen)} 元`
            : '';
        },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v / 10000).toLocaleString('zh-CN')}万元` } },
      yAxis: { type: 'category', data: bars.map((b) => b.label), inverse: true },
      series: [{ type: 'bar', data: bars.map((b) => b.amountFen / 100), itemStyle: { color: '#1677ff' }, barMaxWidth: 22 }],
    }),
    [bars],
  );
  return <EChart option={option} height={height} />;
}
