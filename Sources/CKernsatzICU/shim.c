// The only file that includes ICU's headers. See include/CKernsatzICU.h for the contract.
#include "CKernsatzICU.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <string.h>
#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/ucal.h>
#include <unicode/ucasemap.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// MARK: errors and version

const char *ks_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

int32_t ks_is_failure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

void ks_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
}

// MARK: break iteration

ks_break *ks_break_open(ks_break_kind kind, const char *locale, int32_t *status) {
    return (ks_break *)ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, (UErrorCode *)status);
}

ks_break *ks_break_open_rules(const uint16_t *rules, int32_t rules_length,
                              int32_t *parse_line, int32_t *parse_offset, int32_t *status) {
    UParseError error;
    memset(&error, 0, sizeof error);
    UBreakIterator *it = ubrk_openRules(rules, rules_length, NULL, 0, &error, (UErrorCode *)status);
    if (parse_line) *parse_line = error.line;
    if (parse_offset) *parse_offset = error.offset;
    return (ks_break *)it;
}

ks_break *ks_break_clone(const ks_break *iterator, int32_t *status) {
    return (ks_break *)ubrk_clone((const UBreakIterator *)iterator, (UErrorCode *)status);
}

void ks_break_close(ks_break *iterator) { ubrk_close((UBreakIterator *)iterator); }

void ks_break_set_text(ks_break *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    ubrk_setText((UBreakIterator *)iterator, text, length, (UErrorCode *)status);
}

int32_t ks_break_first(ks_break *iterator) { return ubrk_first((UBreakIterator *)iterator); }

int32_t ks_break_next(ks_break *iterator) {
    int32_t next = ubrk_next((UBreakIterator *)iterator);
    return next == UBRK_DONE ? -1 : next;
}

int32_t ks_break_rule_status(ks_break *iterator) {
    return ubrk_getRuleStatus((UBreakIterator *)iterator);
}

int32_t ks_break_all(ks_break *iterator, int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UBreakIterator *it = (UBreakIterator *)iterator;
    int32_t count = 0;
    ubrk_first(it);
    for (int32_t b = ubrk_next(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) {
            boundaries[count] = b;
            if (statuses) statuses[count] = ubrk_getRuleStatus(it);
        }
        count++;
    }
    return count;
}

int32_t ks_break_count_status(ks_break *iterator, int32_t min_status) {
    UBreakIterator *it = (UBreakIterator *)iterator;
    int32_t count = 0;
    ubrk_first(it);
    while (ubrk_next(it) != UBRK_DONE) {
        if (ubrk_getRuleStatus(it) >= min_status) count++;
    }
    return count;
}

// MARK: normalization

const void *ks_norm_instance(ks_norm_form form, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    switch (form) {
    case KS_NORM_NFC: return unorm2_getNFCInstance(s);
    case KS_NORM_NFD: return unorm2_getNFDInstance(s);
    case KS_NORM_NFKC: return unorm2_getNFKCInstance(s);
    case KS_NORM_NFKD: return unorm2_getNFKDInstance(s);
    case KS_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(s);
    }
    *s = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
}

int32_t ks_norm_normalize(const void *normalizer, const uint16_t *source, int32_t length,
                          uint16_t *destination, int32_t capacity, int32_t *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, source, length, destination, capacity,
                            (UErrorCode *)status);
}

int32_t ks_norm_span_quick_check_yes(const void *normalizer, const uint16_t *source, int32_t length,
                                     int32_t *status) {
    return unorm2_spanQuickCheckYes((const UNormalizer2 *)normalizer, source, length,
                                    (UErrorCode *)status);
}

int32_t ks_norm_has_boundary_before(const void *normalizer, uint32_t code_point) {
    return unorm2_hasBoundaryBefore((const UNormalizer2 *)normalizer, (UChar32)code_point) ? 1 : 0;
}

// MARK: transliteration

ks_translit *ks_translit_open(const uint16_t *id, int32_t id_length, int32_t reverse,
                              int32_t *status) {
    UParseError error;
    return (ks_translit *)utrans_openU(id, id_length, reverse ? UTRANS_REVERSE : UTRANS_FORWARD,
                                       NULL, 0, &error, (UErrorCode *)status);
}

void ks_translit_close(ks_translit *transliterator) { utrans_close((UTransliterator *)transliterator); }

int32_t ks_translit_transliterate(ks_translit *transliterator, uint16_t *buffer, int32_t *length,
                                  int32_t capacity, int32_t *status) {
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)transliterator, buffer, length, capacity, 0, &limit,
                       (UErrorCode *)status);
    return *length;
}

int32_t ks_translit_count_ids(void) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *ids = utrans_openIDs(&status);
    if (U_FAILURE(status)) return 0;
    int32_t count = uenum_count(ids, &status);
    uenum_close(ids);
    return U_FAILURE(status) ? 0 : count;
}

int32_t ks_translit_id(int32_t index, char *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *ids = utrans_openIDs(&status);
    if (U_FAILURE(status)) return -1;
    const char *id = NULL;
    int32_t length = 0;
    for (int32_t i = 0; i <= index; i++) {
        id = uenum_next(ids, &length, &status);
        if (id == NULL || U_FAILURE(status)) break;
    }
    int32_t result = -1;
    if (id != NULL && U_SUCCESS(status) && length < capacity) {
        memcpy(buffer, id, (size_t)length);
        buffer[length] = 0;
        result = length;
    }
    uenum_close(ids);
    return result;
}

// MARK: charset detection and conversion

int32_t ks_csdet_detect(const char *bytes, int32_t length, ks_csdet_match *matches, int32_t capacity,
                        int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    UCharsetDetector *detector = ucsdet_open(s);
    if (U_FAILURE(*s)) return 0;
    ucsdet_setText(detector, bytes, length, s);
    int32_t found = 0;
    const UCharsetMatch **all = ucsdet_detectAll(detector, &found, s);
    int32_t written = 0;
    for (int32_t i = 0; U_SUCCESS(*s) && all != NULL && i < found && written < capacity; i++) {
        const char *name = ucsdet_getName(all[i], s);
        const char *language = ucsdet_getLanguage(all[i], s);
        if (U_FAILURE(*s)) break;
        ks_csdet_match *m = &matches[written++];
        memset(m, 0, sizeof *m);
        if (name) strncpy(m->name, name, sizeof m->name - 1);
        if (language) strncpy(m->language, language, sizeof m->language - 1);
        m->confidence = ucsdet_getConfidence(all[i], s);
    }
    ucsdet_close(detector);
    return written;
}

ks_converter *ks_converter_open(const char *name, int32_t stop_on_invalid, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    UConverter *converter = ucnv_open(name, s);
    if (U_FAILURE(*s)) return NULL;
    if (*s == U_AMBIGUOUS_ALIAS_WARNING) *s = U_ZERO_ERROR;
    if (stop_on_invalid) {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, s);
    }
    return (ks_converter *)converter;
}

void ks_converter_close(ks_converter *converter) { ucnv_close((UConverter *)converter); }

const char *ks_converter_canonical_name(const char *name, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    // The first alias of a converter is its own name; ICU's alias table owns the string.
    const char *canonical = ucnv_getAlias(name, 0, s);
    if (*s == U_AMBIGUOUS_ALIAS_WARNING) *s = U_ZERO_ERROR;
    return U_FAILURE(*s) ? NULL : canonical;
}

int32_t ks_converter_to_uchars(ks_converter *converter, const char *bytes, int32_t length,
                               uint16_t *destination, int32_t capacity, int32_t *error_offset,
                               int32_t *status) {
    UConverter *cnv = (UConverter *)converter;
    UErrorCode *s = (UErrorCode *)status;
    ucnv_resetToUnicode(cnv);
    const char *source = bytes;
    UChar *target = destination;
    ucnv_toUnicode(cnv, &target, destination + capacity, &source, bytes + length, NULL, 1, s);
    if (*s == U_ILLEGAL_CHAR_FOUND || *s == U_INVALID_CHAR_FOUND || *s == U_TRUNCATED_CHAR_FOUND) {
        char invalid[32];
        int8_t invalid_length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, invalid, &invalid_length, &ignored);
        if (error_offset) *error_offset = (int32_t)(source - bytes) - invalid_length;
    }
    if (*s == U_BUFFER_OVERFLOW_ERROR) {
        // No charset makes more than two UTF-16 units of one byte: ask for room for the rest.
        return capacity + (int32_t)((bytes + length) - source) * 2 + 16;
    }
    return (int32_t)(target - destination);
}

// MARK: case mapping

int32_t ks_case_map(ks_case mapping, const char *locale, const uint16_t *source, int32_t length,
                    uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    switch (mapping) {
    case KS_CASE_LOWER: return u_strToLower(destination, capacity, source, length, locale, s);
    case KS_CASE_UPPER: return u_strToUpper(destination, capacity, source, length, locale, s);
    case KS_CASE_TITLE: return u_strToTitle(destination, capacity, source, length, NULL, locale, s);
    case KS_CASE_FOLD: return u_strFoldCase(destination, capacity, source, length, U_FOLD_CASE_DEFAULT, s);
    }
    *s = U_ILLEGAL_ARGUMENT_ERROR;
    return 0;
}

// MARK: locale data

static int32_t count_list(const char *const *list) {
    int32_t n = 0;
    while (list[n] != NULL) n++;
    return n;
}

int32_t ks_locale_iso_country_count(void) { return count_list(uloc_getISOCountries()); }
const char *ks_locale_iso_country(int32_t index) { return uloc_getISOCountries()[index]; }
int32_t ks_locale_iso_language_count(void) { return count_list(uloc_getISOLanguages()); }
const char *ks_locale_iso_language(int32_t index) { return uloc_getISOLanguages()[index]; }

int32_t ks_locale_display_country(const char *locale, const char *display_locale,
                                  uint16_t *destination, int32_t capacity, int32_t *status) {
    return uloc_getDisplayCountry(locale, display_locale, destination, capacity, (UErrorCode *)status);
}

int32_t ks_locale_display_language(const char *locale, const char *display_locale,
                                   uint16_t *destination, int32_t capacity, int32_t *status) {
    return uloc_getDisplayLanguage(locale, display_locale, destination, capacity, (UErrorCode *)status);
}

int32_t ks_locale_is_right_to_left(const char *locale) {
    return uloc_isRightToLeft(locale) ? 1 : 0;
}

int32_t ks_date_symbol(const char *locale, ks_date_symbols kind, int32_t index,
                       uint16_t *destination, int32_t capacity, int32_t *status) {
    static const UDateFormatSymbolType types[] = {
        UDAT_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_STANDALONE_SHORT_MONTHS,
        UDAT_WEEKDAYS, UDAT_SHORT_WEEKDAYS,
    };
    UErrorCode *s = (UErrorCode *)status;
    if ((int)kind < 0 || (int)kind > 5) { *s = U_ILLEGAL_ARGUMENT_ERROR; return -1; }
    UDateFormat *format = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, locale, NULL, 0, NULL, 0, s);
    if (U_FAILURE(*s)) return -1;
    int32_t result = -1;
    if (index >= 0 && index < udat_countSymbols(format, types[kind])) {
        result = udat_getSymbols(format, types[kind], index, destination, capacity, s);
    }
    udat_close(format);
    return result;
}

// Time zone exemplar cities: ICU's localized city names („Moskau“, „Kiew“, „Wien“), a city
// gazetteer for entity recognition.

int32_t ks_tz_location_zones(char *destination, int32_t capacity, int32_t *status) {
    UEnumeration *zones = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, (UErrorCode *)status);
    if (U_FAILURE(*(UErrorCode *)status)) return 0;
    int32_t needed = 0;
    const char *zone;
    int32_t length;
    while ((zone = uenum_next(zones, &length, (UErrorCode *)status)) != NULL && U_SUCCESS(*(UErrorCode *)status)) {
        if (needed + length + 1 <= capacity) {
            memcpy(destination + needed, zone, (size_t)length);
            destination[needed + length] = '\n';
        }
        needed += length + 1;
    }
    uenum_close(zones);
    if (U_SUCCESS(*(UErrorCode *)status) && needed > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
    return needed;
}

struct ks_tz_cities {
    UDateFormat *format;
    UCalendar *calendar;
};

ks_tz_cities *ks_tz_cities_open(const char *locale, int32_t *status) {
    static const UChar pattern[] = {'V', 'V', 'V'};
    UErrorCode *s = (UErrorCode *)status;
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, NULL, 0, pattern, 3, s);
    if (U_FAILURE(*s)) return NULL;
    UCalendar *calendar = ucal_open(NULL, 0, locale, UCAL_DEFAULT, s);
    if (U_FAILURE(*s)) { udat_close(format); return NULL; }
    ks_tz_cities *cities = malloc(sizeof *cities);
    if (cities == NULL) {
        ucal_close(calendar);
        udat_close(format);
        *s = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    cities->format = format;
    cities->calendar = calendar;
    return cities;
}

void ks_tz_cities_close(ks_tz_cities *cities) {
    if (cities == NULL) return;
    ucal_close(cities->calendar);
    udat_close(cities->format);
    free(cities);
}

int32_t ks_tz_cities_city(ks_tz_cities *cities, const uint16_t *zone, int32_t zone_length,
                          uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    // The "VVV" field names the zone of the calendar it formats.
    ucal_setTimeZone(cities->calendar, zone, zone_length, s);
    if (U_FAILURE(*s)) return 0;
    ucal_setMillis(cities->calendar, ucal_getNow(), s);
    if (U_FAILURE(*s)) return 0;
    return udat_formatCalendar(cities->format, cities->calendar, destination, capacity, NULL, s);
}

// MARK: number formatting

int32_t ks_number_symbol(const char *locale, int32_t which, uint16_t *destination, int32_t capacity,
                         int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    if (which != 0 && which != 1) { *s = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
    UNumberFormat *format = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, s);
    if (U_FAILURE(*s)) return 0;
    int32_t length = unum_getSymbol(format, which == 0 ? UNUM_DECIMAL_SEPARATOR_SYMBOL
                                                       : UNUM_GROUPING_SEPARATOR_SYMBOL,
                                    destination, capacity, s);
    unum_close(format);
    return length;
}

struct ks_numfmt {
    UNumberFormatter *formatter;
    UFormattedNumber *result;
};

ks_numfmt *ks_numfmt_open(const uint16_t *skeleton, int32_t skeleton_length, const char *locale,
                          int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    UNumberFormatter *formatter = unumf_openForSkeletonAndLocale(skeleton, skeleton_length, locale, s);
    if (U_FAILURE(*s)) return NULL;
    UFormattedNumber *result = unumf_openResult(s);
    if (U_FAILURE(*s)) { unumf_close(formatter); return NULL; }
    ks_numfmt *format = malloc(sizeof *format);
    if (format == NULL) {
        unumf_closeResult(result);
        unumf_close(formatter);
        *s = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    format->formatter = formatter;
    format->result = result;
    return format;
}

void ks_numfmt_close(ks_numfmt *format) {
    if (format == NULL) return;
    unumf_closeResult(format->result);
    unumf_close(format->formatter);
    free(format);
}

int32_t ks_numfmt_format_double(ks_numfmt *format, double value, uint16_t *destination, int32_t capacity,
                                int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    unumf_formatDouble(format->formatter, value, format->result, s);
    if (U_FAILURE(*s)) return 0;
    return unumf_resultToString(format->result, destination, capacity, s);
}

// MARK: date formatting

struct ks_datefmt {
    UDateFormat *format;
    UCalendar *calendar;
};

static const UChar ks_utc[] = {'U', 'T', 'C'};

ks_datefmt *ks_datefmt_open(const uint16_t *skeleton, int32_t skeleton_length, const char *locale,
                            int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    // The locale's own calendar may be another (th: Buddhist, fa: Persian, ar_SA: Islamic); the
    // day is a Gregorian one, so the pattern and the format are the Gregorian calendar's.
    char gregorian[ULOC_FULLNAME_CAPACITY];
    if (strlen(locale) >= sizeof gregorian) { *s = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    strcpy(gregorian, locale);
    uloc_setKeywordValue("calendar", "gregorian", gregorian, (int32_t)sizeof gregorian, s);
    if (U_FAILURE(*s)) return NULL;
    locale = gregorian;
    UDateTimePatternGenerator *generator = udatpg_open(locale, s);
    if (U_FAILURE(*s)) return NULL;
    UChar pattern[128];
    int32_t pattern_length = udatpg_getBestPattern(generator, skeleton, skeleton_length, pattern, 128, s);
    udatpg_close(generator);
    if (U_FAILURE(*s)) return NULL;
    if (pattern_length >= 128) { *s = U_BUFFER_OVERFLOW_ERROR; return NULL; }
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, ks_utc, 3, pattern, pattern_length, s);
    if (U_FAILURE(*s)) return NULL;
    UCalendar *calendar = ucal_open(ks_utc, 3, "en_US@calendar=gregorian", UCAL_GREGORIAN, s);
    if (U_FAILURE(*s)) { udat_close(format); return NULL; }
    ucal_setAttribute(calendar, UCAL_LENIENT, 0);  // 31 February is an error, not 3 March
    ks_datefmt *result = malloc(sizeof *result);
    if (result == NULL) {
        ucal_close(calendar);
        udat_close(format);
        *s = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->format = format;
    result->calendar = calendar;
    return result;
}

void ks_datefmt_close(ks_datefmt *format) {
    if (format == NULL) return;
    ucal_close(format->calendar);
    udat_close(format->format);
    free(format);
}

int32_t ks_datefmt_pattern(ks_datefmt *format, uint16_t *destination, int32_t capacity, int32_t *status) {
    return udat_toPattern(format->format, 0, destination, capacity, (UErrorCode *)status);
}

int32_t ks_datefmt_format(ks_datefmt *format, int32_t year, int32_t month, int32_t day,
                          uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode *s = (UErrorCode *)status;
    if (month < 1 || month > 12 || day < 1 || day > 31) { *s = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
    ucal_clear(format->calendar);
    ucal_setDate(format->calendar, year, month - 1, day, s);
    UDate date = ucal_getMillis(format->calendar, s);
    if (U_FAILURE(*s)) return 0;
    return udat_format(format->format, date, destination, capacity, NULL, s);
}

// MARK: terminal

int32_t ks_terminal_columns(int32_t fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

int32_t ks_is_wide(uint32_t code_point) {
    int32_t width = u_getIntPropertyValue((UChar32)code_point, UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

void ks_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void ks_fix_mmap_threshold(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

// MARK: UTF-8 and UTF-16

int32_t ks_utf16_to_utf8(const uint16_t *source, int32_t length, uint8_t *dest, int32_t capacity, int32_t *status) {
    int32_t written = 0;
    u_strToUTF8WithSub((char *)dest, capacity, &written, source, length, 0xFFFD, NULL, (UErrorCode *)status);
    return written;
}

int32_t ks_utf8_to_utf16(const uint8_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    int32_t written = 0;
    u_strFromUTF8(dest, capacity, &written, (const char *)source, length, (UErrorCode *)status);
    return written;
}
