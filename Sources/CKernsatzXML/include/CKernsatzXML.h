// CKernsatzXML — a thin C shim over the system's libxml2: a streaming pull reader
// (xmlTextReader) with a fixed, safe set of options, and a check of the document's prolog.
//
// Every symbol carries the `ks_xml_` prefix. libxml2's headers are included only in the .c file.
// Input is always UTF-8 (the Swift side checks or converts the bytes before parsing) and must
// stay alive and unchanged while a reader uses it. Strings handed out are UTF-8, owned by the
// reader, and valid until the next call that moves it.
#pragma once

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Makes libxml2 ready for use from several threads; call once before anything else.
void ks_xml_init(void);

/// The byte offset of the first byte in `bytes` that does not belong to a well-formed UTF-8
/// sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
int64_t ks_xml_first_invalid_utf8(const uint8_t *bytes, int64_t length);

// MARK: errors

/// libxml2's first error (warnings and namespace errors are left out). `code` 0 means none.
typedef struct ks_xml_error {
    /// libxml2's xmlParserErrors value (XML_ERR_TAG_NAME_MISMATCH is 76, …).
    int32_t code;
    /// 1-based line and column, 0 when libxml2 did not say.
    int32_t line;
    int32_t column;
    /// libxml2's own message, UTF-8, without the trailing line break.
    char message[512];
    /// The name or value libxml2 put into the message, when it gave one ("body" of a tag mismatch).
    char detail[256];
} ks_xml_error;

// MARK: the prolog

typedef enum {
    /// <!DOCTYPE … SYSTEM "…"> or PUBLIC "…" "…": an external DTD (name: the root, value: the system ID).
    KS_XML_EXTERNAL_DTD = 1,
    /// <!ENTITY x SYSTEM "…"> (or PUBLIC, or a parameter entity %x): name and system ID.
    KS_XML_EXTERNAL_ENTITY = 2,
    /// <!ENTITY x "…"> (or a parameter entity): name and the first bytes of its replacement text.
    KS_XML_INTERNAL_ENTITY = 3,
} ks_xml_declaration_kind;

typedef struct ks_xml_declaration {
    int32_t kind;  // ks_xml_declaration_kind
    int32_t line;
    int32_t column;
    char name[256];
    char value[512];
} ks_xml_declaration;

/// Parses `bytes` up to the start tag of the root element with libxml2 (no DTD, entity or network
/// loading) and reports the document type declaration's external DTD and every entity declaration
/// in its internal subset, at most `capacity` of them; returns how many there are (may exceed
/// `capacity`). Errors are not reported here: the reader finds them again.
int32_t ks_xml_prolog_declarations(const char *bytes, int32_t length, ks_xml_declaration *found, int32_t capacity);

// MARK: the pull reader

typedef struct ks_xml_reader ks_xml_reader;

/// Node types, as libxml2's xmlReaderTypes.
typedef enum {
    KS_XML_NODE_ELEMENT = 1,
    KS_XML_NODE_TEXT = 3,
    KS_XML_NODE_CDATA = 4,
    KS_XML_NODE_ENTITY_REFERENCE = 5,
    KS_XML_NODE_PROCESSING_INSTRUCTION = 7,
    KS_XML_NODE_COMMENT = 8,
    KS_XML_NODE_DOCUMENT_TYPE = 10,
    KS_XML_NODE_WHITESPACE = 13,
    KS_XML_NODE_SIGNIFICANT_WHITESPACE = 14,
    KS_XML_NODE_END_ELEMENT = 15,
} ks_xml_node_type;

/// Opens a reader over UTF-8 `bytes` (not copied). Options: no network, no DTD loading, no entity
/// substitution, no size limits (XML_PARSE_HUGE), the declared encoding ignored (the bytes are UTF-8).
ks_xml_reader *ks_xml_reader_open(const char *bytes, int32_t length);
void ks_xml_reader_close(ks_xml_reader *reader);
/// Moves to the next node: 1 when there is one, 0 at the end, -1 on an error (`ks_xml_reader_error`).
int32_t ks_xml_reader_read(ks_xml_reader *reader);
/// The first error seen so far (code 0: none).
const ks_xml_error *ks_xml_reader_error(const ks_xml_reader *reader);
int32_t ks_xml_reader_node_type(ks_xml_reader *reader);
/// 1 for an element written <a/> (no end-element node follows), else 0.
int32_t ks_xml_reader_is_empty_element(ks_xml_reader *reader);
/// The qualified name ("tbx:term", "xml:lang") of the node or attribute; "" when it has none.
const char *ks_xml_reader_name(ks_xml_reader *reader);
/// The text of a text node or the value of an attribute; "" when there is none.
const char *ks_xml_reader_value(ks_xml_reader *reader);
/// The 1-based line of the current node (of its start tag for an element), 0 when unknown.
int32_t ks_xml_reader_line(ks_xml_reader *reader);
/// Moves to the element's next attribute (namespace declarations included): 1 when there is one.
int32_t ks_xml_reader_next_attribute(ks_xml_reader *reader);
/// Moves back from an attribute to its element.
void ks_xml_reader_to_element(ks_xml_reader *reader);

#ifdef __cplusplus
}
#endif
