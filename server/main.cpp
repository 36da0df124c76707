#include <cstdio>

// Placeholder until the server lands; it fails loudly rather than pretending to work.
int main() {
    std::fputs("server: not implemented yet\n", stderr);
    return 2;
}
