// CKernsatzICU — a thin C shim over ICU (icu-uc, icu-i18n).
//
// Every symbol carries the `ks_` prefix. ICU's headers are included only in the .c file, so ICU's
// version-suffixed names (ubrk_open_72, …) never reach Swift. Strings are UTF-16 (`uint16_t`,
// ICU's UChar). Every call that can fail takes `int32_t *status`, an ICU UErrorCode: 0 is success,
// negative values are warnings, positive values are errors (`ks_error_name` spells them).
#pragma once

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: errors and version

const char *ks_error_name(int32_t status);
int32_t ks_is_failure(int32_t status);
/// Writes ICU's version ("72.1") into `buffer` (at least 32 bytes).
void ks_icu_version(char *buffer, int32_t capacity);

// MARK: break iteration

typedef enum {
    KS_BREAK_CHARACTER = 0,
    KS_BREAK_WORD = 1,
    KS_BREAK_LINE = 2,
    KS_BREAK_SENTENCE = 3,
} ks_break_kind;

typedef struct ks_break ks_break;

ks_break *ks_break_open(ks_break_kind kind, const char *locale, int32_t *status);
/// Opens an iterator from ICU break rules (the syntax of ICU's `.txt` rule files).
/// On a syntax error, `parse_line` and `parse_offset` say where.
ks_break *ks_break_open_rules(const uint16_t *rules, int32_t rules_length,
                              int32_t *parse_line, int32_t *parse_offset, int32_t *status);
ks_break *ks_break_clone(const ks_break *iterator, int32_t *status);
void ks_break_close(ks_break *iterator);
/// The text is not copied: it must stay alive and unchanged while the iterator walks it.
void ks_break_set_text(ks_break *iterator, const uint16_t *text, int32_t length, int32_t *status);
int32_t ks_break_first(ks_break *iterator);
/// The next boundary, or -1 when there is none.
int32_t ks_break_next(ks_break *iterator);
int32_t ks_break_rule_status(ks_break *iterator);
/// Fills `boundaries` with every boundary after the first (0); returns how many there are,
/// which may exceed `capacity` (then only `capacity` were written).
int32_t ks_break_all(ks_break *iterator, int32_t *boundaries, int32_t *statuses, int32_t capacity);
/// Walks the whole text from its start and returns how many boundaries after the first (0) have
/// a rule status of at least `min_status` (UBRK_WORD_NONE_LIMIT, 100, counts a word iterator's words).
int32_t ks_break_count_status(ks_break *iterator, int32_t min_status);

// MARK: normalization

typedef enum {
    KS_NORM_NFC = 0,
    KS_NORM_NFD = 1,
    KS_NORM_NFKC = 2,
    KS_NORM_NFKD = 3,
    KS_NORM_NFKC_CASEFOLD = 4,
} ks_norm_form;

/// ICU owns the returned normalizer: it is never closed and may be shared between threads.
const void *ks_norm_instance(ks_norm_form form, int32_t *status);
/// Returns the length of the normalized text, which may exceed `capacity` (then status says so).
int32_t ks_norm_normalize(const void *normalizer, const uint16_t *source, int32_t length,
                          uint16_t *destination, int32_t capacity, int32_t *status);
/// Length of the prefix of `source` that is certainly already normalized.
int32_t ks_norm_span_quick_check_yes(const void *normalizer, const uint16_t *source, int32_t length,
                                     int32_t *status);
int32_t ks_norm_has_boundary_before(const void *normalizer, uint32_t code_point);

// MARK: transliteration

typedef struct ks_translit ks_translit;

ks_translit *ks_translit_open(const uint16_t *id, int32_t id_length, int32_t reverse,
                              int32_t *status);
void ks_translit_close(ks_translit *transliterator);
/// Transliterates `buffer[0..<*length]` in place; `*length` is updated. Returns the length the
/// result needs, which may exceed `capacity` (then status says so and nothing is usable).
int32_t ks_translit_transliterate(ks_translit *transliterator, uint16_t *buffer, int32_t *length,
                                  int32_t capacity, int32_t *status);
/// Number of transform IDs ICU knows, and the i-th one (UTF-8, into `buffer`).
int32_t ks_translit_count_ids(void);
int32_t ks_translit_id(int32_t index, char *buffer, int32_t capacity);

// MARK: charset detection and conversion

typedef struct ks_csdet_match {
    char name[64];
    char language[16];
    int32_t confidence;
} ks_csdet_match;

/// Detects the charset of `bytes`; fills up to `capacity` matches, best first; returns how many.
int32_t ks_csdet_detect(const char *bytes, int32_t length, ks_csdet_match *matches, int32_t capacity,
                        int32_t *status);

typedef struct ks_converter ks_converter;

/// Opens a converter by any ICU alias ("windows-1252", "ISO-8859-15", "Shift_JIS", …).
/// With `stop_on_invalid`, an unmappable or malformed byte is an error instead of U+FFFD.
ks_converter *ks_converter_open(const char *name, int32_t stop_on_invalid, int32_t *status);
void ks_converter_close(ks_converter *converter);
/// Converts bytes to UTF-16. Returns the needed length (may exceed `capacity`).
/// On an invalid byte (with `stop_on_invalid`), `*error_offset` is set to the byte offset.
int32_t ks_converter_to_uchars(ks_converter *converter, const char *bytes, int32_t length,
                               uint16_t *destination, int32_t capacity, int32_t *error_offset,
                               int32_t *status);
/// The canonical name ICU uses for `name` ("utf8" → "UTF-8", "latin1" → "ISO-8859-1"), or NULL
/// when ICU's alias table has no such name. ICU owns the string.
const char *ks_converter_canonical_name(const char *name, int32_t *status);

// MARK: UTF-8 and UTF-16

/// UTF-16 → UTF-8 into `dest` (at least 3 bytes per unit); a lone surrogate becomes U+FFFD.
/// Returns the bytes written.
int32_t ks_utf16_to_utf8(const uint16_t *source, int32_t length, uint8_t *dest, int32_t capacity, int32_t *status);
/// Well-formed UTF-8 → UTF-16 into `dest` (at least 1 unit per byte); an ill-formed sequence is
/// an error (U_INVALID_CHAR_FOUND). Returns the units written.
int32_t ks_utf8_to_utf16(const uint8_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: case mapping

typedef enum {
    KS_CASE_LOWER = 0,
    KS_CASE_UPPER = 1,
    KS_CASE_TITLE = 2,
    KS_CASE_FOLD = 3,
} ks_case;

int32_t ks_case_map(ks_case mapping, const char *locale, const uint16_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: locale data

/// ISO 3166 country codes and ISO 639 language codes that ICU knows.
int32_t ks_locale_iso_country_count(void);
const char *ks_locale_iso_country(int32_t index);
int32_t ks_locale_iso_language_count(void);
const char *ks_locale_iso_language(int32_t index);
/// The name of `locale`'s country (or language) in `display_locale`. Returns the needed length.
int32_t ks_locale_display_country(const char *locale, const char *display_locale,
                                  uint16_t *destination, int32_t capacity, int32_t *status);
int32_t ks_locale_display_language(const char *locale, const char *display_locale,
                                   uint16_t *destination, int32_t capacity, int32_t *status);
/// 1 when the locale's script is written right to left (ar, he, fa, ur, …), 0 otherwise.
int32_t ks_locale_is_right_to_left(const char *locale);

typedef enum {
    KS_MONTHS_WIDE = 0,
    KS_MONTHS_ABBREVIATED = 1,
    KS_MONTHS_STANDALONE_WIDE = 2,
    KS_MONTHS_STANDALONE_ABBREVIATED = 3,
    KS_WEEKDAYS_WIDE = 4,
    KS_WEEKDAYS_ABBREVIATED = 5,
} ks_date_symbols;

/// Writes the `index`-th date symbol of `kind` for `locale`; returns its length, or -1 when
/// there is no such symbol. Months are indexed 0–11, weekdays 1–7.
int32_t ks_date_symbol(const char *locale, ks_date_symbols kind, int32_t index,
                       uint16_t *destination, int32_t capacity, int32_t *status);

// Time zone exemplar cities (a city gazetteer).

/// Writes the canonical location time zone IDs ("Europe/Vienna"), each followed by '\n'; returns
/// the length needed (U_BUFFER_OVERFLOW_ERROR when `capacity` is smaller).
int32_t ks_tz_location_zones(char *destination, int32_t capacity, int32_t *status);

typedef struct ks_tz_cities ks_tz_cities;

/// Opens what names exemplar cities in `locale`: one date format and one calendar, reused for
/// every zone (opening a date format per zone cost more than all the rest of the lookup).
ks_tz_cities *ks_tz_cities_open(const char *locale, int32_t *status);
void ks_tz_cities_close(ks_tz_cities *cities);
/// Writes the localized exemplar city of a time zone ("Wien" for Europe/Vienna in "de"); returns
/// the needed length (may exceed `capacity`, then status says so).
int32_t ks_tz_cities_city(ks_tz_cities *cities, const uint16_t *zone, int32_t zone_length,
                          uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: number formatting

/// Decimal (0) or grouping (1) separator of `locale` ("," and "." for de). Returns the length.
int32_t ks_number_symbol(const char *locale, int32_t which, uint16_t *destination, int32_t capacity,
                         int32_t *status);

typedef struct ks_numfmt ks_numfmt;

/// Opens a formatter from an ICU number skeleton ("compact-long", "percent", "currency/EUR", …).
ks_numfmt *ks_numfmt_open(const uint16_t *skeleton, int32_t skeleton_length, const char *locale,
                          int32_t *status);
void ks_numfmt_close(ks_numfmt *format);
/// Formats `value`; returns the needed length (may exceed `capacity`, then status says so).
int32_t ks_numfmt_format_double(ks_numfmt *format, double value, uint16_t *destination, int32_t capacity,
                                int32_t *status);

// MARK: date formatting

typedef struct ks_datefmt ks_datefmt;

/// Opens a formatter for the best pattern of a date skeleton ("yMd", "yMMMMd") in `locale`,
/// on the Gregorian calendar in UTC.
ks_datefmt *ks_datefmt_open(const uint16_t *skeleton, int32_t skeleton_length, const char *locale,
                            int32_t *status);
void ks_datefmt_close(ks_datefmt *format);
/// The pattern the skeleton resolved to ("M/d/y" for yMd in en). Returns the needed length.
int32_t ks_datefmt_pattern(ks_datefmt *format, uint16_t *destination, int32_t capacity, int32_t *status);
/// Formats the day `year`-`month`-`day` (month 1–12); returns the needed length.
int32_t ks_datefmt_format(ks_datefmt *format, int32_t year, int32_t month, int32_t day,
                          uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: terminal (not ICU: the ioctl that Swift cannot call without naming a pointer type)

/// The width in columns of the terminal on `fd` (ioctl TIOCGWINSZ), or 0 when `fd` is not a
/// terminal or the terminal does not say.
int32_t ks_terminal_columns(int32_t fd);
/// Whether `code_point` takes two columns on a terminal (East Asian Width wide or fullwidth).
int32_t ks_is_wide(uint32_t code_point);

/// Gives the memory the C heap holds free back to the system (glibc's malloc_trim; elsewhere nothing).
/// Not ICU either: like the ioctl above, a libc call Swift cannot reach.
void ks_release_free_memory(void);

/// Fixes glibc's mmap threshold at its default of 128 KiB, which turns off its raising (up to
/// 32 MiB) each time a large block is freed (elsewhere nothing).
void ks_fix_mmap_threshold(void);

#ifdef __cplusplus
}
#endif
