import StrataCore

/// The first ten seconds (issue 13, item 4): bare `strata` starts the demo playing at a
/// readable speed with a hint of the keys that matter, and quitting with decisions that no
/// session keeps asks once.
extension ExplorerState {
    /// The speed bare `strata` plays the demo at: cleo's drift alert comes about 40 s in.
    public static let welcomeSpeed = 100

    /// The one-line hint shown while the first seconds play (8 s, then it fades).
    public static let welcomeHint = "space pause · ? every key · a/r accept/reject · n next drift alert · q quit"

    /// Starts playing at `eventsPerSecond` (a step of the speed ladder) with the key hint.
    public mutating func startWelcome(eventsPerSecond: Int = ExplorerState.welcomeSpeed) {
        if let index = PlaybackSpeed.ladder.firstIndex(of: eventsPerSecond) { speedIndex = index }
        isPlaying = !replayer.isAtEnd
        lastTick = nil
        carry = 0
        notice = Notice(text: Self.welcomeHint, isError: false, expires: nil, duration: 8_000_000_000)
    }

    /// `q`: quits — but the first `q` with decisions that no session keeps says so and waits
    /// for a second one.
    mutating func requestQuit() -> [ExplorerEffect] {
        if configuration.sessionName == nil, decisionCount > 0, !quitWarned {
            quitWarned = true
            let count = decisionCount == 1 ? "1 decision is" : "\(decisionCount) decisions are"
            show(count + " in no session and will be lost: q again quits (--session FILE keeps them)", isError: true)
            return []
        }
        shouldQuit = true
        return [.quit]
    }
}

extension ExplorerState {
    /// `--theme`: the colour theme the explorer opens with.
    public mutating func useTheme(_ theme: ColorTheme) { self.theme = theme }
}
