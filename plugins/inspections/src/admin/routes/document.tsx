// A campaign's document as a docx download (/inspections/campaigns/:id/documents/:kind): the
// implementation plan or the bulletin (通报) drafted from the data. A resource route, so the
// download is a plain link that works without JavaScript.
import { data } from '@remix-run/react';
import { base64ToBytes, UUID, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { strings } from '../strings.js';

const kinds = ['plan', 'bulletin'] as const;

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  const kind = (args.params.kind ?? '') as (typeof kinds)[number];
  if (!UUID.test(id) || !kinds.includes(kind)) throw data({ message: strings.detail.unknown }, { status: 404 });
  const file = await kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request, 'inspections.manage');
    return c.inspections.documents.build({ campaignId: id, kind });
  });
  return new Response(new Uint8Array(base64ToBytes(file.base64)), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
    },
  });
}
