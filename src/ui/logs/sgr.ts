// SGR colour sequences are the only escapes a sanitized line may still hold.
const SGR = /\u001b\[[0-9;:]*m/g;

export function stripSgr(text: string): string {
  return text.includes('\u001b') ? text.replace(SGR, '') : text;
}
