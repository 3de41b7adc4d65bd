import { evolveEmployerAccount, initialEmployerAccount, type EmployerEvent } from './employer.js';
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
