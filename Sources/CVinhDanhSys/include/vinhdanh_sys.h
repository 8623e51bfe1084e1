#ifndef VINHDANH_SYS_H
#define VINHDANH_SYS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int vinhdanh_exchange_paths(const char *from, const char *to);

#endif
