/* What chasquid and OpenSMTPD deliver through in the benchmark, as maildrop
 * would: the message on stdin into the Maildir given as the argument,
 * written to tmp/, fsync'd, renamed into new/ (Maildir's own protocol). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 64;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    char name[64], temporary[4096], final[4096];
    snprintf(name, sizeof name, "%lld.%09ldP%d.bench", (long long)now.tv_sec, now.tv_nsec, (int)getpid());
    snprintf(temporary, sizeof temporary, "%s/tmp/%s", argv[1], name);
    snprintf(final, sizeof final, "%s/new/%s", argv[1], name);
    int fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return 75;
    char buffer[65536];
    ssize_t n;
    while ((n = read(0, buffer, sizeof buffer)) > 0)
        if (write(fd, buffer, (size_t)n) != n)
            return 75;
    if (n < 0 || fsync(fd) != 0 || close(fd) != 0 || rename(temporary, final) != 0)
        return 75;
    return 0;
}
