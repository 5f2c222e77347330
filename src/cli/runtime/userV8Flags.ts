// podview tunes V8 while it runs (young and old generation sizing, WebAssembly tiering); a V8
// option the user gave Node for the same thing, on its command line or in NODE_OPTIONS, wins.

/** True when the user's Node options (node's own argv, NODE_OPTIONS) contain an option matching `flag`. */
export function userSetsV8Flag(flag: RegExp, execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): boolean {
  return flag.test(`${execArgv.join(' ')} ${nodeOptions ?? ''}`);
}
