import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type EventStore } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { recruitmentNeedModel } from '../employer-models.js';
import { NEED_STREAM_KIND } from '../recruitment-need.js';
import { correctRecruitmentNeed } from './correct-recruitment-need.decide.js';
import { CorrectRecruitmentNeedCommand } from './correct-recruitment-need.command.js';

@CommandHandler(CorrectRecruitmentNeedCommand)
export class CorrectRecruitmentNeedHandler implements ICommandHandler<CorrectRecruitmentNeedCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ needId, body, context }: CorrectRecruitmentNeedCommand): Promise<CommandAccepted> {
    const streamId = officeStream(context.officeNumber, NEED_STREAM_KIND, needId);
    const result = await decideOnStream(
      this.store,
      streamId,
      recruitmentNeedModel,
      (state) => correctRecruitmentNeed({ ...body, needId, navIdent: context.actor, now: context.now }, state),
      context,
    );
    return accepted(needId, result);
  }
}
