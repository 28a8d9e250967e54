import { html, type TemplateResult } from 'lit';
import type { Shown } from '../../core/vocabulary/wire.ts';
import { cssProps } from '../shared/css-props.ts';
import { formatCount } from '../shared/format.ts';

/** The job's progress when it is a percentage (a number from 0 to 100), else null. */
export function progressPercent(shown: Shown | undefined): number | null {
  if (!shown || !('value' in shown) || 'cut' in shown) return null;
  const value = shown.value;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/**
 * A percentage as a progress bar with its figure. The figure is rounded down, so a job at 99.6%
 * does not read as done.
 */
export function progressBar(percent: number): TemplateResult {
  const figure = `${formatCount(Math.floor(percent))}%`;
  return html`<span class="progress">
    <span class="progress-track" role="progressbar" aria-label="Progress" aria-valuemin="0" aria-valuemax="100"
      aria-valuenow=${percent} aria-valuetext=${figure}><span class="progress-fill" ${cssProps({ 'inline-size': `${percent}%` })}></span></span>
    <span class="progress-figure num">${figure}</span>
  </span>`;
}
