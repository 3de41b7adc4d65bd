import { evolveEmployerHome, homeOfficeFor, initialEmployerHome, registerHomeOffice } from './employer-home.js';

const at = { occurredAt: '2026-05-01T12:00:00.000Z', navIdent: 'Z123456' };

describe("an employer's home office", () => {
  it('is the first office that contacts the employer, unless one is registered', () => {
    const first = homeOfficeFor(initialEmployerHome(), '0314', '974760673', at);
    expect(first).toEqual({
      homeOffice: '0314',
      events: [{ type: 'EmployerHomeOfficeSet', data: { orgNumber: '974760673', officeNumber: '0314', how: 'FIRST_CONTACT', ...at } }],
    });
    const home = evolveEmployerHome(initialEmployerHome(), first.events[0]!);
    expect(homeOfficeFor(home, '5001', '974760673', at)).toEqual({ homeOffice: '0314', events: [] });
  });

  it('moves to the office that registers it, and registering it again changes nothing', () => {
    const command = { orgNumber: '974760673', officeNumber: '5001', navIdent: 'Z123456', now: at.occurredAt };
    const [moved] = registerHomeOffice(command, { officeNumber: '0314' });
    expect(moved).toEqual({
      type: 'EmployerHomeOfficeSet',
      data: { orgNumber: '974760673', officeNumber: '5001', how: 'REGISTERED', ...at },
    });
    expect(registerHomeOffice(command, evolveEmployerHome({}, moved!))).toEqual([]);
  });
});
