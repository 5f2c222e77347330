// Completion scripts for typing `kubectl-podview` directly. Each asks the binary itself
// (`kubectl-podview __complete WORDS...`, the same protocol kubectl uses for plugins), so the
// scripts stay tiny and never go stale.
import type { ShellName } from '../commandTypes.ts';

// The candidates are text a cluster or a shared kubeconfig controls (Pod, namespace and context
// names): every script hands them to the shell as literal strings. bash's `compgen -W` would
// expand $(...) and backticks in them, so bash matches the prefix itself and inserts each
// candidate quoted with %q; zsh's compadd and fish quote what they insert. The directive is
// checked to be a number before any arithmetic sees it.
const BASH = `# bash completion for kubectl-podview
# source <(kubectl-podview completion bash)
_kubectl_podview() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local out directive line quoted
  out=$(kubectl-podview __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null) || return 0
  directive="\${out##*:}"
  [[ $directive =~ ^[0-9]+$ ]] || directive=0
  out="\${out%:*}"
  COMPREPLY=()
  while IFS= read -r line; do
    if [[ -n $line && $line == "$cur"* ]]; then
      printf -v quoted '%q' "$line"
      COMPREPLY+=("$quoted")
    fi
  done <<< "$out"
  if [[ \${#COMPREPLY[@]} -eq 0 && $(( directive & 4 )) -eq 0 ]]; then
    local IFS=$'\\n'
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
  [[ $directive == <-> ]] || directive=0
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
