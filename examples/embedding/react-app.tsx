// A React 19 page holding the console. React 19 passes attributes and properties to custom
// elements as it would to a built-in one; events are listened to through a ref.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { OpsJobsConsole, OpsJobsRouteChangeEvent } from 'ops-jobs/elements';
import 'ops-jobs/elements';

// Teaches TypeScript the element's attributes in JSX.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ops-jobs-console': React.DetailedHTMLProps<React.HTMLAttributes<OpsJobsConsole>, OpsJobsConsole> & {
        root?: string;
        base?: string;
        brand?: string;
        theme?: 'light' | 'dark' | 'auto';
      };
    }
  }
}

function JobsPage() {
  const consoleRef = useRef<OpsJobsConsole>(null);
  const [view, setView] = useState('');
  useEffect(() => {
    const element = consoleRef.current;
    if (!element) return;
    // The console started before this effect ran: read where it is, then follow it.
    setView(element.currentRoute.name);
    const onRouteChange = (event: Event) => setView((event as OpsJobsRouteChangeEvent).route.name);
    element.addEventListener('ops-jobs-route-change', onRouteChange);
    return () => element.removeEventListener('ops-jobs-route-change', onRouteChange);
  }, []);
  return (
    <>
      <nav className="host-bar" aria-label="Acme admin">
        <strong>Acme admin</strong>
        <a href="/react/jobs/">Jobs</a>
        <span role="status">{view && `Viewing: ${view}`}</span>
      </nav>
      <ops-jobs-console ref={consoleRef} root="/ops/jobs/" base="/react/jobs/" brand="Acme jobs" />
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <JobsPage />
  </StrictMode>,
);
