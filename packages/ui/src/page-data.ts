// A page's loader data, typed as the console delivers it. The console runs Remix with single
// fetch (turbo-stream), which keeps Dates, undefined and nested objects as the loader returned
// them; a plugin's package does not see the console's Remix settings, so Remix's own
// `useLoaderData` types its data as JSON (Dates as strings). This hook gives the loader's type.
import { useLoaderData } from '@remix-run/react';

export function usePageData<L extends (...args: any[]) => Promise<unknown>>(): Awaited<ReturnType<L>> {
  return useLoaderData() as Awaited<ReturnType<L>>;
}
