// The Pod's YAML (`y`): the object as the API returned it, managedFields folded unless `m`
// shows them, scrolled and searched like the log view, `w` written to a new file. The text
// comes from services.podYaml (cluster reads, model dumps and sanitizes); a read error is one line.
import { saveAndSay } from '../saveText.ts';
import { useEffect, useMemo, useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { managedFieldsMarker, podYamlFileName } from '../../model/podYaml.ts';
import type { PodYamlOutcome } from '../../store/actionRequests.ts';
import type { PodKey } from '../../store/types.ts';
import { sanitize } from '../../text/sanitize.ts';
import { HelpView, type HelpTopic } from '../help/HelpView.tsx';
import { helpKey } from '../help/helpKeys.ts';
import { dispatchKey } from '../keys/keyTable.ts';
import { cutCells, expandTabs, highlight, toPattern } from '../logs/logText.ts';
import type { PodviewServices } from '../services.ts';
import { makeTheme } from '../theme.ts';
import { YAML_KEY_HINT, YAML_KEYS } from './yamlKeys.ts';

const YAML_HELP: HelpTopic = { title: 'YAML', keys: YAML_KEYS };

export interface YamlViewProps {
  pod: PodKey;
  services: Pick<PodviewServices, 'podYaml' | 'saveText'>;
  /** esc: back to where the YAML was opened. */
  onClose(): void;
  /** q or ctrl-c: quit podview. */
  onQuit(): void;
  width: number;
  height: number;
  color: boolean;
}

export function YamlView(props: YamlViewProps) {
  const { pod, services, width, height, color } = props;
  const [managedFields, setManagedFields] = useState(false);
  const [outcome, setOutcome] = useState<PodYamlOutcome | undefined>(undefined);
  const [top, setTop] = useState(0);
  const [prompt, setPrompt] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [hit, setHit] = useState(-1);
  const [message, setMessage] = useState('');
  const [help, setHelp] = useState<number | undefined>(undefined);

  useEffect(() => {
    let current = true;
    services.podYaml({ namespace: pod.namespace, name: pod.name, managedFields }).then(
      (answer) => current && setOutcome(answer),
      (err: unknown) => current && setOutcome({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [services, pod.namespace, pod.name, managedFields]);

  const yaml = outcome?.kind === 'yaml' ? outcome.yaml : undefined;
  const lines = yaml?.lines ?? [];
  const bodyHeight = Math.max(1, height - 2);
  const maxTop = Math.max(0, lines.length - bodyHeight);
  const shownTop = Math.min(top, maxTop);
  const pattern = toPattern(search);
  const hits = useMemo(() => (pattern ? lines.flatMap((line, i) => (pattern.regex.test(line) ? [i] : [])) : []), [lines, search]);
  const currentHit = hits.length === 0 ? -1 : Math.min(hit, hits.length - 1);
  const scrollTo = (line: number) => setTop(Math.max(0, Math.min(maxTop, line)));
  // The hit sits a third of the way down, with the lines above it for context.
  const jumpToHit = (k: number, among = hits) => {
    if (among.length === 0) return;
    const next = ((k % among.length) + among.length) % among.length;
    setHit(next);
    scrollTo(among[next]! - Math.floor(bodyHeight / 3));
  };

  useInput((input, key) => {
    if (prompt !== undefined) {
      if (key.escape) setPrompt(undefined);
      else if (key.return) {
        setSearch(prompt);
        setPrompt(undefined);
        const found = toPattern(prompt);
        const among = found ? lines.flatMap((line, i) => (found.regex.test(line) ? [i] : [])) : [];
        // The first match from the top of the screen on, as a pager finds it.
        const from = among.findIndex((i) => i >= shownTop);
        if (among.length > 0) jumpToHit(Math.max(0, from), among);
        else setHit(-1);
      } else if (key.backspace || key.delete) setPrompt(prompt.slice(0, -1));
      else if (input && !key.ctrl && !key.meta) setPrompt(prompt + input);
      return;
    }
    if (help !== undefined) return helpKey(input, key, setHelp, props.onQuit);
    const action = dispatchKey(YAML_KEYS, input, key);
    if (!action) return;
    setMessage('');
    switch (action.type) {
      case 'back':
        return props.onClose();
      case 'quit':
        return props.onQuit();
      case 'help':
        return setHelp(0);
      case 'scroll':
        return scrollTo(shownTop + action.step * (action.by === 'page' ? bodyHeight : 1));
      case 'top':
        return scrollTo(0);
      case 'bottom':
        return scrollTo(maxTop);
      case 'search':
        return setPrompt(search);
      case 'hit':
        return jumpToHit(action.step === 1 ? currentHit + 1 : currentHit < 0 ? -1 : currentHit - 1);
      case 'managedFields':
        return setManagedFields((v) => !v);
      case 'save': {
        if (!yaml) return setMessage('nothing to save yet');
        return saveAndSay(services.saveText, podYamlFileName(pod.namespace, pod.name), yaml.text, yaml.lines.length, setMessage);
      }
    }
  });

  if (help !== undefined) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <HelpView topic={YAML_HELP} theme={makeTheme(color)} height={height} offset={help} />
      </Box>
    );
  }

  const facts = [`yaml ${sanitize(pod.namespace)}/${sanitize(pod.name)}`];
  if (!outcome) facts.push('reading…');
  if (yaml) {
    facts.push(`${lines.length} lines`);
    facts.push(yaml.foldedManagedFields > 0 ? managedFieldsMarker(yaml.foldedManagedFields) : managedFields ? 'managedFields shown' : 'no managedFields');
    if (lines.length > bodyHeight) facts.push(`${shownTop + 1}-${Math.min(lines.length, shownTop + bodyHeight)}`);
  }
  if (pattern) facts.push(`${currentHit >= 0 ? `${currentHit + 1}/` : ''}${hits.length} matches`);
  const footer = prompt !== undefined ? `/${prompt}▌` : message || YAML_KEY_HINT;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold={color} wrap="truncate-end">
        {facts.join(' · ')}
      </Text>
      <Box flexDirection="column" height={bodyHeight}>
        {outcome?.kind === 'error' ? (
          <Text color={color ? 'red' : undefined} wrap="truncate-end">
            {`yaml: ${sanitize(outcome.message).replace(/\s+/g, ' ')}`}
          </Text>
        ) : (
          lines.slice(shownTop, shownTop + bodyHeight).map((line, r) => (
            <Text key={r} wrap="truncate-end">
              {highlight(cutCells(expandTabs(line), width), pattern?.regex).map((piece, k) =>
                color ? (
                  <Text key={k} inverse={piece.hit}>
                    {piece.text}
                  </Text>
                ) : (
                  <Text key={k}>{piece.hit ? `[${piece.text}]` : piece.text}</Text>
                ),
              )}
            </Text>
          ))
        )}
      </Box>
      <Text dimColor={color} wrap="truncate-end">
        {footer}
      </Text>
    </Box>
  );
}
