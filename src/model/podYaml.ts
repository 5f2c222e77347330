// The Pod's YAML (`y` in the host view, `w` writes it): the object as the API returned it, with
// metadata.managedFields folded to one comment line unless asked for. Every string (keys and
// values) goes through sanitize() line by line first, so neither the screen nor a saved file
// ever carries a live escape sequence, while multi-line values (scripts, the
// last-applied-configuration) keep their line breaks. The folded marker is a YAML comment, so
// a written file still parses back into the object less managedFields.
// Secret values are never here: a Pod only names its Secrets (secretKeyRef, secret volumes).

import { dump } from 'js-yaml';
import { sanitize } from '../text/sanitize.ts';
import { isObj, obj } from './read.ts';

export interface PodYamlOptions {
  /** Show metadata.managedFields whole instead of the one-line marker. */
  managedFields?: boolean;
}

export interface PodYaml {
  /** The YAML document, ending with a newline. */
  text: string;
  /** text split into lines, for a scrolling view and its search. */
  lines: string[];
  /** managedFields entries folded away (0 when shown or absent). */
  foldedManagedFields: number;
}

// Stands in for the folded value while dumping; replaced by the comment line after. It cannot
// come from the Pod: metadata holds one managedFields key and this code sets its value.
const FOLD_SENTINEL = 'podview-folded-managed-fields-7f3c1e';

/** sanitize() for a value that may span lines: each line is cleaned, the line breaks stay. */
function cleanText(value: string): string {
  return value.includes('\n')
    ? value
        .split('\n')
        .map((line) => sanitize(line))
        .join('\n')
    : sanitize(value);
}

function cleanDeep(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (isObj(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[cleanText(key)] = cleanDeep(inner);
    return out;
  }
  return value;
}

export function managedFieldsMarker(entries: number): string {
  return `managedFields: (${entries} ${entries === 1 ? 'entry' : 'entries'}, folded)`;
}

export function podYaml(pod: unknown, options: PodYamlOptions = {}): PodYaml {
  const whole = cleanDeep(pod);
  let folded = 0;
  let subject = whole;
  const metadata = obj(obj(whole).metadata);
  if (!options.managedFields && Array.isArray(metadata.managedFields)) {
    folded = metadata.managedFields.length;
    subject = { ...obj(whole), metadata: { ...metadata, managedFields: FOLD_SENTINEL } };
  }
  // lineWidth -1: no folding of long strings, as kubectl prints them; skipInvalid: an
  // undefined field (a typed client object) is left out rather than thrown on.
  let text = dump(subject, { lineWidth: -1, noRefs: true, skipInvalid: true });
  if (folded > 0) text = text.replace(`\n  managedFields: ${FOLD_SENTINEL}\n`, `\n  # ${managedFieldsMarker(folded)}\n`);
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return { text, lines, foldedManagedFields: folded };
}

/** The name `w` suggests for the file: namespace_name.yaml, with anything but [A-Za-z0-9._-] made "_". */
export function podYamlFileName(namespace: string, name: string): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
  return `${safe(namespace)}_${safe(name)}.yaml`;
}
