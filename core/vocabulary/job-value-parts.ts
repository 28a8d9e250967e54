/** The parts of a job that can be fetched whole, one at a time, as the display policy shows them. */
export const JOB_VALUE_PARTS = Object.freeze(['data', 'output', 'error', 'options'] as const);

export type JobValuePart = (typeof JOB_VALUE_PARTS)[number];

export function isJobValuePart(value: string): value is JobValuePart {
  return (JOB_VALUE_PARTS as readonly string[]).includes(value);
}
