internal import CKernsatzICU

/// What a progress line needs to fit a terminal: its width, and the columns text takes on it.
public enum Terminal {
    /// The width in columns of the terminal on `fileDescriptor` (ioctl TIOCGWINSZ), or nil when
    /// it is not a terminal or the terminal does not say.
    public static func columns(fileDescriptor: Int32) -> Int? {
        let columns = Int(ks_terminal_columns(fileDescriptor))
        return columns > 0 ? columns : nil
    }

    /// The columns `character` takes: two when it is wide or fullwidth (ICU's East Asian Width:
    /// CJK, most emoji), one otherwise (combining marks ride along in the character).
    ///
    ///     Terminal.width("a")    // 1
    ///     Terminal.width("東")   // 2
    public static func width(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return first.isASCII ? 1 : ks_is_wide(first.value) != 0 ? 2 : 1
    }

    /// The columns `text` takes.
    public static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }
}
