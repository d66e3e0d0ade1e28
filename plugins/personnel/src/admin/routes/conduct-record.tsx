// 三个规定 quick entry (one screen, phone-friendly): the officer records who intervened in or
// asked about a case, in six fields. Every signed-in user may open it; an account not linked to
// the registry is refused by the procedure. A plain form: it posts without JavaScript, and a
// refusal keeps what was typed. The clientKey (new with every page load) makes a double tap
// record once.
import { Card } from 'antd';
import { form, PageHeader, usePageData, type RouteArgs } from '@zhengfa/ui';
import { kit } from '../api.js';
import { ActionForm, Choice, chinaToday, formAction, optionsOf, TextArea, TextInput, useKept } from '../forms.js';
import { strings } from '../strings.js';

const s = strings.conductRecord;

export async function loader(args: RouteArgs) {
  return kit.load(args, async (c) => {
    await kit.requirePermission(c, args.request);
    return { today: chinaToday(), clientKey: crypto.randomUUID() };
  });
}

export const action = formAction({
  record: [
    s.done,
    (c, fd) =>
      c.personnel.conduct.record({
        intervenerKind: form.str(fd, 'intervenerKind') as never,
        intervenerName: form.str(fd, 'intervenerName'),
        occurredOn: form.str(fd, 'occurredOn'),
        manner: form.str(fd, 'manner') as never,
        caseRef: form.str(fd, 'caseRef'),
        content: form.str(fd, 'content'),
        clientKey: form.str(fd, 'clientKey'),
      }),
  ],
});

export default function ConductRecordPage() {
  const { today, clientKey } = usePageData<typeof loader>();
  const kept = useKept('record');
  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }} data-testid="personnel-conduct-record">
      <PageHeader title={s.title} subtitle={s.subtitle} />
      <Card>
        <ActionForm intent="record" submit={s.submit} hidden={{ clientKey: kept('clientKey', clientKey) }}>
          <Choice name="intervenerKind" label={s.intervenerKind} defaultValue={kept('intervenerKind')} blank={s.pick} options={optionsOf(s.intervenerKinds)} />
          <TextInput name="intervenerName" label={s.intervenerName} defaultValue={kept('intervenerName')} />
          <TextInput name="occurredOn" type="date" label={s.occurredOn} defaultValue={kept('occurredOn', today)} />
          <Choice name="manner" label={s.manner} defaultValue={kept('manner')} blank={s.pick} options={optionsOf(s.manners)} />
          <TextInput name="caseRef" label={s.caseRef} defaultValue={kept('caseRef')} />
          <TextArea name="content" label={s.content} defaultValue={kept('content')} />
        </ActionForm>
      </Card>
    </div>
  );
}
