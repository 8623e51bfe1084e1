#ifndef VINHDANH_SYS_H
#define VINHDANH_SYS_H

#include <stddef.h>
#include <stdint.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int vinhdanh_exchange_paths(const char *from, const char *to);

/// `vinhdanh_exchange_paths` with paths relative to open folders (or AT_FDCWD).
int vinhdanh_exchange_at(int from_dir, const char *from, int to_dir, const char *to);

/// Writes the ICU sort key of UTF-8 text under Vietnamese collation (ICU locale "vi")
/// into `out`. Returns the key's full length (which may exceed `capacity`: call again
/// with a larger buffer), or -1 if ICU failed.
int32_t vinhdanh_vi_sort_key(const char *utf8, int32_t length, uint8_t *out, int32_t capacity);

/// The 128-bit XXH3 hash of `length` bytes (Debian's libxxhash), high half first:
/// tells whether an output file's bytes changed without reading the file back.
void vinhdanh_hash128(const void *bytes, size_t length, uint64_t out[2]);

#endif
