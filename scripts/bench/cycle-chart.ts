import type { CycleFigures } from './cycle-figures';

const WIDTH = 760;
const BAR = 18;
const LABEL = 190;
const COLOURS: Record<string, string> = {
  api: '#1c7ed6',
  worker: '#f08c00',
  temporal: '#2f9e44',
  postgres: '#ae3ec9',
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x: number, y: number, content: string, extra = '') =>
  `<text x="${x}" y="${y}" font-family="sans-serif" font-size="12" ${extra}>${escape(content)}</text>`;

/**
 * The benchmark's picture: wall time per stage, then CPU seconds per process for Tahap's cycle beside the floor's
 * (the same entries, messages and activities with no business logic), as an SVG any browser shows.
 */
export function cycleChart(figures: CycleFigures): string {
  const parts: string[] = [];
  let y = 24;
  parts.push(
    text(0, y, `Tahap bench:cycle, ${figures.entries} entries: wall time per stage (s)`, 'font-weight="bold"'),
  );
  y += 12;
  const longest = Math.max(...figures.stages.map((stage) => stage.wallSeconds), 1);
  const scale = (WIDTH - LABEL - 80) / longest;
  for (const stage of figures.stages) {
    const width = Math.max(1, stage.wallSeconds * scale);
    parts.push(text(0, y + 13, stage.key));
    parts.push(`<rect x="${LABEL}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="#868e96"/>`);
    parts.push(text(LABEL + width + 6, y + 13, stage.wallSeconds.toFixed(1)));
    y += BAR + 6;
  }
  y += 24;
  parts.push(text(0, y, 'CPU seconds per process: Tahap beside the floor', 'font-weight="bold"'));
  y += 12;
  const runs: [string, Record<string, number>][] = [
    ['Tahap', figures.cpu],
    ['floor', figures.floor.cpu],
  ];
  const most = Math.max(...runs.map(([, cpu]) => Object.values(cpu).reduce((sum, value) => sum + value, 0)), 1);
  const cpuScale = (WIDTH - LABEL - 80) / most;
  for (const [name, cpu] of runs) {
    let x = LABEL;
    parts.push(text(0, y + 13, name));
    for (const [process, seconds] of Object.entries(cpu)) {
      const width = seconds * cpuScale;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${COLOURS[process] ?? '#495057'}"><title>${escape(`${process} ${seconds.toFixed(1)} s`)}</title></rect>`,
      );
      x += width;
    }
    const sum = Object.values(cpu).reduce((total, value) => total + value, 0);
    parts.push(text(x + 6, y + 13, sum.toFixed(1)));
    y += BAR + 6;
  }
  y += 8;
  let legendX = LABEL;
  for (const [process, colour] of Object.entries(COLOURS)) {
    parts.push(`<rect x="${legendX}" y="${y}" width="12" height="12" fill="${colour}"/>`);
    parts.push(text(legendX + 16, y + 11, process));
    legendX += 100;
  }
  y += 30;
  parts.push(text(0, y, figures.machine, 'fill="#495057"'));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y + 10}" viewBox="0 0 ${WIDTH} ${y + 10}">
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
</svg>
`;
}
