import { Button, ConfigProvider, type ButtonProps, type ThemeConfig } from 'antd';

// Motion off for this button only: the spinner appears and disappears at once.
const withoutMotion: ThemeConfig = { token: { motion: false } };

/**
 * An antd Button whose `loading` follows a request (a fetcher's or a navigation's state).
 *
 * antd animates the spinner in and out and removes it only when the browser reports that
 * the leave transition ended. When the answer comes within a few dozen milliseconds, the
 * spinner often never finishes leaving: in Chromium it stayed, invisible (width 0, opacity
 * 0) but with its "loading" label, after 20 of 40 refused registrations in a row, so the
 * button's name read "loading 登记" to screen readers and to the browser tests. Without
 * motion the spinner is added and removed with the state.
 */
export function BusyButton(props: ButtonProps) {
  return (
    <ConfigProvider theme={withoutMotion}>
      <Button {...props} />
    </ConfigProvider>
  );
}
