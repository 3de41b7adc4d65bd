import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type EventStore } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { CASE_STREAM_KIND } from '../case.js';
import { caseWithStepsModel } from '../case-steps.js';
import { correctCaseStep } from './correct-case-step.decide.js';
import { CorrectCaseStepCommand } from './correct-case-step.command.js';

/** On the case's own stream at the caller's office: a correction never reaches another office. */
@CommandHandler(CorrectCaseStepCommand)
export class CorrectCaseStepHandler implements ICommandHandler<CorrectCaseStepCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, body, context }: CorrectCaseStepCommand): Promise<CommandAccepted> {
    const streamId = officeStream(context.officeNumber, CASE_STREAM_KIND, caseId);
    const result = await decideOnStream(
      this.store,
      streamId,
      caseWithStepsModel,
      (current) => correctCaseStep({ ...body, caseId, navIdent: context.actor, now: context.now }, current),
      context,
    );
    return accepted(caseId, result);
  }
}
