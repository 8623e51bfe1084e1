#include <pthread.h>
#include <stdlib.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include "vinhdanh_sys.h"

// One Vietnamese collator for the process, opened on first use. ICU collators are safe
// to share between threads for const operations such as ucol_getSortKey.
static UCollator *vi_collator;
static pthread_once_t vi_once = PTHREAD_ONCE_INIT;

static void open_vi_collator(void) {
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open("vi", &status);
    vi_collator = U_FAILURE(status) ? NULL : collator;
}

int32_t vinhdanh_vi_sort_key(const char *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    pthread_once(&vi_once, open_vi_collator);
    if (!vi_collator) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar stack[256];
    UChar *text = stack;
    int32_t units = 0;
    u_strFromUTF8(text, 256, &units, utf8, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        text = malloc(sizeof(UChar) * (size_t)(units + 1));
        if (!text) return -1;
        u_strFromUTF8(text, units + 1, &units, utf8, length, &status);
    }
    int32_t result = U_FAILURE(status) ? -1 : ucol_getSortKey(vi_collator, text, units, out, capacity);
    if (text != stack) free(text);
    return result;
}
