import { createInterface } from 'node:readline/promises';
import { FRAMEWORKS, type Framework } from './flavour.ts';

/** Asks which framework the host runs until the answer is one `init` knows; Enter means Express. */
export async function askFramework(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<Framework> {
  const prompt = createInterface({ input, output, terminal: false });
  try {
    for (;;) {
      const answer = (await prompt.question(`Which framework serves your app? (${FRAMEWORKS.join('/')}) [express] `)).trim().toLowerCase();
      if (answer === '') return 'express';
      if ((FRAMEWORKS as readonly string[]).includes(answer)) return answer as Framework;
      output.write(`Please answer ${FRAMEWORKS.join(' or ')}.\n`);
    }
  } finally {
    prompt.close();
  }
}
