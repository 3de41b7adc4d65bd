/** An 11-digit run anywhere (spaces or dots between digits count too) could be a fødselsnummer. */
const ELEVEN_DIGITS = /\d(?:[ .]?\d){10}/;

export const mayHoldPersonalId = (text: string): boolean => ELEVEN_DIGITS.test(text);
