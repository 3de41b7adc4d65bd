import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { recruitmentNeedModel } from '../employer-models.js';
import { NEED_STREAM_KIND } from '../recruitment-need.js';
import { registerRecruitmentNeed } from './register-recruitment-need.decide.js';
import { RegisterRecruitmentNeedCommand } from './register-recruitment-need.command.js';

@CommandHandler(RegisterRecruitmentNeedCommand)
export class RegisterRecruitmentNeedHandler implements ICommandHandler<RegisterRecruitmentNeedCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: RegisterRecruitmentNeedCommand): Promise<CommandAccepted> {
    const needId = idFor(context, 'need');
    const streamId = officeStream(context.officeNumber, NEED_STREAM_KIND, needId);
    const result = await decideOnStream(this.store, streamId, recruitmentNeedModel, (state) =>
      registerRecruitmentNeed({ ...body, needId, navIdent: context.actor, now: context.now }, state), context);
    return accepted(needId, result);
  }
}
