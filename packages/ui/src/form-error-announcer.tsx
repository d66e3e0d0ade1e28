// Form errors read out to screen-reader users. antd ties a field's message to its input
// (aria-describedby, aria-invalid) but inserts the message without a live region, so a
// failed submit is silent. This keeps one polite live region for the page and copies every
// newly shown field message into it (all forms, kernel and plugins, through the root).
import { useEffect, useRef } from 'react';

const ERROR = '.ant-form-item-explain-error';

/** The messages of the field errors shown under `root`, in page order, without repeats. */
export function shownFieldErrors(root: ParentNode): string[] {
  const texts = Array.from(root.querySelectorAll(ERROR), (el) => el.textContent?.trim() ?? '').filter(Boolean);
  return [...new Set(texts)];
}

export function FormErrorAnnouncer() {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      // Wait for antd's show animation to put every message in place, then speak once.
      timer = setTimeout(() => {
        const text = shownFieldErrors(document.body).join('；');
        if (text !== last && region.current) region.current.textContent = text;
        last = text;
      }, 150);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, []);
  return <div ref={region} role="status" aria-live="polite" aria-atomic="true" className="zf-visually-hidden" data-testid="form-errors-live" />;
}
