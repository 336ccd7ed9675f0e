// The only file that includes libxml2's headers. See include/CKernsatzXML.h for the contract.
#include "CKernsatzXML.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

// libxml2 2.12 made the error passed to structured handlers const.
#if LIBXML_VERSION >= 21200
#define KS_XML_ERROR_PTR const xmlError *
#else
#define KS_XML_ERROR_PTR xmlErrorPtr
#endif

// No network, no DTD loading or defaulting, entities left as references (never substituted),
// no size limits (glossaries of tens of MB are real), line numbers past 65535, and the encoding
// declaration ignored: the Swift side hands over UTF-8 whatever the document declared.
static const int ks_xml_options = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES;

void ks_xml_init(void) { xmlInitParser(); }

int64_t ks_xml_first_invalid_utf8(const uint8_t *bytes, int64_t length) {
    int64_t i = 0;
    while (i < length) {
        uint8_t b0 = bytes[i];
        if (b0 < 0x80) { i++; continue; }
        int need;
        uint8_t lower = 0x80, upper = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) need = 1;
        else if (b0 == 0xE0) { need = 2; lower = 0xA0; }
        else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) need = 2;
        else if (b0 == 0xED) { need = 2; upper = 0x9F; }
        else if (b0 == 0xF0) { need = 3; lower = 0x90; }
        else if (b0 >= 0xF1 && b0 <= 0xF3) need = 3;
        else if (b0 == 0xF4) { need = 3; upper = 0x8F; }
        else return i;
        if (i + need >= length) return i;  // the sequence is cut off by the end
        for (int k = 1; k <= need; k++) {
            uint8_t b = bytes[i + k];
            uint8_t lo = k == 1 ? lower : 0x80, hi = k == 1 ? upper : 0xBF;
            if (b < lo || b > hi) return i;
        }
        i += need + 1;
    }
    return -1;
}

// MARK: errors

static void ks_xml_copy(char *destination, size_t capacity, const char *source) {
    if (source == NULL) { destination[0] = 0; return; }
    strncpy(destination, source, capacity - 1);
    destination[capacity - 1] = 0;
    size_t length = strlen(destination);
    while (length > 0 && (destination[length - 1] == '\n' || destination[length - 1] == ' ')) destination[--length] = 0;
}

/// Keeps the first error that is not a warning and not a namespace complaint (an undeclared
/// prefix leaves the document readable by qualified names, as before).
static void ks_xml_collect(ks_xml_error *target, KS_XML_ERROR_PTR error) {
    if (error == NULL || target->code != 0) return;
    if (error->level < XML_ERR_ERROR || error->domain == XML_FROM_NAMESPACE) return;
    target->code = error->code == 0 ? 1 : error->code;
    target->line = error->line;
    target->column = error->int2;
    ks_xml_copy(target->message, sizeof target->message, error->message);
    ks_xml_copy(target->detail, sizeof target->detail, error->str1);
}

// MARK: the prolog

typedef struct {
    xmlParserCtxtPtr ctxt;
    ks_xml_declaration *found;
    int32_t capacity;
    int32_t count;
    int root_seen;
} ks_xml_prolog;

static void ks_xml_prolog_add(ks_xml_prolog *state, int32_t kind, const xmlChar *name, const xmlChar *value) {
    if (state->count < state->capacity) {
        ks_xml_declaration *declaration = &state->found[state->count];
        declaration->kind = kind;
        declaration->line = state->ctxt->input != NULL ? state->ctxt->input->line : 0;
        declaration->column = state->ctxt->input != NULL ? state->ctxt->input->col : 0;
        ks_xml_copy(declaration->name, sizeof declaration->name, (const char *)name);
        ks_xml_copy(declaration->value, sizeof declaration->value, (const char *)value);
    }
    state->count++;
}

static void ks_xml_prolog_subset(void *context, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    if (external_id != NULL || system_id != NULL) {
        ks_xml_prolog_add(context, KS_XML_EXTERNAL_DTD, name, system_id != NULL ? system_id : external_id);
    }
}

static void ks_xml_prolog_entity(void *context, const xmlChar *name, int type, const xmlChar *public_id,
                                 const xmlChar *system_id, xmlChar *content) {
    (void)type;
    if (public_id != NULL || system_id != NULL) {
        ks_xml_prolog_add(context, KS_XML_EXTERNAL_ENTITY, name, system_id != NULL ? system_id : public_id);
    } else {
        ks_xml_prolog_add(context, KS_XML_INTERNAL_ENTITY, name, content);
    }
}

static void ks_xml_prolog_root(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                               int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                               const xmlChar **attributes) {
    (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    ((ks_xml_prolog *)context)->root_seen = 1;
    xmlStopParser(((ks_xml_prolog *)context)->ctxt);
}

static void ks_xml_prolog_ignore(void *context, KS_XML_ERROR_PTR error) { (void)context; (void)error; }

int32_t ks_xml_prolog_declarations(const char *bytes, int32_t length, ks_xml_declaration *found, int32_t capacity) {
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.internalSubset = ks_xml_prolog_subset;
    sax.entityDecl = ks_xml_prolog_entity;
    sax.startElementNs = ks_xml_prolog_root;
    sax.serror = ks_xml_prolog_ignore;

    // A push parser, fed a slice at a time until the root element starts: only the prolog is
    // parsed (and copied into libxml2's buffer), however large the document.
    ks_xml_prolog state = { NULL, found, capacity, 0, 0 };
    int32_t first = length < 4 ? length : 4;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &state, bytes, first, NULL);
    if (ctxt == NULL) return 0;
    state.ctxt = ctxt;
    xmlCtxtUseOptions(ctxt, ks_xml_options);
    const int32_t slice = 1 << 16;
    int32_t offset = first;
    while (!state.root_seen && ctxt->instate != XML_PARSER_EOF) {
        int32_t size = length - offset < slice ? length - offset : slice;
        int terminate = offset + size >= length;
        if (xmlParseChunk(ctxt, bytes + offset, size, terminate) != 0 && !ctxt->wellFormed) break;
        offset += size;
        if (terminate) break;
    }
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    xmlFreeParserCtxt(ctxt);
    return state.count;
}

// MARK: the pull reader

struct ks_xml_reader {
    xmlTextReaderPtr reader;
    ks_xml_error error;
};

static void ks_xml_reader_collect(void *context, KS_XML_ERROR_PTR error) {
    ks_xml_collect(&((ks_xml_reader *)context)->error, error);
}

ks_xml_reader *ks_xml_reader_open(const char *bytes, int32_t length) {
    ks_xml_reader *result = calloc(1, sizeof(ks_xml_reader));
    if (result == NULL) return NULL;
    result->reader = xmlReaderForMemory(bytes, length, NULL, NULL, ks_xml_options);
    if (result->reader == NULL) { free(result); return NULL; }
    xmlTextReaderSetStructuredErrorHandler(result->reader, ks_xml_reader_collect, result);
    return result;
}

void ks_xml_reader_close(ks_xml_reader *reader) {
    if (reader == NULL) return;
    xmlFreeTextReader(reader->reader);
    free(reader);
}

int32_t ks_xml_reader_read(ks_xml_reader *reader) {
    int result = xmlTextReaderRead(reader->reader);
    if (reader->error.code != 0) return -1;
    if (result < 0) {
        reader->error.code = 1;
        reader->error.line = xmlTextReaderGetParserLineNumber(reader->reader);
        reader->error.column = xmlTextReaderGetParserColumnNumber(reader->reader);
        ks_xml_copy(reader->error.message, sizeof reader->error.message, "the parser stopped");
        return -1;
    }
    return result;
}

const ks_xml_error *ks_xml_reader_error(const ks_xml_reader *reader) { return &reader->error; }

int32_t ks_xml_reader_node_type(ks_xml_reader *reader) { return xmlTextReaderNodeType(reader->reader); }

int32_t ks_xml_reader_is_empty_element(ks_xml_reader *reader) {
    return xmlTextReaderIsEmptyElement(reader->reader) == 1 ? 1 : 0;
}

const char *ks_xml_reader_name(ks_xml_reader *reader) {
    const xmlChar *name = xmlTextReaderConstName(reader->reader);
    return name != NULL ? (const char *)name : "";
}

const char *ks_xml_reader_value(ks_xml_reader *reader) {
    const xmlChar *value = xmlTextReaderConstValue(reader->reader);
    return value != NULL ? (const char *)value : "";
}

int32_t ks_xml_reader_line(ks_xml_reader *reader) {
    xmlNodePtr node = xmlTextReaderCurrentNode(reader->reader);
    long line = node != NULL ? xmlGetLineNo(node) : -1;
    return line > 0 ? (int32_t)line : 0;
}

int32_t ks_xml_reader_next_attribute(ks_xml_reader *reader) {
    return xmlTextReaderMoveToNextAttribute(reader->reader) == 1 ? 1 : 0;
}

void ks_xml_reader_to_element(ks_xml_reader *reader) { xmlTextReaderMoveToElement(reader->reader); }
