// Does what the sanitizers must stop, so that the asan build proves their reports are fatal: a
// report that only printed would let "survived" through and exit 0.
#include <climits>
#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  volatile int offset = argc;  // keeps the compiler from seeing the fault coming
  if (std::strcmp(argv[1], "signed-overflow") == 0) {
    volatile int big = INT_MAX;
    std::printf("%d\n", big + offset);  // UBSan: signed integer overflow
  } else if (std::strcmp(argv[1], "heap-overflow") == 0) {
    std::vector<int> two(2, 0);
    std::printf("%d\n", two.data()[offset + 2]);  // ASan: heap-buffer-overflow
  } else {
    return 2;
  }
  std::puts("survived");
  return 0;
}
