/// The shell script that keeps a publishing folder, run by `sh` on the server (or on this
/// machine for a local folder): one action per run, named by its first argument.
///
/// It needs only `sh` and the basic tools every Debian has (`mkdir`, `rm`, `readlink`,
/// `cat`, `find`, `wc`, `head`, `ln`, GNU `mv -T`), plus `rsync` and `sha256sum`; and a
/// login shell that runs `sh -c '…'` with newlines in quotes (sh, dash, bash; not csh). Each action prints one line
/// `vinhdanh: …` that the publisher reads; anything else it prints is shown as is.
///
/// - `prepare ROOT OWNER tools|-`: checks the tools (for an upload), makes `ROOT/releases`, takes the lock
///   (`ROOT/.vinhdanh-lock`, holding OWNER), removes uploads a killed publish left, and
///   lists `current NAME` and `release NAME` lines.
/// - `verify ROOT NAME COUNT OWNER`: (only while OWNER holds the lock) checks the upload `releases/.NAME.partial` against the
///   manifest on standard input (`sha256sum -c`) and its file count, then renames it to
///   `releases/NAME`.
/// - `adopt ROOT NAME`: renames `releases/.NAME.partial`, built here, to `releases/NAME`.
/// - `switch ROOT NAME KEEP OWNER`: (only while OWNER holds the lock) points `current` at `releases/NAME` with one rename,
///   deletes the oldest releases beyond KEEP (0: none), and releases the lock.
/// - `discard ROOT NAME OWNER`: removes the upload of NAME (never the current release)
///   and releases the lock.
/// - `unlock ROOT OWNER`: releases the lock, if it is still OWNER's.
enum ReleaseScript {
    static let text = #"""
    set -u
    action=$1; root=$2
    lock="$root/.vinhdanh-lock"
    unlock() {
        if [ "$(cat "$lock/owner" 2>/dev/null)" = "$1" ]; then rm -rf -- "$lock"; fi
    }
    holds() {
        if [ "$(cat "$lock/owner" 2>/dev/null)" != "$1" ]; then echo "vinhdanh: lock lost"; exit 77; fi
    }
    case $action in
    prepare)
        if [ "$4" = tools ]; then
            for tool in rsync sha256sum; do
                if ! command -v "$tool" >/dev/null 2>&1; then echo "vinhdanh: missing $tool"; exit 70; fi
            done
        fi
        if [ -e "$root/current" ] && [ ! -L "$root/current" ]; then echo "vinhdanh: current is not a link"; exit 72; fi
        mkdir -p -- "$root/releases" || { echo "vinhdanh: cannot make releases"; exit 71; }
        if ! err=$(mkdir -- "$lock" 2>&1); then
            if [ -d "$lock" ]; then echo "vinhdanh: locked $(cat "$lock/owner" 2>/dev/null)"; exit 73; fi
            echo "$err" >&2; echo "vinhdanh: cannot lock"; exit 71
        fi
        printf '%s\n' "$3" > "$lock/owner" || { echo "vinhdanh: cannot lock"; exit 71; }
        cd -- "$root/releases" || exit 71
        for d in .*.partial; do if [ -d "$d" ]; then rm -rf -- "$d"; fi; done
        if c=$(readlink -- "$root/current" 2>/dev/null); then echo "current ${c##*/}"; fi
        for d in *; do if [ -d "$d" ] && [ ! -L "$d" ]; then echo "release $d"; fi; done
        echo "vinhdanh: ready"
        ;;
    verify)
        holds "$5"
        cd -- "$root/releases/.$3.partial" || { echo "vinhdanh: upload missing"; exit 74; }
        if ! out=$(sha256sum --quiet -c - 2>&1); then
            echo "vinhdanh: mismatch"; printf '%s\n' "$out" | head -n 5; exit 74
        fi
        n=$(find . -type f | wc -l)
        if [ "$n" -ne "$4" ]; then echo "vinhdanh: count $n"; exit 75; fi
        cd .. && mv -- ".$3.partial" "$3" || { echo "vinhdanh: cannot rename"; exit 71; }
        echo "vinhdanh: verified"
        ;;
    adopt)
        cd -- "$root/releases" && mv -- ".$3.partial" "$3" || { echo "vinhdanh: cannot rename"; exit 71; }
        echo "vinhdanh: verified"
        ;;
    switch)
        holds "$5"
        cd -- "$root" || exit 71
        if [ ! -d "releases/$3" ]; then echo "vinhdanh: no release $3"; exit 76; fi
        ln -s -- "releases/$3" ".current.$$" || { echo "vinhdanh: cannot link"; exit 71; }
        if ! mv -T -- ".current.$$" current; then rm -f -- ".current.$$"; echo "vinhdanh: cannot switch"; exit 71; fi
        echo "vinhdanh: switched"
        if [ "$4" -gt 0 ]; then
            cur=$(readlink current); cur=${cur##*/}
            n=0
            for d in releases/*; do if [ -d "$d" ] && [ "${d#releases/}" != "$cur" ]; then n=$((n + 1)); fi; done
            excess=$((n - $4 + 1))
            for d in releases/*; do
                [ "$excess" -gt 0 ] || break
                if [ -d "$d" ] && [ "${d#releases/}" != "$cur" ]; then rm -rf -- "$d"; excess=$((excess - 1)); fi
            done
        fi
        unlock "$5"
        ;;
    discard)
        # The lock is released whatever else fails.
        rm -rf -- "$root/releases/.$3.partial"
        cur=$(readlink -- "$root/current" 2>/dev/null); cur=${cur##*/}
        if [ -d "$root/releases/$3" ] && [ "$3" != "$cur" ]; then rm -rf -- "$root/releases/$3"; fi
        unlock "$4"
        echo "vinhdanh: discarded"
        ;;
    unlock)
        unlock "$3"
        echo "vinhdanh: unlocked"
        ;;
    esac
    """#

    /// The command line that runs `action` with `arguments` through a remote login shell:
    /// `sh -c '<script>' vinhdanh 'action' 'arg'…`, every word quoted.
    static func commandLine(_ arguments: [String]) -> String {
        (["sh", "-c", quote(text), "vinhdanh"] + arguments.map(quote)).joined(separator: " ")
    }

    /// A word for a POSIX shell: single-quoted, `'` written as `'\''`.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
