// Completion scripts for typing `kubectl-podview` directly. Each asks the binary itself
// (`kubectl-podview __complete WORDS...`, the same protocol kubectl uses for plugins), so the
// scripts stay tiny and never go stale.
import type { ShellName } from '../commandTypes.ts';

const BASH = `# bash completion for kubectl-podview
# source <(kubectl-podview completion bash)
_kubectl_podview() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local out directive
  out=$(kubectl-podview __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return 0
  directive="\${out##*:}"
  out="\${out%:*}"
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$out" -- "$cur"))
  if [[ \${#COMPREPLY[@]} -eq 0 && $(( directive & 4 )) -eq 0 ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
  return 0
}
complete -F _kubectl_podview kubectl-podview
`;

const ZSH = `#compdef kubectl-podview
# source <(kubectl-podview completion zsh)
_kubectl_podview() {
  local -a lines candidates
  local directive
  lines=("\${(@f)$(kubectl-podview __complete "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}")
  directive="\${lines[-1]#:}"
  candidates=("\${(@)lines[1,-2]}")
  if (( \${#candidates} )); then
    compadd -- "\${candidates[@]}"
  elif (( (directive & 4) == 0 )); then
    _files
  fi
}
compdef _kubectl_podview kubectl-podview
`;

const FISH = `# fish completion for kubectl-podview
# kubectl-podview completion fish | source
function __kubectl_podview_complete
    set -l args (commandline -opc)
    set -e args[1]
    set -l out (kubectl-podview __complete $args (commandline -ct) 2>/dev/null)
    set -e out[-1]
    printf '%s\\n' $out
end
complete -c kubectl-podview -f -a '(__kubectl_podview_complete)'
`;

export function completionScript(shell: ShellName): string {
  return shell === 'bash' ? BASH : shell === 'zsh' ? ZSH : FISH;
}
