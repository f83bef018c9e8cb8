// Stands in for the one libstdc++ 13 symbol that TorchSharp's native library asks for.
//
// GCC 13 moved the construction of std::cout and friends into libstdc++ itself: every file that
// includes <iostream> now only references std::ios_base_library_init() (GLIBCXX_3.4.32) instead of
// holding its own std::ios_base::Init. On an older libstdc++ nothing would then construct the
// standard streams for that code, so this library does it, and defines the symbol for good measure.
#include <ios>

extern "C" __attribute__((visibility("default"))) void _ZSt21ios_base_library_initv() {}

static std::ios_base::Init standard_streams;
