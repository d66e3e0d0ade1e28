// 关注 / 取消关注 on the case page: the case then shows under 我的关注 on the workbench.
// A plain form post, so it works without JavaScript too.
import { useFetcher } from '@remix-run/react';
import { StarFilled, StarOutlined } from '@ant-design/icons';
import { BusyButton, useActionFeedback } from '@zhengfa/ui';
import { strings } from '../../strings.js';

const s = strings.cases;

export function FollowButton({ following }: { following: boolean }) {
  const fetcher = useFetcher();
  useActionFeedback(fetcher);
  return (
    <fetcher.Form method="post" style={{ display: 'inline' }}>
      <input type="hidden" name="intent" value="follow" />
      <input type="hidden" name="follow" value={following ? 'false' : 'true'} />
      <BusyButton htmlType="submit" icon={following ? <StarFilled /> : <StarOutlined />} loading={fetcher.state !== 'idle'} data-testid="follow-case" aria-pressed={following}>
        {following ? s.unfollow : s.follow}
      </BusyButton>
    </fetcher.Form>
  );
}
