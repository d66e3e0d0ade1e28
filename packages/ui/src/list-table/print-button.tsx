import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { uiStrings } from '../strings.js';

/** Prints the page through the console's print stylesheet (no navigation, title, page numbers). */
export function PrintButton() {
  return (
    <Button icon={<PrinterOutlined />} className="zf-no-print" onClick={() => window.print()} data-testid="print">
      {uiStrings.list.print}
    </Button>
  );
}
