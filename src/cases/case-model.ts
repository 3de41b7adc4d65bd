import type { StreamModel } from '../shared/commands/decide-on-stream.js';
import { evolveCase, initialCaseState, type CaseEvent, type CaseState } from './case.js';

export const caseModel: StreamModel<CaseState, CaseEvent> = { initialState: initialCaseState, evolve: evolveCase };
