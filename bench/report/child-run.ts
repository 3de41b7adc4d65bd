import { fork } from 'node:child_process';

/**
 * Runs a script of the bench in a child process of its own: sends it `message` and resolves with
 * the one answer it sends back (`{ result }` or `{ error }`). Load generators run this way so their
 * work does not share the app's event loop.
 */
export function runInChild<Message, Result>(script: URL, message: Message): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(script, { stdio: 'inherit' });
    child.once('message', (answer: { result?: Result; error?: string }) =>
      answer.result ? resolve(answer.result) : reject(new Error(`${script.pathname}: ${answer.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`${script.pathname} exited with ${code} before answering`)));
    child.once('error', reject);
    child.send(message as object);
  });
}
