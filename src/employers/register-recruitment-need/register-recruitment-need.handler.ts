import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '../../../libs/event-store/src/index.js';
import { EVENT_STORE } from '../../infrastructure/event-store.module.js';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { recruitmentNeedModel } from '../employer-models.js';
import { NEED_STREAM_KIND } from '../recruitment-need.js';
import { registerRecruitmentNeed } from './register-recruitment-need.decide.js';
import type { RegisterRecruitmentNeedBody } from './register-recruitment-need.dto.js';

export class RegisterRecruitmentNeedRequest extends Command<CommandAccepted> {
  constructor(
    readonly body: RegisterRecruitmentNeedBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterRecruitmentNeedRequest)
export class RegisterRecruitmentNeedHandler implements ICommandHandler<RegisterRecruitmentNeedRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: RegisterRecruitmentNeedRequest): Promise<CommandAccepted> {
    const needId = idFor(context, 'need');
    const streamId = officeStream(context.officeNumber, NEED_STREAM_KIND, needId);
    const result = await decideOnStream(this.store, streamId, recruitmentNeedModel, (state) =>
      registerRecruitmentNeed({ ...body, needId, navIdent: context.actor, now: context.now }, state), context);
    return accepted(needId, result);
  }
}
