import { ConfigProvider } from 'antd';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BusyButton } from './busy-button.js';

function render(loading: boolean): string {
  return renderToStaticMarkup(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <BusyButton type="primary" htmlType="submit" loading={loading}>
        登记
      </BusyButton>
    </ConfigProvider>,
  );
}

describe('BusyButton', () => {
  it('shows the spinner while a request is under way', () => {
    const html = render(true);
    expect(html).toContain('aria-label="loading"');
    expect(html).toContain('ant-btn-loading');
  });

  it('renders no spinner when idle, so its name is only its text', () => {
    const html = render(false);
    expect(html).not.toContain('aria-label="loading"');
    expect(html).toContain('<span>登记</span>');
  });

  it('keeps the console-wide button settings of the surrounding provider', () => {
    // autoInsertSpace: false from the parent: two Chinese characters stay unspaced.
    expect(render(false)).not.toContain('登 记');
  });
});
