import { officeStream } from '@app/event-store';
import { EMPLOYER_STREAM_KIND, evolveEmployerAccount, initialEmployerAccount, type EmployerEvent } from './employer.js';
import { NEED_STREAM_KIND } from './recruitment-need.js';
import { contacted } from './employer.examples.js';

const fold = (events: EmployerEvent[]) => events.reduce(evolveEmployerAccount, initialEmployerAccount());

describe('an employer account, folded from its contacts', () => {
  it('counts contacts and keeps the latest contact by instant, whatever order they were registered in', () => {
    const account = fold([
      contacted({ occurredAt: '2026-04-10T12:00:00.000Z' }),
      contacted({ occurredAt: '2026-03-01T00:00:00.000Z', employerName: undefined }),
      contacted({ occurredAt: '2026-04-10T13:30:00+02:00' }),
    ]);
    expect(account).toEqual({ contacts: 3, employerName: 'Byggmester AS', lastContactAt: '2026-04-10T12:00:00.000Z' });
  });
});

describe('the streams of an employer account and a recruitment need', () => {
  // Stored data: every account and need already written lives under these names, so they may never change.
  it('are named office-<office>.employer-<orgNumber> and office-<office>.need-<needId>', () => {
    expect(officeStream('0314', EMPLOYER_STREAM_KIND, '974760673')).toBe('office-0314.employer-974760673');
    expect(officeStream('0314', NEED_STREAM_KIND, 'n-1')).toBe('office-0314.need-n-1');
  });
});
