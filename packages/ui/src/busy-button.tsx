import { Button, ConfigProvider, type ButtonProps, type ThemeConfig } from 'antd';

// Motion off for this button only: the spinner appears and disappears at once.
const withoutMotion: ThemeConfig = { token: { motion: false } };

/**
 * An antd Button whose `loading` follows a request (a fetcher's or a navigation's state).
 *
 * antd animates the spinner in and out and removes it only when the browser reports the
 * leave transition ended. A request answered in a few dozen milliseconds flips `loading`
 * back before the enter animation has run; the leave then changes no style, no
 * transitionend fires, and the invisible spinner stays in the button for good, so its name
 * reads "loading 登记" to a screen reader (and to the browser tests) long after the answer.
 * Without motion the spinner is shown and removed with the state.
 */
export function BusyButton(props: ButtonProps) {
  return (
    <ConfigProvider theme={withoutMotion}>
      <Button {...props} />
    </ConfigProvider>
  );
}
