// Stateful half of the ncursesw shim: the quit-signal flag, saved terminal modes and the crash
// handler. Everything reachable from a signal handler is async-signal-safe (write, tcsetattr,
// sigaction, raise) and uses only data prepared before the handler was installed.
#include "CNcursesw.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/term.h>

// MARK: - Quit signals

static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP };
enum { quit_signal_count = sizeof quit_signals / sizeof quit_signals[0] };
static struct sigaction previous_quit_actions[quit_signal_count];
static int quit_handlers_installed = 0;
static volatile sig_atomic_t pending_quit_signal = 0;

static void record_quit_signal(int signal_number) {
    if (pending_quit_signal == 0) pending_quit_signal = signal_number;
}

int strata_install_quit_handlers(void) {
    if (quit_handlers_installed) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_quit_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read in get_wch returns early
    for (int i = 0; i < quit_signal_count; i++) {
        if (sigaction(quit_signals[i], &action, &previous_quit_actions[i]) != 0) {
            for (int j = 0; j < i; j++) sigaction(quit_signals[j], &previous_quit_actions[j], NULL);
            return -1;
        }
    }
    quit_handlers_installed = 1;
    return 0;
}

void strata_restore_quit_handlers(void) {
    if (!quit_handlers_installed) return;
    for (int i = 0; i < quit_signal_count; i++) {
        sigaction(quit_signals[i], &previous_quit_actions[i], NULL);
    }
    quit_handlers_installed = 0;
}

int strata_pending_quit_signal(void) { return (int)pending_quit_signal; }
void strata_clear_pending_quit_signal(void) { pending_quit_signal = 0; }
void strata_record_quit_signal(int signal_number) { record_quit_signal(signal_number); }

// MARK: - Crash cleanup

static const int crash_signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
enum { crash_signal_count = sizeof crash_signals / sizeof crash_signals[0] };
static struct sigaction previous_crash_actions[crash_signal_count];
static int crash_handlers_installed = 0;
static int crash_output_fd = STDOUT_FILENO;

static struct termios saved_modes;
static int saved_modes_fd = -1;

static char restore_sequence[512];
static size_t restore_sequence_length = 0;

int strata_save_terminal_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_modes_fd = fd;
    return 0;
}

static void append_capability(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return;
    size_t length = strlen(value);
    if (restore_sequence_length + length > sizeof restore_sequence) return;
    memcpy(restore_sequence + restore_sequence_length, value, length);
    restore_sequence_length += length;
}

void strata_capture_restore_sequence(void) {
    restore_sequence_length = 0;
    append_capability("sgr0");
    append_capability("cnorm");
    append_capability("rmcup");
}

size_t strata_restore_sequence_length(void) { return restore_sequence_length; }

// Whether the signal is this process's own fault (kernel-generated, or raised by the process
// itself as abort() and Swift traps do) rather than sent by another process with kill(1).
static int is_own_fault(const siginfo_t *info) {
    if (info == NULL) return 1;
    return info->si_code > 0 || info->si_pid == getpid();
}

// Runs the handler that was installed before ours (Swift's crash reporter), if it is a function.
static void run_previous_handler(int index, int signal_number, siginfo_t *info, void *context) {
    const struct sigaction *previous = &previous_crash_actions[index];
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction != NULL) previous->sa_sigaction(signal_number, info, context);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN && previous->sa_handler != NULL) {
        previous->sa_handler(signal_number);
    }
}

static void handle_crash(int signal_number, siginfo_t *info, void *context) {
    if (restore_sequence_length > 0) {
        ssize_t ignored = write(crash_output_fd, restore_sequence, restore_sequence_length);
        (void)ignored;
    }
    if (saved_modes_fd >= 0) tcsetattr(saved_modes_fd, TCSANOW, &saved_modes);
    // A real crash first gets the previous handler's report on the restored screen. That
    // handler may return (Swift's does: it expects a fault to recur, which a kill -SEGV or a
    // re-raised abort never does), so the process is then ended here in every case.
    for (int i = 0; i < crash_signal_count; i++) {
        if (crash_signals[i] == signal_number) {
            if (is_own_fault(info)) run_previous_handler(i, signal_number, info, context);
            break;
        }
    }
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(signal_number, &default_action, NULL);
    sigset_t unblocked;
    sigemptyset(&unblocked);
    sigaddset(&unblocked, signal_number);
    sigprocmask(SIG_UNBLOCK, &unblocked, NULL);
    raise(signal_number);
    // Unreachable unless the signal's default action is to continue (none of these).
    _exit(128 + signal_number);
}

void strata_install_crash_handlers(int fd) {
    if (crash_handlers_installed) return;
    crash_output_fd = fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handle_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO;
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &action, &previous_crash_actions[i]);
    }
    crash_handlers_installed = 1;
}

void strata_restore_crash_handlers(void) {
    if (!crash_handlers_installed) return;
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &previous_crash_actions[i], NULL);
    }
    crash_handlers_installed = 0;
}

// MARK: - Mouse reporting

static char mouse_off[64], mouse_on[64];
static size_t mouse_off_length = 0, mouse_on_length = 0;
static struct sigaction wrapped_tstp_action;
static int tstp_wrapper_installed = 0;

static void write_all(const char *bytes, size_t length) {
    if (length == 0) return;
    ssize_t ignored = write(crash_output_fd, bytes, length);
    (void)ignored;
}

// Ctrl-Z: mouse off for the shell, then ncurses' handler (endwin, stop, and on SIGCONT the
// repaint; it returns only then), then mouse on again for the explorer.
static void handle_tstp(int signal_number) {
    write_all(mouse_off, mouse_off_length);
    if (wrapped_tstp_action.sa_flags & SA_SIGINFO) {
        if (wrapped_tstp_action.sa_sigaction != NULL) wrapped_tstp_action.sa_sigaction(signal_number, NULL, NULL);
    } else if (wrapped_tstp_action.sa_handler != SIG_DFL && wrapped_tstp_action.sa_handler != SIG_IGN
               && wrapped_tstp_action.sa_handler != NULL) {
        wrapped_tstp_action.sa_handler(signal_number);
    }
    write_all(mouse_on, mouse_on_length);
}

static size_t copy_sequence(char *target, size_t capacity, const char *source) {
    if (source == NULL) return 0;
    size_t length = strlen(source);
    if (length >= capacity) return 0;
    memcpy(target, source, length);
    return length;
}

void strata_set_mouse_sequences(const char *off, const char *on) {
    strata_clear_mouse_sequences();
    mouse_off_length = copy_sequence(mouse_off, sizeof mouse_off, off);
    mouse_on_length = copy_sequence(mouse_on, sizeof mouse_on, on);
    if (mouse_off_length == 0) return;
    if (restore_sequence_length + mouse_off_length <= sizeof restore_sequence) {
        memcpy(restore_sequence + restore_sequence_length, mouse_off, mouse_off_length);
        restore_sequence_length += mouse_off_length;
    }
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return;
    int is_function = (current.sa_flags & SA_SIGINFO) ? current.sa_sigaction != NULL
        : (current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN && current.sa_handler != NULL);
    if (!is_function) return;   // no ncurses handler: Ctrl-Z stops the process as it is
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handle_tstp;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGTSTP, &action, &wrapped_tstp_action) == 0) tstp_wrapper_installed = 1;
}

void strata_write_now(const char *bytes) {
    fflush(stdout);
    size_t length = strlen(bytes), offset = 0;
    while (offset < length) {
        ssize_t written = write(STDOUT_FILENO, bytes + offset, length - offset);
        if (written <= 0) return;
        offset += (size_t)written;
    }
}

void strata_clear_mouse_sequences(void) {
    if (tstp_wrapper_installed) {
        sigaction(SIGTSTP, &wrapped_tstp_action, NULL);
        tstp_wrapper_installed = 0;
    }
    mouse_off_length = 0;
    mouse_on_length = 0;
}

// MARK: - Terminfo

const char *strata_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}
