/** The demo on BullMQ and Redis, served by Express 5: `npm run demo:bullmq`. */
import { bootBullMQDemo } from './bullmq-boot.ts';
import { serveOnExpress } from './express-app.ts';

const demo = await bootBullMQDemo().catch((error: unknown) => {
  console.error(`ops-jobs BullMQ demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
serveOnExpress(demo);
