import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { Heading, VStack } from '@navikt/ds-react';
import { useEffect, useId, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type Series = BarSeriesOption | LineSeriesOption;
type Option = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Aksel's data-visualisation palette, in the order series get them. */
const COLORS = ['#0067c5', '#ff9100', '#06893a', '#c30000', '#634689', '#005b82', '#66cbec'];

interface Props {
  title: string;
  /** Category axis: months or measure names, already in display form. */
  categories: string[];
  series: Series[];
  /** For shares: the value axis shows 0–100 %. */
  percent?: boolean;
}

/**
 * One ECharts chart drawn as SVG, with a heading and an accessible name. The figures are the
 * API's, passed through as they are; every chart has the same numbers in a table beside it.
 * The instance hangs on the element (`chart`) so the browser tests can compare what is drawn.
 */
export function Chart({ title, categories, series, percent }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);
  const headingId = useId();

  useEffect(() => {
    const chart = init(element.current!, undefined, { renderer: 'svg' });
    instance.current = chart;
    (element.current as HTMLDivElement & { chart?: ECharts }).chart = chart;
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const option: Option = {
      color: COLORS,
      aria: { enabled: true, label: { description: `${title}. Tallene står også i tabellen under.` } },
      tooltip: { trigger: 'axis', valueFormatter: percent ? (v) => `${Math.round(Number(v) * 1000) / 10} %` : undefined },
      legend: { top: 0, textStyle: { fontSize: 14 } },
      grid: { left: 48, right: 16, top: 56, bottom: 32 },
      xAxis: { type: 'category', data: categories },
      yAxis: percent
        ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${v * 100} %` } }
        : { type: 'value', minInterval: 1 },
      series,
    };
    instance.current?.setOption(option, { notMerge: true });
  }, [title, categories, series, percent]);

  return (
    <VStack as="figure" gap="space-8" style={{ margin: 0 }} aria-labelledby={headingId}>
      <Heading level="3" size="small" id={headingId}>
        {title}
      </Heading>
      <div ref={element} data-chart={title} style={{ width: '100%', height: 300 }} />
    </VStack>
  );
}
