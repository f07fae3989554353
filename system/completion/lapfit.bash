# SPDX-License-Identifier: GPL-2.0-or-later
# bash completion for lapfit(1). Edition ids come from `lapfit db list --json`
# (machine output, stable), profile names from the built-in ones and
# /etc/lapfit/profiles.d.

_lapfit_editions()
{
    "$1" db list --json 2>/dev/null | sed -n 's/^ *"id": "\([^"]*\)",\{0,1\}$/\1/p'
}

_lapfit_profiles()
{
    local f names="power-saver balanced performance"
    for f in /etc/lapfit/profiles.d/*.conf; do
        [ -e "$f" ] && f=${f##*/} && names+=" ${f%.conf}"
    done
    printf '%s\n' $names
}

_lapfit()
{
    local cur prev words cword
    _init_completion -s || return

    local cmd="" sub="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=${words[i]}; elif [[ -z $sub ]]; then sub=${words[i]}; fi ;;
        esac
    done

    local source="--root --cpuid-dump --dmidecode --offline --no-upower --anonymize"
    case $prev in
        --root | --state-dir) _filedir -d; return ;;
        --report | -r | --cpuid-dump | --dmidecode | --output | -o | --db) _filedir; return ;;
        --format | -f)
            [[ $cmd == fleet ]] && COMPREPLY=($(compgen -W "csv json" -- "$cur")) ||
                COMPREPLY=($(compgen -W "json csv glpi ocs" -- "$cur"))
            return ;;
        --use) COMPREPLY=($(compgen -W "desktop server kiosk" -- "$cur")); return ;;
        --for) COMPREPLY=($(compgen -W "newcomer experienced expert" -- "$cur")); return ;;
        --profile) COMPREPLY=($(compgen -W "$(_lapfit_profiles)" -- "$cur")); return ;;
        --today | --seconds | --wait | -w | --set | -s | --submit) return ;;
    esac

    local opts
    case $cmd in
        "") COMPREPLY=($(compgen -W "probe recommend check db tune tui export fleet --help --version" -- "$cur")); return ;;
        probe) opts="--json --output --verbose --report $source" ;;
        recommend) opts="--json --use --for --db --today --all --report $source" ;;
        check)
            if [[ $cur != -* && -z $sub ]]; then
                COMPREPLY=($(compgen -W "$(_lapfit_editions "${words[0]}")" -- "$cur"))
                return
            fi
            opts="--json --use --for --db --today --report $source" ;;
        db)
            if [[ -z $sub ]]; then COMPREPLY=($(compgen -W "list show" -- "$cur")); return; fi
            if [[ $sub == show && $cur != -* ]]; then
                COMPREPLY=($(compgen -W "$(_lapfit_editions "${words[0]}")" -- "$cur"))
                return
            fi
            opts="--json --db" ;;
        tune)
            if [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W "status plan apply undo auto install uninstall measure fullcharge" -- "$cur"))
                return
            fi
            if [[ $cur != -* ]]; then
                case $sub in plan | apply | auto | install | measure)
                    COMPREPLY=($(compgen -W "$(_lapfit_profiles)" -- "$cur")); return ;;
                esac
            fi
            opts="--root --state-dir --on-ac --on-battery --force --set --wait --seconds --dry-run --json --verbose" ;;
        tui) opts="--report --db --state-dir --profile --seconds $source" ;;
        export) opts="--format --output --submit --report $source" ;;
        fleet)
            if [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W "import list report diff export" -- "$cur"))
                return
            fi
            [[ $sub == import && $cur != -* ]] && { _filedir; return; }
            opts="--db --json --format --output" ;;
        *) return ;;
    esac
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
    [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
}
complete -F _lapfit lapfit
