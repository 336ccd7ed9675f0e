// Carries only the pkg-config flags for the system's libxml2 (libxml-2.0) to the C shim that
// depends on it. Nothing is declared here: libxml2's own headers are included by the shim's .c file.
#pragma once
