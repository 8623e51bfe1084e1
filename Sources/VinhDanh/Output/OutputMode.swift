/// How a build's output folder is brought up to date (see ``OutputUpdate``).
public enum OutputMode: Sendable, Equatable {
    /// The folder is kept and updated through a spare beside it, swapped in when done
    /// (`build`, `serve`): only what changed is written.
    case inPlace
    /// The folder must not exist yet. It is written whole under a hidden name beside it,
    /// files equal to those of the folder `linkingFrom` hard-linked, then renamed into
    /// place (`publish`: a release shares its unchanged files with the previous one).
    case newFolder(linkingFrom: String?)
}
