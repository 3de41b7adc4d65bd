import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore, EVENT_STORE } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { recruitmentNeedModel } from '../employer-models.js';
import { NEED_STREAM_KIND } from '../recruitment-need.js';
import { closeRecruitmentNeed } from './close-recruitment-need.decide.js';
import { CloseRecruitmentNeedCommand } from './close-recruitment-need.command.js';

@CommandHandler(CloseRecruitmentNeedCommand)
export class CloseRecruitmentNeedHandler implements ICommandHandler<CloseRecruitmentNeedCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ needId, body, context }: CloseRecruitmentNeedCommand): Promise<CommandAccepted> {
    const streamId = officeStream(context.officeNumber, NEED_STREAM_KIND, needId);
    const result = await decideOnStream(
      this.store,
      streamId,
      recruitmentNeedModel,
      (state) => closeRecruitmentNeed({ ...body, needId, navIdent: context.actor, now: context.now }, state),
      context,
    );
    return accepted(needId, result);
  }
}
