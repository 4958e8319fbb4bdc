/*
 * cmark-floor INPUT_DIR OUTPUT_DIR
 *
 * The floor for Wegwijs' rendering speed: the least work any tool must do to turn the same
 * CommonMark into HTML with libcmark. In one process and one thread, for every *.md file in
 * every INPUT_DIR/<lang>/ (languages and files in byte order), it reads the file, parses it
 * with cmark_parse_document, renders it with cmark_render_html, writes
 * OUTPUT_DIR/<lang>/<name>.html with one write call, and frees everything.
 *
 * Prints `floor pages=P seconds=S bytes_in=I bytes_out=O` on stdout, where S is the wall time
 * (CLOCK_MONOTONIC) from before the first directory listing to after the last file is closed.
 * Any failure prints `cmark-floor: <what>: <path>: <reason>` on stderr and exits 1.
 *
 * Build: cc -O2 bench/cmark-floor.c $(pkg-config --cflags --libs libcmark)
 */

#define _POSIX_C_SOURCE 200809L

#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

struct totals {
    size_t pages;
    size_t bytes_in;
    size_t bytes_out;
};

static int fail(const char *what, const char *path) {
    fprintf(stderr, "cmark-floor: %s: %s: %s\n", what, path, strerror(errno));
    return -1;
}

static int fail_plain(const char *what, const char *path) {
    fprintf(stderr, "cmark-floor: %s: %s\n", what, path);
    return -1;
}

/* Joins a and b with '/' into a new string, or returns NULL (errno set) when out of memory. */
static char *join(const char *a, const char *b, const char *suffix) {
    size_t la = strlen(a), lb = strlen(b), ls = strlen(suffix);
    char *s = malloc(la + 1 + lb + ls + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, a, la);
    s[la] = '/';
    memcpy(s + la + 1, b, lb);
    memcpy(s + la + 1 + lb, suffix, ls + 1);
    return s;
}

static int has_md_suffix(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t count) {
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

/*
 * Lists the entries of dir that are directories (want_dirs) or regular *.md files, sorted by
 * strcmp. Returns 0 and sets *out and *count, or -1 after printing the error.
 */
static int list(const char *dir, int want_dirs, char ***out, size_t *count) {
    DIR *d = opendir(dir);
    if (d == NULL)
        return fail("cannot open directory", dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (e == NULL) {
            if (errno != 0) {
                fail("cannot read directory", dir);
                goto error;
            }
            break;
        }
        if (e->d_name[0] == '.')
            continue;
        if (!want_dirs && !has_md_suffix(e->d_name))
            continue;
        char *path = join(dir, e->d_name, "");
        if (path == NULL) {
            fail("out of memory listing", dir);
            goto error;
        }
        struct stat st;
        int r = stat(path, &st);
        if (r != 0) {
            fail("cannot stat", path);
            free(path);
            goto error;
        }
        free(path);
        if (want_dirs ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
            continue;
        if (n == cap) {
            size_t new_cap = cap ? cap * 2 : 64;
            char **grown = realloc(names, new_cap * sizeof *grown);
            if (grown == NULL) {
                fail("out of memory listing", dir);
                goto error;
            }
            names = grown;
            cap = new_cap;
        }
        names[n] = strdup(e->d_name);
        if (names[n] == NULL) {
            fail("out of memory listing", dir);
            goto error;
        }
        n++;
    }
    if (closedir(d) != 0) {
        d = NULL;
        fail("cannot close directory", dir);
        goto error;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    *out = names;
    *count = n;
    return 0;
error:
    if (d != NULL)
        closedir(d);
    free_names(names, n);
    return -1;
}

/* Reads the whole file into a new buffer; returns 0, or -1 after printing the error. */
static int read_file(const char *path, char **out, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail("cannot open", path);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fail("cannot stat", path);
        close(fd);
        return -1;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size ? size : 1);
    if (buf == NULL) {
        fail("out of memory reading", path);
        close(fd);
        return -1;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t r = read(fd, buf + got, size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fail("cannot read", path);
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0) {
            fail_plain("file shrank while being read", path);
            free(buf);
            close(fd);
            return -1;
        }
        got += (size_t)r;
    }
    if (close(fd) != 0) {
        fail("cannot close", path);
        free(buf);
        return -1;
    }
    *out = buf;
    *len = size;
    return 0;
}

/* Writes data to path (created or truncated); returns 0, or -1 after printing the error. */
static int write_file(const char *path, const char *data, size_t len) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return fail("cannot create", path);
    size_t done = 0;
    /* One write call for a regular file in practice; the loop only covers a short write. */
    while (done < len) {
        ssize_t r = write(fd, data + done, len - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fail("cannot write", path);
            close(fd);
            return -1;
        }
        done += (size_t)r;
    }
    if (close(fd) != 0)
        return fail("cannot close", path);
    return 0;
}

static int make_dir(const char *path) {
    if (mkdir(path, 0755) == 0)
        return 0;
    if (errno == EEXIST) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
        errno = ENOTDIR;
    }
    return fail("cannot create directory", path);
}

static int render_page(const char *in_path, const char *out_path, struct totals *t) {
    char *text;
    size_t len;
    if (read_file(in_path, &text, &len) != 0)
        return -1;
    cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);
    free(text);
    if (doc == NULL)
        return fail_plain("cmark could not parse", in_path);
    char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
    cmark_node_free(doc);
    if (html == NULL)
        return fail_plain("cmark could not render", in_path);
    size_t html_len = strlen(html);
    int r = write_file(out_path, html, html_len);
    /* cmark allocates the rendered string with its default allocator. */
    cmark_get_default_mem_allocator()->free(html);
    if (r != 0)
        return -1;
    t->pages++;
    t->bytes_in += len;
    t->bytes_out += html_len;
    return 0;
}

static int render_language(const char *in_root, const char *out_root, const char *lang,
                           struct totals *t) {
    int status = -1;
    char *in_dir = join(in_root, lang, "");
    char *out_dir = join(out_root, lang, "");
    char **names = NULL;
    size_t count = 0;
    if (in_dir == NULL || out_dir == NULL) {
        fail("out of memory for language", lang);
        goto done;
    }
    if (make_dir(out_dir) != 0 || list(in_dir, 0, &names, &count) != 0)
        goto done;
    for (size_t i = 0; i < count; i++) {
        char *in_path = join(in_dir, names[i], "");
        /* name.md -> name.html */
        names[i][strlen(names[i]) - 3] = '\0';
        char *out_path = join(out_dir, names[i], ".html");
        int r = -1;
        if (in_path == NULL || out_path == NULL)
            fail("out of memory for page", names[i]);
        else
            r = render_page(in_path, out_path, t);
        free(in_path);
        free(out_path);
        if (r != 0)
            goto done;
    }
    status = 0;
done:
    free_names(names, count);
    free(in_dir);
    free(out_dir);
    return status;
}

static double now(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
        perror("cmark-floor: clock_gettime(CLOCK_MONOTONIC)");
        exit(1);
    }
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: cmark-floor INPUT_DIR OUTPUT_DIR\n"
                        "  renders every INPUT_DIR/<lang>/*.md to OUTPUT_DIR/<lang>/*.html\n");
        return 64;
    }
    const char *in_root = argv[1], *out_root = argv[2];
    struct totals t = {0, 0, 0};

    double start = now();
    if (make_dir(out_root) != 0)
        return 1;
    char **langs;
    size_t lang_count;
    if (list(in_root, 1, &langs, &lang_count) != 0)
        return 1;
    int status = 0;
    for (size_t i = 0; i < lang_count && status == 0; i++)
        status = render_language(in_root, out_root, langs[i], &t);
    free_names(langs, lang_count);
    double seconds = now() - start;
    if (status != 0)
        return 1;
    if (t.pages == 0) {
        fprintf(stderr, "cmark-floor: no INPUT_DIR/<lang>/*.md files under %s\n", in_root);
        return 1;
    }

    if (printf("floor pages=%zu seconds=%.3f bytes_in=%zu bytes_out=%zu\n", t.pages, seconds,
               t.bytes_in, t.bytes_out) < 0 ||
        fflush(stdout) != 0) {
        perror("cmark-floor: cannot write to stdout");
        return 1;
    }
    return 0;
}
