// Carries only the pkg-config flags for Debian's ICU (icu-uc, icu-i18n) to the C shim that
// depends on it. Nothing is declared here: ICU's own headers are included by the shim's .c file.
#pragma once
