// A dispute's document as a docx download (/mediation/:id/documents/:kind): a resource route,
// so the download is a plain link that works without JavaScript.
import { data } from '@remix-run/react';
import { base64ToBytes, UUID, type RouteArgs } from '@zhengfa/ui';
import { disputeKit, type DocumentKind } from '../api.js';
import { page as s } from '../strings.js';

const kinds: readonly string[] = ['registration', 'agreement', 'termination', 'confirmation_application', 'follow_up', 'session_record'];

export async function loader(args: RouteArgs) {
  const id = args.params.id ?? '';
  const kind = args.params.kind ?? '';
  if (!UUID.test(id) || !kinds.includes(kind)) throw data({ message: s.unknown }, { status: 404 });
  const params = new URL(args.request.url).searchParams;
  const reveal = params.get('reveal') === '1';
  // The session of a 调解笔录 (?session=2); the server names the field when it is missing or unknown.
  const session = Number(params.get('session'));
  const sessionSeq = kind === 'session_record' && Number.isInteger(session) && session > 0 ? session : undefined;
  const file = await disputeKit.load(args, async (c) => {
    await disputeKit.requirePermission(c, args.request, 'mediation.read');
    return c.mediation.documents.build({ disputeId: id, kind: kind as DocumentKind, ...(reveal ? { reveal: true } : {}), ...(sessionSeq ? { sessionSeq } : {}) });
  });
  return new Response(new Uint8Array(base64ToBytes(file.base64)), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'no-store',
    },
  });
}
