// C shim for ncursesw (Docs: /work/shared/NCURSES.md).
//
// The wide API is only declared with these feature macros set before any include. (Text width is
// not asked of wcwidth: StrataTUI's TextWidth answers from its own table, whatever the locale.)
// Macros and globals that Swift cannot import (attributes, stdscr, COLORS, getmaxyx) are wrapped
// in static inline functions; stateful pieces (signal flag, saved termios, crash handler) live
// in shim.c.
#pragma once

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdint.h>
#include <stddef.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: - Attributes (macros in curses.h)

static inline attr_t strata_attr_normal(void) { return A_NORMAL; }
static inline attr_t strata_attr_bold(void) { return A_BOLD; }
static inline attr_t strata_attr_dim(void) { return A_DIM; }
static inline attr_t strata_attr_reverse(void) { return A_REVERSE; }
static inline attr_t strata_attr_underline(void) { return A_UNDERLINE; }

// MARK: - Globals (shared mutable state to Swift's strict concurrency)

static inline WINDOW *strata_stdscr(void) { return stdscr; }
static inline WINDOW *strata_curscr(void) { return curscr; }
static inline int strata_colors(void) { return COLORS; }
static inline int strata_color_pairs(void) { return COLOR_PAIRS; }
static inline void strata_getmaxyx(WINDOW *window, int *rows, int *columns) {
    int y, x;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}

// MARK: - Cells

/// Writes one cell: up to 5 code points (base + combining), attributes and colour pair.
/// Returns ERR/OK from mvwadd_wch (ERR is expected at the bottom-right corner).
static inline int strata_put_cell(WINDOW *window, int y, int x, const uint32_t *codePoints,
                                  int count, attr_t attributes, short pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)codePoints[i];
    text[n] = 0;
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

// MARK: - Quit signals (SIGINT, SIGTERM, SIGHUP)

/// Installs flag-setting handlers for SIGINT, SIGTERM and SIGHUP (without SA_RESTART, so a
/// blocking read returns). Call before initscr/newterm so ncurses keeps its hands off them.
/// Returns 0 on success, -1 on failure. Idempotent.
int strata_install_quit_handlers(void);

/// Restores the handlers that were in place before strata_install_quit_handlers. Idempotent.
void strata_restore_quit_handlers(void);

/// The first quit signal received since the last clear (0 when none). Async-signal-safe flag.
int strata_pending_quit_signal(void);

/// Forgets a received quit signal.
void strata_clear_pending_quit_signal(void);

/// Sets the pending flag as if `signal` had arrived (for tests and for forwarding).
void strata_record_quit_signal(int signal);

// MARK: - Crash cleanup

/// Saves the termios of `fd` (the terminal's shell modes) for the crash handler. Returns 0 on success.
int strata_save_terminal_modes(int fd);

/// Reads sgr0, cnorm and rmcup with tigetstr (needs a loaded terminal, i.e. after newterm) and
/// keeps them for the crash handler.
void strata_capture_restore_sequence(void);

/// Number of bytes of the captured restore sequence (for tests and diagnostics).
size_t strata_restore_sequence_length(void);

/// Installs the crash handler for SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS and SIGFPE. It writes
/// the restore sequence to `fd` and restores the saved termios; for the process's own fault it
/// then runs the previous handler (Swift's crash report); finally it re-raises the signal with
/// its default action, so the process always ends by that signal (status 128 + n in a shell).
/// Only async-signal-safe calls. Idempotent.
void strata_install_crash_handlers(int fd);

/// Puts back the handlers that were in place before strata_install_crash_handlers. Idempotent.
void strata_restore_crash_handlers(void);

// MARK: - Mouse reporting

/// Keeps the bytes that switch mouse reporting off (`off`) and on again (`on`), at most 63
/// each: the crash handler writes `off` after the restore sequence, and a SIGTSTP wrapper
/// around ncurses' own suspend handler writes `off` before the process stops (Ctrl-Z) and
/// `on` once it continues — ncurses does not know about modes it did not set. Wraps only a
/// handler function (ncurses installs one at newterm when SIGTSTP was default). Call after
/// strata_capture_restore_sequence; `on` NULL or "" forgets both. Idempotent.
void strata_set_mouse_sequences(const char *off, const char *on);

/// Writes `bytes` to stdout's descriptor at once, after flushing what stdio (ncurses) buffered.
void strata_write_now(const char *bytes);

/// Removes the SIGTSTP wrapper (the wrapped handler goes back) and forgets the sequences.
void strata_clear_mouse_sequences(void);

// MARK: - Terminfo

/// The terminfo string capability `name` of the loaded terminal (after newterm), or NULL when
/// the terminal has none.
const char *strata_terminfo_string(const char *name);

// MARK: - Screen setup

/// newterm on the process's stdout/stdin (the `stdout` global is not concurrency-safe in Swift).
/// Returns NULL instead of exiting when the terminal type is unknown.
static inline SCREEN *strata_newterm(const char *type) { return newterm(type, stdout, stdin); }
