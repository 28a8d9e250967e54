/** The demo on Express 5: `npm run demo`. */
import { bootDemo } from './boot.ts';
import { serveOnExpress } from './express-app.ts';

serveOnExpress(await bootDemo());
