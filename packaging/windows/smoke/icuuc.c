/* A stand-in for Windows' icuuc.dll in the smoke test's Wine prefix only; never shipped.
 *
 * Qt 6's Qt6Core.dll imports ICU's converter functions (ucnv_*) from the ICU that Windows 10
 * (1903 and later) and 11 carry in System32. Wine 8.0 (Debian 12) has no icuuc.dll, so
 * Qt6Core.dll, and with it every Qt module, fails to load under Wine. Qt uses these
 * functions only for legacy (non-Unicode) text encodings, which certalign never asks for.
 * This DLL exports them and offers no converter at all: ucnv_open fails, as it does for
 * an unknown encoding, and the list of encodings is empty.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4

__declspec(dllexport) void *ucnv_open(const char *name, UErrorCode *error)
{
    (void)name;
    if (error != NULL && *error <= 0)
        *error = U_FILE_ACCESS_ERROR;
    return NULL;
}

__declspec(dllexport) int32_t ucnv_countAvailable(void) { return 0; }
__declspec(dllexport) const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

/* Never reached without a converter: each does nothing and returns 0. */
#define NOTHING(name) __declspec(dllexport) intptr_t name(void) { return 0; }
NOTHING(ucnv_close)
NOTHING(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
NOTHING(UCNV_TO_U_CALLBACK_SUBSTITUTE)
NOTHING(ucnv_reset)
NOTHING(ucnv_getMaxCharSize)
NOTHING(ucnv_getName)
NOTHING(ucnv_getToUCallBack)
NOTHING(ucnv_getFromUCallBack)
NOTHING(ucnv_setToUCallBack)
NOTHING(ucnv_setFromUCallBack)
NOTHING(ucnv_cbToUWriteUChars)
NOTHING(ucnv_toUnicode)
NOTHING(ucnv_cbFromUWriteUChars)
NOTHING(ucnv_toUCountPending)
NOTHING(ucnv_fromUCountPending)
NOTHING(ucnv_getStandardName)
NOTHING(ucnv_fromUnicode)
