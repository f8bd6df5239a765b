/* ProcessPrng for the smoke test's Wine prefix only; never shipped.
 *
 * Rust programs built with Rust 1.78 or newer (pydantic-core, python-calamine) import
 * ProcessPrng from bcryptprimitives.dll, which every Windows 10 and 11 has and Wine 8.0
 * (Debian 12) does not. This gives Wine the same function: cryptographically random bytes,
 * from RtlGenRandom (advapi32's SystemFunction036), which Wine implements.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
