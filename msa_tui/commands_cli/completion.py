"""`msa-tui completion bash|zsh|fish`: a completion script, generated from the parser itself.

The nouns, verbs and options come from `cli.build_parser()`, so a new command completes the
day it is added; the scripts are static (no msa-tui call at each Tab).
"""

from __future__ import annotations

import argparse

NAME = "completion"
HELP = "script de complétion pour bash, zsh ou fish"
DESCRIPTION = (
    "Affiche un script de complétion des commandes et options. Par exemple :\n"
    "  bash : msa-tui completion bash > ~/.local/share/bash-completion/completions/msa-tui\n"
    "  zsh  : msa-tui completion zsh > \"${fpath[1]}/_msa-tui\"\n"
    "  fish : msa-tui completion fish > ~/.config/fish/completions/msa-tui.fish"
)
SHELLS = ("bash", "zsh", "fish")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh ou fish")


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return sorted({flag for action in parser._actions for flag in action.option_strings if flag.startswith("--")})


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def tree() -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """{"": (global options, {noun: []})} and {noun: (its options, {verb: verb options})}."""
    from ..cli import build_parser

    root = build_parser()
    nouns = _subparsers(root)
    out: dict[str, tuple[list[str], dict[str, list[str]]]] = {"": (_options(root), {n: [] for n in nouns})}
    for noun, parser in nouns.items():
        out[noun] = (_options(parser), {verb: _options(p) for verb, p in _subparsers(parser).items()})
    return out


def bash(data: dict[str, tuple[list[str], dict[str, list[str]]]]) -> str:
    cases = []
    for noun, (options, verbs) in data.items():
        if not noun:
            continue
        verb_cases = "".join(f"                {verb}) words=\"{' '.join(opts)}\" ;;\n" for verb, opts in verbs.items())
        cases.append(
            f"        {noun})\n"
            f"            words=\"{' '.join([*verbs, *options])}\"\n"
            f"            case \"$verb\" in\n{verb_cases}            esac ;;\n")
    globals_, nouns = data[""]
    return (
        "# msa-tui completion for bash\n"
        "_msa_tui() {\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} noun=\"\" verb=\"\" words i\n"
        "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "        case ${COMP_WORDS[i]} in -*) ;; *) if [[ -z $noun ]]; then noun=${COMP_WORDS[i]};"
        " elif [[ -z $verb ]]; then verb=${COMP_WORDS[i]}; fi ;; esac\n"
        "    done\n"
        f"    words=\"{' '.join([*nouns, *globals_])}\"\n"
        "    case \"$noun\" in\n" + "".join(cases) + "    esac\n"
        "    case \"$noun:${COMP_WORDS[COMP_CWORD-1]}\" in\n"
        "        send-document:*|*:-o|*:--output|*:--manifest|*:--body-file|*:--config)\n"
        "            COMPREPLY=($(compgen -f -W \"$words\" -- \"$cur\")) ;;\n"
        "        *) COMPREPLY=($(compgen -W \"$words\" -- \"$cur\")) ;;\n"
        "    esac\n"
        "}\n"
        "complete -o filenames -F _msa_tui msa-tui\n"
    )


def zsh(data: dict[str, tuple[list[str], dict[str, list[str]]]]) -> str:
    # zsh runs bash completion functions through bashcompinit: one generator, two shells.
    return "#compdef msa-tui\nautoload -U +X bashcompinit && bashcompinit\n" + bash(data)


def fish(data: dict[str, tuple[list[str], dict[str, list[str]]]]) -> str:
    globals_, nouns = data[""]
    lines = ["# msa-tui completion for fish", "complete -c msa-tui -f"]
    noun_list = " ".join(nouns)
    lines.append(f"complete -c msa-tui -n 'not __fish_seen_subcommand_from {noun_list}' -a '{noun_list}'")
    lines += [f"complete -c msa-tui -l {flag[2:]}" for flag in globals_]
    for noun, (options, verbs) in data.items():
        if not noun:
            continue
        if verbs:
            verb_list = " ".join(verbs)
            lines.append(f"complete -c msa-tui -n '__fish_seen_subcommand_from {noun}; and not "
                         f"__fish_seen_subcommand_from {verb_list}' -a '{verb_list}'")
            for verb, opts in verbs.items():
                lines += [f"complete -c msa-tui -n '__fish_seen_subcommand_from {noun}; and "
                          f"__fish_seen_subcommand_from {verb}' -l {flag[2:]}" for flag in opts]
        lines += [f"complete -c msa-tui -n '__fish_seen_subcommand_from {noun}' -l {flag[2:]}" for flag in options]
    lines.append("complete -c msa-tui -n '__fish_seen_subcommand_from send-document' -F")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    print({"bash": bash, "zsh": zsh, "fish": fish}[args.shell](tree()), end="")
    return 0
