// Everything Swift needs from ncursesw that it cannot import directly:
// the wide-character API (hidden unless NCURSES_WIDECHAR is set), C globals
// (Swift 6 rejects references to them), attribute macros and lvalue macros.
#ifndef DESCENT_CNCURSESW_SHIM_H
#define DESCENT_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_LINES(void) { return LINES; }
static inline int shim_COLS(void) { return COLS; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }

static const attr_t SHIM_A_NORMAL = A_NORMAL;
static const attr_t SHIM_A_BOLD = A_BOLD;
static const attr_t SHIM_A_DIM = A_DIM;
static const attr_t SHIM_A_REVERSE = A_REVERSE;
static const attr_t SHIM_A_UNDERLINE = A_UNDERLINE;

static inline int shim_KEY_F(int n) { return KEY_F(n); }

static const mmask_t SHIM_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t SHIM_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t SHIM_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t SHIM_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t SHIM_MOUSE_EVENTS = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;

// Colour pairs above 255 only survive when passed as an int through `opts`.
static inline int shim_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, 0, &pair);
}

static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

static inline FILE *shim_open_stdout(void) { return fdopen(1, "w"); }
static inline FILE *shim_open_stdin(void) { return fdopen(0, "r"); }

extern int wcwidth(wchar_t c);

#endif
