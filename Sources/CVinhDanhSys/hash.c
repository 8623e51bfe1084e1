#include "vinhdanh_sys.h"
#include <xxhash.h>

void vinhdanh_hash128(const void *bytes, size_t length, uint64_t out[2]) {
    XXH128_hash_t hash = XXH3_128bits(bytes, length);
    out[0] = hash.high64;
    out[1] = hash.low64;
}
